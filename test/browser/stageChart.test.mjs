// Browser tests for the stage chart of the lessons about things piling up: at the sizes students
// and instructors use it is on the first screen beside or below the lanes, never over a diagram
// and never pushing one off screen, its text is large enough to read, and it says its values in a
// text alternative; at 1280 x 800 it takes two lanes' diagrams to their compact detail (legible),
// and with the side panel open, where the lanes have no height to spare, it is left out; a
// slide's embed leaves it out. Run with
// `SKIP_BUILD=1 node --test test/browser/stageChart.test.mjs` after `npx vite build`.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLink, openPanel, ROOT, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const LESSONS = [
  // After the first sync customers gave up (at 32.6 s), so that both kinds of line are drawn.
  { id: 'traffic-spike', lanes: ['Synchronous', 'Asynchronous'], t: 40 },
  { id: 'too-few-workers', lanes: ['Asynchronous'], t: 45 },
  { id: 'flaky-email', lanes: ['Synchronous', 'Asynchronous'], t: 70 },
  { id: 'email-outage', lanes: ['Synchronous', 'Asynchronous'], t: 45 },
];
/** Each size with the smallest chart text (px) it must show, and whether two lanes leave it room:
 * with the side panel open at 1280 x 800, lanes any lower would cut their customer's screen off,
 * so it shows beside one lane only. */
const SIZES = [
  { name: 'laptop', width: 1280, height: 800, query: '', text: 11, twoLanes: true },
  {
    name: 'laptop-panel',
    width: 1280,
    height: 800,
    query: '',
    text: 11,
    panel: true,
    twoLanes: false,
  },
  { name: 'desktop', width: 1440, height: 900, query: '', text: 11, twoLanes: true },
  { name: 'presenting', width: 1920, height: 1080, query: '&present=1', text: 14, twoLanes: true },
];

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => app?.close());

const open = (query, viewport) => openLink(app, query, viewport, { settleMs: 0 });

/** Waits until the chart's text alternative starts with `start`: it redraws in a deferred render
 * after a jump, so a set wait would race it on a busy machine. */
function chartSaying(page, start) {
  return page.waitForFunction(
    (s) =>
      document
        .querySelector('[data-testid="stage-chart"] [role="img"]')
        ?.getAttribute('aria-label')
        ?.startsWith(s),
    start,
    { timeout: 15_000 },
  );
}

function inside(box, viewport) {
  return (
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  );
}

function overlap(a, b) {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5;
}

/** The smallest drawn text of the chart's plot, and whether it has its lines and axis. */
function plotText(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="stage-chart"] svg.sc-svg');
    if (!svg) return null;
    let smallest = Infinity;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim() || t.getClientRects().length === 0) continue;
      smallest = Math.min(
        smallest,
        t.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(t).fontSize) : Infinity,
      );
    }
    const paths = [...svg.querySelectorAll('path')].filter(
      (p) => (p.getAttribute('d') ?? '') !== '',
    );
    return { smallest, paths: paths.length, text: svg.textContent };
  });
}

