// Links that land: two links per lesson and six edge cases, with a seeded random moment inside and past each
// lesson's length, with and without caption=N, with reduced motion on and off and some on a CPU
// slowed fourfold. Each must open paused at its moment (within 0.1 s) once any jump progress is
// gone, and still be there a second later; or show a notice naming why it cannot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { ROOT, newPageWithErrors, start } from '../../scripts/lib/browser.mjs';

/** The lessons and their lengths, as the app's own scenario list has them. */
const LESSONS = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "const { SCENARIOS } = await import('./src/scenarios/all.ts');" +
        'console.log(JSON.stringify(SCENARIOS.map((s) => ({ id: s.id, lengthSec: s.durationSec }))));',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  ),
);

/** mulberry32: a small seeded generator, so the links are the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20_210_021;

/** The links: every lesson twice (a moment inside its length, then one past it), each with a
 * caption a third of the time (some past the lesson's last caption), then six that test the
 * edges: captions alone, a caption with t, a moment past the replay budget, and free play. */
function links() {
  const next = random(SEED);
  const pick = (n) => Math.floor(next() * n);
  const out = [];
  for (const past of [false, true]) {
    for (const lesson of LESSONS) {
      const L = lesson.lengthSec;
      const t = Math.round((past ? L * (1 + 2 * next()) : 0.5 + (L - 0.5) * next()) * 10) / 10;
      const caption = next() < 1 / 3 ? 1 + pick(6) : null;
      out.push({
        query: `scenario=${lesson.id}&t=${t}${caption ? `&caption=${caption}` : ''}`,
        t,
        caption,
      });
    }
  }
  out.push({ query: 'scenario=checkout&caption=3', t: null, caption: 3 });
  out.push({ query: 'scenario=email-outage&caption=5', t: null, caption: 5 });
  out.push({ query: 'scenario=flaky-email&caption=9', t: null, caption: 9 });
  out.push({ query: 'scenario=traffic-spike&caption=abc&t=12.3', t: 12.3, caption: 'abc' });
  out.push({
    query: 'traffic.pattern=steady&traffic.rate=5000&t=100',
    t: 100,
    caption: null,
    overBudget: true,
  });
  out.push({ query: 't=3600', t: 3600, caption: null });
  return out.map((link, i) => ({
    ...link,
    reducedMotion: next() < 0.5,
    slowCpu: i % 3 === 2,
  }));
}

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

/** The simulated clock in seconds, from the timeline's slider (its value is in ms). */
async function clockSec(page) {
  const value = await page.getByRole('slider', { name: 'Time' }).inputValue();
  return Number(value) / 1000;
}

const captionText = (page) =>
  page.locator('[aria-label="Lesson caption"] .beat-count').textContent();

/** Waits for any jump progress to come and go, then one more second. */
async function settle(page) {
  // The first screen has painted once what sits below the stage is in (it mounts after that
  // paint), and a link's jump has published its progress by then: the page's load event can come
  // before either.
  await page.locator('.below-stage .orders-table').waitFor({ state: 'attached', timeout: 60_000 });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.locator('.jump-progress').waitFor({ state: 'detached', timeout: 60_000 });
  const before = await clockSec(page);
  await page.waitForTimeout(1000);
  await page.locator('.jump-progress').waitFor({ state: 'detached', timeout: 60_000 });
  return before;
}

async function notices(page) {
  const list = page.locator('.url-notices li');
  return list.count().then((n) => (n === 0 ? [] : list.allTextContents()));
}

/** Presses keys (next, then back, or the other way round at the last caption) and returns the
 * clock where the caption strip's own navigation lands: the start of the caption it showed. */
