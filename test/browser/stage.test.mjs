// Browser tests for the stage: at the sizes students and instructors use, the caption, Play and
// both lanes' diagrams are on the first screen with no scrolling, diagram text is large enough to
// read, no two labels of a diagram overlap at busy moments, presentation mode presents, a lesson
// waits for its prediction, and a phone never scrolls sideways. Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLink, ROOT, shownSeconds, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots');

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => app?.close());

/** The sizes, each with the smallest diagram text (px) and token (px) it must show. */
const SIZES = [
  { name: 'laptop', width: 1280, height: 800, query: '', text: 12, token: 12 },
  { name: 'presenting', width: 1920, height: 1080, query: '&present=1', text: 14, token: 16 },
  { name: 'embed', width: 800, height: 450, query: '&embed=1', text: 11, token: 0 },
  { name: 'small-embed', width: 640, height: 360, query: '&embed=1', text: 10, token: 0 },
];

const open = (query, viewport) => openLink(app, query, viewport, { settleMs: 300 });

/** Boxes of what must be on the first screen. */
async function stageBoxes(page) {
  const box = async (locator) => {
    const b = await locator.boundingBox();
    assert.ok(b, 'an element of the stage is not shown');
    return b;
  };
  return {
    caption: await box(page.getByRole('region', { name: 'Lesson caption' })),
    play: await box(page.getByRole('button', { name: /^(Play|Pause)$/ }).first()),
    sync: await box(page.getByRole('region', { name: 'Synchronous system diagram', exact: true })),
    async: await box(
      page.getByRole('region', { name: 'Asynchronous system diagram', exact: true }),
    ),
  };
}

/** The smallest rendered text in the diagrams (font size times the drawing's scale), and the
 * drawn size of a token (15 diagram units). */
function diagramScale(page) {
  return page.evaluate(() => {
    let smallest = Infinity;
    let smallestText = '';
    let scale = Infinity;
    for (const svg of document.querySelectorAll('svg.diagram-svg')) {
      const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      scale = Math.min(scale, k);
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent.trim() || t.getClientRects().length === 0) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * k;
        if (px < smallest) {
          smallest = px;
          smallestText = t.textContent;
        }
      }
    }
    return { smallest, smallestText, token: 15 * scale };
  });
}

/** Pairs of text boxes in one diagram that overlap by more than a pixel each way. */
function overlappingLabels(page) {
  return page.evaluate(() => {
    const found = [];
    for (const svg of document.querySelectorAll('svg.diagram-svg')) {
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent.trim() && t.getClientRects().length > 0)
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) found.push(`"${boxes[i].text}" on "${boxes[j].text}"`);
        }
      }
    }
    return found;
  });
}