describe('the stage chart', () => {
  for (const size of SIZES) {
    for (const lesson of LESSONS) {
      it(`${lesson.id} at ${size.name} ${size.width}x${size.height}: on screen, clear of both diagrams, readable`, async () => {
        const viewport = { width: size.width, height: size.height };
        const { page, errors } = await open(
          `&scenario=${lesson.id}&t=${lesson.t}&autoplay=0${size.query}`,
          viewport,
        );
        if (size.panel) await openPanel(page);
        if (lesson.lanes.length === 2 && !size.twoLanes) {
          await page.waitForTimeout(400);
          assert.equal(await page.getByTestId('stage-chart').count(), 0, 'a chart with no room');
          for (const lane of lesson.lanes) {
            const region = page.getByRole('region', {
              name: `${lane} system diagram`,
              exact: true,
            });
            assert.ok(inside(await region.boundingBox(), viewport), `${lane} diagram off screen`);
          }
          assert.deepEqual(errors, []);
          await page.close();
          return;
        }
        const at =
          lesson.t < 60
            ? `${lesson.t}.0 s`
            : `${Math.floor(lesson.t / 60)}:${String(lesson.t % 60).padStart(2, '0')}.0`;
        await chartSaying(page, `At ${at}: `);
        // The diagrams settle on their size and the chart on its measured box.
        await page.waitForTimeout(400);
        const chart = page.getByRole('figure', { name: 'Over time' });
        assert.ok(await chart.isVisible(), 'the chart is not shown');
        const chartBox = await chart.boundingBox();
        assert.ok(
          inside(chartBox, viewport),
          `the chart is off screen: ${JSON.stringify(chartBox)}`,
        );
        assert.ok(
          chartBox.width >= 200 && chartBox.height >= 70,
          `too small: ${JSON.stringify(chartBox)}`,
        );
        for (const lane of lesson.lanes) {
          const region = page.getByRole('region', { name: `${lane} system diagram`, exact: true });
          const box = await region.boundingBox();
          assert.ok(box, `${lane} diagram not shown`);
          assert.ok(inside(box, viewport), `${lane} diagram off screen: ${JSON.stringify(box)}`);
          assert.ok(!overlap(box, chartBox), `${lane} diagram under the chart`);
        }
        const scroll = await page.evaluate(() => document.scrollingElement.scrollTop);
        assert.equal(scroll, 0);

        const drawn = await plotText(page);
        assert.ok(drawn, 'the chart has no plot');
        assert.ok(drawn.smallest >= size.text, `chart text ${drawn.smallest} px`);
        assert.ok(drawn.paths >= 1, 'nothing is drawn');
        assert.match(drawn.text, /0 s/);
        // The text alternative says the values at the moment shown.
        const label = await chart.getByRole('img').getAttribute('aria-label');
        assert.ok(label.startsWith(`At ${at}: `), label);
        assert.match(label, /Async queue: [\d,]+ email jobs? waiting for a worker/);
        // The legend names each line with its lane.
        const legend = await chart.locator('.sc-legend').textContent();
        assert.match(legend, /Async queue: /);
        if (lesson.lanes.length === 2) assert.match(legend, /Sync: /);
        await page.screenshot({ path: join(SHOTS, `stage-chart-${lesson.id}-${size.name}.png`) });
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }

  for (const viewport of [
    { width: 640, height: 360 },
    { width: 800, height: 450 },
  ]) {
    it(`is left out of an embed at ${viewport.width}x${viewport.height}, which keeps both diagrams`, async () => {
      const { page, errors } = await open(
        '&scenario=traffic-spike&t=30&autoplay=0&embed=1',
        viewport,
      );
      await page.waitForTimeout(300);
      assert.equal(await page.getByTestId('stage-chart').count(), 0);
      for (const lane of ['Synchronous', 'Asynchronous']) {
        const box = await page
          .getByRole('region', { name: `${lane} system diagram`, exact: true })
          .boundingBox();
        assert.ok(box && inside(box, viewport), `${lane} diagram off screen`);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('follows a seek back: its text alternative says the earlier moment', async () => {
    const viewport = { width: 1440, height: 900 };
    const { page, errors } = await open('&scenario=traffic-spike&t=40&autoplay=0', viewport);
    const label = () =>
      page.evaluate(
        () =>
          document
            .querySelector('[data-testid="stage-chart"] [role="img"]')
            ?.getAttribute('aria-label') ?? '',
      );
    const saying = (start) => chartSaying(page, start);
    await saying('At 40.0 s: Sync: ');
    const before = await label();
    assert.match(before, /^At 40\.0 s: Sync: [1-9]\d* customers gave up waiting;/);
    const scrubber = page.getByRole('slider', { name: 'Time' });
    await scrubber.focus();
    await page.keyboard.press('Home');
    await saying('At 0.00 s: ');
    assert.match(await label(), /^At 0\.00 s: Async queue: 0 email jobs waiting for a worker\.$/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('draws the current moment where the clock is, after a seek back and while playing', async () => {
    const viewport = { width: 1440, height: 900 };
    const { page, errors } = await open('&scenario=traffic-spike&t=40&autoplay=0', viewport);
    await chartSaying(page, 'At 40.0 s: ');
    /** The now line's x against the time axis' 0 s and 30 s ticks, once the plot (loaded after
     * the first screen) is drawn. */
    const place = async () => {
      await page.waitForSelector('[data-testid="stage-chart"] svg.sc-svg .sc-now[x1]', {
        state: 'attached',
      });
      return page.evaluate(() => {
        const svg = document.querySelector('[data-testid="stage-chart"] svg.sc-svg');
        const now = svg?.querySelector('.sc-now');
        const ticks = [...(svg?.querySelectorAll('g') ?? [])].filter((g) =>
          /^translate\([\d.]+,[\d.]+\)$/.test(g.getAttribute('transform') ?? ''),
        );
        const xOf = (label) => {
          const g = ticks.find((t) => t.textContent === label);
          return g ? Number(/translate\(([\d.]+)/.exec(g.getAttribute('transform'))[1]) : NaN;
        };
        return {
          at: Number(now?.getAttribute('x1')),
          zero: xOf('0 s'),
          thirty: xOf('30 s'),
        };
      });
    };
    const at40 = await place();
    const perSecond = (at40.thirty - at40.zero) / 30;
    assert.ok(perSecond > 0, JSON.stringify(at40));
    assert.ok(Math.abs(at40.at - (at40.zero + 40 * perSecond)) < 1, JSON.stringify(at40));
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const secs = Number.parseFloat((await page.getByTestId('sim-time').textContent()) ?? '');
    const played = await place();
    assert.ok(secs > 0, `the clock reads ${secs}`);
    // The axis may have moved with the tallies' labels: read it again.
    const step = (played.thirty - played.zero) / 30;
    assert.ok(Math.abs(played.at - (played.zero + secs * step)) < 1.5, JSON.stringify(played));
    const scrubber = page.getByRole('slider', { name: 'Time' });
    await scrubber.focus();
    await page.keyboard.press('Home');
    await chartSaying(page, 'At 0.00 s: ');
    const at0 = await place();
    assert.ok(
      Math.abs(at0.at - at0.zero) < 1,
      `the line is not at 0 s after a seek back: ${JSON.stringify(at0)}`,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