async function captionStartByKeys(page, last) {
  for (const key of last ? ['PageUp', 'PageDown'] : ['PageDown', 'PageUp']) {
    const before = await captionText(page);
    await page.keyboard.press(key);
    await page.waitForFunction(
      (text) =>
        document.querySelector('[aria-label="Lesson caption"] .beat-count')?.textContent !== text,
      before,
    );
    await page.locator('.jump-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }
  return clockSec(page);
}

describe('every lesson twice and six edge links, each opened fresh', () => {
  const all = links();
  it('covers every lesson, moments inside and past their length, captions and both motions', () => {
    // Two per lesson plus the six edge links: a new lesson adds two, none is dropped.
    assert.equal(all.length, LESSONS.length * 2 + 6);
    for (const { id, lengthSec } of LESSONS) {
      const mine = all.filter((l) => l.query.startsWith(`scenario=${id}&`));
      assert.ok(
        mine.some((l) => l.t !== null && l.t < lengthSec),
        `${id}: a moment inside`,
      );
      assert.ok(
        mine.some((l) => l.t !== null && l.t > lengthSec),
        `${id}: a moment past`,
      );
    }
    assert.ok(all.some((l) => l.caption !== null && l.t !== null));
    assert.ok(all.some((l) => l.reducedMotion) && all.some((l) => !l.reducedMotion));
  });

  for (const link of all) {
    const name = `?v=1&${link.query}${link.reducedMotion ? ', reduced motion' : ''}${
      link.slowCpu ? ', CPU slowed 4x' : ''
    }`;
    it(`${name} lands paused where it says, or says why not`, async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport: { width: 1280, height: 800 },
      });
      await page.emulateMedia({ reducedMotion: link.reducedMotion ? 'reduce' : 'no-preference' });
      if (link.slowCpu) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      }
      await page.goto(`${app.url}?v=1&${link.query}`);
      const landed = await settle(page);
      const said = await notices(page);
      const later = await clockSec(page);
      assert.equal(later, landed, 'the clock has not moved a second after landing');
      assert.equal(await page.locator('.button-play').textContent(), 'Play', 'paused');

      // The address bar is the link as opened, or it has come to say the moment it landed on.
      await page.waitForFunction(
        ({ opened, sec }) =>
          location.search === opened ||
          Number(new URL(location.href).searchParams.get('t') ?? 0) === sec,
        { opened: `?v=1&${link.query}`, sec: landed },
        { timeout: 5000 },
      );

      const n = Number(link.caption);
      if (link.caption !== null && said.some((s) => s.startsWith('Ignored caption='))) {
        // A caption out of range: the notice names the range, and the lesson opens at t or 0 s.
        const notice = said.find((s) => s.startsWith('Ignored caption='));
        const range = /a caption number from 1 to (\d+)/.exec(notice);
        assert.ok(range, notice);
        assert.ok(!(Number.isInteger(n) && n >= 1 && n <= Number(range[1])), notice);
        assert.ok(Math.abs(landed - (link.t ?? 0)) <= 0.1, `${landed} s against t=${link.t}`);
      } else if (link.caption !== null) {
        // On caption N, at its start (where the strip's own keys put it), and t named if given.
        const text = await captionText(page);
        const strip = /Caption (\d+) of (\d+)/.exec(text);
        assert.ok(strip, text);
        assert.equal(Number(strip[1]), n, text);
        if (link.t !== null) {
          assert.ok(
            said.some((s) => s.startsWith(`Ignored t=${link.t}: caption=${n} sets the moment`)),
            said.join(' | '),
          );
        }
        const start = await captionStartByKeys(page, strip[1] === strip[2]);
        assert.ok(Math.abs(landed - start) <= 0.1, `${landed} s against the caption's ${start} s`);
      } else if (link.overBudget) {
        assert.equal(said.length, 1, said.join(' | '));
        assert.match(
          said[0],
          /^Ignored t=100: reaching 1:40\.0 means simulating about [\d,]+ orders/,
        );
        assert.match(said[0], /a jump reaches at most [\d.:]+( s)?; the run starts at 0 s\.$/);
        assert.equal(landed, 0);
      } else {
        assert.deepEqual(said, []);
        assert.ok(Math.abs(landed - link.t) <= 0.1, `${landed} s against t=${link.t}`);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