describe('the stage at each size', () => {
  for (const size of SIZES) {
    it(`${size.name} ${size.width}x${size.height}: caption, Play and both lanes on one screen, text readable`, async () => {
      const viewport = { width: size.width, height: size.height };
      const { page, errors } = await open(
        `&scenario=email-outage&t=20&autoplay=0${size.query}`,
        viewport,
      );
      const scroll = await page.evaluate(() => ({
        h: document.scrollingElement.scrollTop,
        w: document.scrollingElement.scrollWidth,
      }));
      assert.equal(scroll.h, 0);
      assert.ok(scroll.w <= size.width, `the page is ${scroll.w} px wide`);
      for (const [name, b] of Object.entries(await stageBoxes(page))) {
        assert.ok(
          b.x >= 0 &&
            b.y >= 0 &&
            b.x + b.width <= size.width + 0.5 &&
            b.y + b.height <= size.height + 0.5,
          `${name} is not inside ${size.width}x${size.height}: ${JSON.stringify(b)}`,
        );
      }
      const { smallest, smallestText, token } = await diagramScale(page);
      assert.ok(
        smallest >= size.text,
        `"${smallestText}" is drawn at ${smallest.toFixed(1)} px (at least ${size.text})`,
      );
      assert.ok(token >= size.token, `tokens are ${token.toFixed(1)} px (at least ${size.token})`);
      assert.deepEqual(await overlappingLabels(page), []);
      const cut = await page
        .locator('.beat-caption')
        .evaluate((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
      assert.equal(cut, false, 'the caption is cut');
      await page.screenshot({
        path: join(SHOTS, `stage-${size.name}-${size.width}x${size.height}.png`),
      });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

describe('no labels on top of each other at busy moments', () => {
  const MOMENTS = [
    [
      'a steady async run with failures and crashes at 30 s',
      '&mode=async&traffic.pattern=steady&traffic.rate=25&email.failureRate=0.3&workers.crashRate=0.2&t=30',
    ],
    ['the traffic-spike lesson at 25 s', '&scenario=traffic-spike&t=25'],
    ['the Kafka lesson at 30 s', '&scenario=kafka-poison&t=30'],
    ['the RabbitMQ lesson at 41 s', '&scenario=rabbitmq-drop&t=41.3'],
  ];
  for (const size of SIZES) {
    for (const [name, query] of MOMENTS) {
      it(`${name}, ${size.width}x${size.height}`, async () => {
        const { page, errors } = await open(`${query}&autoplay=0${size.query}`, {
          width: size.width,
          height: size.height,
        });
        assert.deepEqual(await overlappingLabels(page), []);
        const { smallest, smallestText } = await diagramScale(page);
        assert.ok(smallest >= size.text, `"${smallestText}" at ${smallest.toFixed(1)} px`);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }
});

describe('presentation mode', () => {
  it('Space plays and pauses after clicking Present, and the toggle says it is pressed', async () => {
    // At a tenth of real speed the lesson's own pause at 1.05 s is 10 s away: the two presses of
    // Space below cannot race it on a busy machine.
    const { page } = await open('&scenario=checkout&autoplay=0&speed=0.1', {
      width: 1920,
      height: 1080,
    });
    await page.getByRole('button', { name: 'Skip the question' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    const present = page.getByRole('button', { name: 'Present' });
    assert.equal(await present.getAttribute('aria-pressed'), 'false');
    await present.click();
    assert.equal(await present.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    assert.equal(await present.getAttribute('aria-pressed'), 'true', 'Space left presenting');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    // The side panel and the analysis are gone; the caption is large.
    assert.equal(await page.locator('.side-panel').isVisible(), false);
    assert.equal(await page.locator('.below-stage').isVisible(), false);
    const caption = await page
      .locator('.beat-caption')
      .evaluate((e) => getComputedStyle(e).fontSize);
    assert.ok(parseFloat(caption) >= 24, `caption at ${caption}`);
    const captionNumber = async () =>
      Number(/Caption (\d+)/.exec(await page.locator('.beat-count').textContent())?.[1] ?? 0);
    const before = await captionNumber();
    await page.keyboard.press('PageDown');
    assert.equal(await captionNumber(), before + 1);
    await page.keyboard.press('Escape');
    assert.equal(await present.getAttribute('aria-pressed'), 'false');
    await page.close();
  });
});

describe('a lesson waits for its prediction', () => {
  it('opens paused at 0 with the question on the stage; locking an answer plays', async () => {
    const { page } = await open('&scenario=email-outage', { width: 1280, height: 800 });
    const question = page.getByRole('group', { name: /While the email service is down/ });
    await question.waitFor();
    await page.waitForTimeout(500);
    assert.equal(await shownSeconds(page), 0);
    assert.equal(await page.getByRole('button', { name: 'Play', exact: true }).count(), 1);
    const box = await question.boundingBox();
    assert.ok(box.y + box.height <= 800, 'the question is on the first screen');
    await page.getByRole('radio', { name: /An error page/ }).check();
    await page.getByRole('button', { name: 'Lock in my answer and play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    assert.equal(await question.count(), 0);
    await page.close();
  });

  it('a visible skip starts it too, and a link with t= jumps there without asking', async () => {
    const first = await open('&scenario=worker-crash', { width: 1280, height: 800 });
    await first.page.getByRole('button', { name: 'Skip the question' }).click();
    await first.page.getByRole('button', { name: 'Pause' }).waitFor();
    await first.page.close();
    const { page } = await open('&scenario=worker-crash&t=5&autoplay=0', {
      width: 1280,
      height: 800,
    });
    assert.equal(await shownSeconds(page), 5);
    assert.equal(await page.getByRole('button', { name: 'Skip the question' }).count(), 0);
    await page.close();
  });
});

describe('a small window', () => {
  it('floats the side panel over the stage, which keeps its width, and closes it from the panel', async () => {
    const { page, errors } = await open('&scenario=checkout&t=1.05', { width: 1000, height: 700 });
    const caption = page.getByRole('region', { name: 'Lesson caption' });
    const before = (await caption.boundingBox()).width;
    await page.getByRole('button', { name: 'Controls', exact: true }).click();
    const close = page.getByRole('button', { name: 'Close the controls' });
    await close.waitFor();
    assert.equal((await caption.boundingBox()).width, before, 'the caption keeps its width');
    assert.ok(before > 650, `the caption spans the stage (${before} px)`);
    await close.click();
    await page.locator('#side-panel').waitFor({ state: 'hidden' });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('a phone', () => {
  it('never scrolls sideways, and each lane is readable when scrolled into view', async () => {
    const { page, errors } = await open('&scenario=email-outage&t=20&autoplay=0', {
      width: 390,
      height: 844,
    });
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide`);
    for (const name of ['Synchronous system diagram', 'Asynchronous system diagram']) {
      const region = page.getByRole('region', { name, exact: true });
      await region.scrollIntoViewIfNeeded();
      const b = await region.boundingBox();
      assert.ok(b.height > 120, `${name} is ${b.height} px high`);
    }
    const { smallest, smallestText } = await diagramScale(page);
    assert.ok(smallest >= 11, `"${smallestText}" at ${smallest.toFixed(1)} px`);
    await page.screenshot({ path: join(SHOTS, 'stage-phone-390x844.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('captions in the smallest embed', () => {
  it('show every caption of every lesson whole at 640x360', async () => {
    const { page } = await open('&embed=1&autoplay=0', { width: 640, height: 360 });
    for (const id of LESSONS) {
      await page.goto(`${app.url}?v=1&scenario=${id}&embed=1&autoplay=0`);
      const next = page.getByRole('button', { name: 'Next caption' });
      await next.waitFor();
      for (let i = 0; i < 12 && (await next.isEnabled()); i++) {
        const before = await page.locator('.beat-caption').textContent();
        await next.click();
        await page
          .waitForFunction(
            (text) => document.querySelector('.beat-caption')?.textContent !== text,
            before,
            { timeout: 5000 },
          )
          .catch(() => undefined);
        for (const selector of ['.beat-caption', '.lesson-title']) {
          const text = page.locator(selector);
          const cut = await text.evaluate((e) => e.scrollHeight > e.clientHeight + 1);
          assert.equal(cut, false, `${id}: "${await text.textContent()}" is cut`);
        }
      }
    }
    await page.close();
  });
});

/** The lessons' ids, as `npm run simulate -- --list` lists them. */
const LESSONS = [
  'checkout',
  'email-outage',
  'flaky-email',
  'worker-crash',
  'traffic-spike',
  'too-few-workers',
  'password-check',
  'poison-message',
  'double-charge',
  'slow-email',
  'kafka-poison',
  'rabbitmq-drop',
];
