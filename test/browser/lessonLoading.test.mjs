// Browser tests of the lessons loading on demand (scenarios/load.ts) in Debian's Chromium: a
// lesson link fetches its own lesson before the first screen and the next one after it, and a
// lesson whose chunk does not arrive says so while the page keeps the lesson it had.
// Screenshots go to artifacts/screenshots/lessonLoading-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, ROOT, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots');
/** A lesson's chunk, by its file's name (`assets/trafficSpike-<hash>.js`). */
const LESSON_CHUNK =
  /\/assets\/(checkout|emailOutage|flakyEmail|workerCrash|trafficSpike|tooFewWorkers|passwordCheck|poisonMessage|doubleCharge|slowEmail|kafkaPoison|rabbitDrop|dualWrite|designIt)-[\w-]+\.js$/;

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

/** A page at 1280x800 with reduced motion, and the lesson chunks it asks for, in order. */
async function pageWithChunks() {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  const chunks = [];
  page.on('request', (r) => {
    const m = LESSON_CHUNK.exec(new URL(r.url()).pathname);
    if (m) chunks.push(m[1]);
  });
  return { page, errors, chunks };
}

describe('a lesson link', () => {
  it('shows its lesson in the first screen, and fetches the next lesson after it', async () => {
    const { page, errors, chunks } = await pageWithChunks();
    // The first frame React commits already has the lesson's question (its content, not the
    // index's), never filled in a moment later.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const title = document.querySelector('#lesson-title');
        if (!title) return;
        window.__firstTitle = title.textContent;
        window.__firstText = document.body.textContent;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${app.url}?v=1&scenario=traffic-spike`);
    await page
      .getByRole('button', { name: /^(Play|Pause)$/ })
      .first()
      .waitFor();
    assert.match(await page.evaluate(() => window.__firstTitle), /A traffic spike/);
    assert.match(
      await page.evaluate(() => window.__firstText),
      /During the spike, which customers wait longest for their page\?/,
    );
    await page.waitForTimeout(1000);
    assert.deepEqual(chunks, ['trafficSpike', 'tooFewWorkers']);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('on a slow link', () => {
  // The lesson's chunks are asked for by the small script index.html runs first
  // (scripts/lib/lessonPreload.mjs), while the main script is still arriving, not a round trip
  // after it; each once.
  for (const [name, query, lesson] of [
    ['a lesson link', '?v=1&scenario=traffic-spike', 'trafficSpike'],
    ['the bare address', '', 'checkout'],
  ]) {
    it(`${name} starts fetching its lesson before the main script has arrived`, async () => {
      const { page, errors, chunks } = await pageWithChunks();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      // About Lighthouse's slow 4G: 150 ms round trips, 1.6 Mbit/s down.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await page.goto(`${app.url}${query}`);
      await page.locator('#lesson-title').waitFor({ timeout: 30_000 });
      const times = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => ({
          name: new URL(e.name).pathname,
          start: e.startTime,
          end: e.responseEnd,
        })),
      );
      const main = times.find((e) => /\/assets\/index-[\w-]+\.js$/.test(e.name));
      const own = times.filter((e) => e.name.includes(`/assets/${lesson}-`));
      assert.ok(main, 'the main script was not fetched');
      assert.equal(own.length, 1, `the lesson's chunk was fetched ${own.length} times`);
      assert.ok(
        own[0].start < main.end,
        `the lesson's chunk was asked for at ${Math.round(own[0].start)} ms, after the main script arrived at ${Math.round(main.end)} ms`,
      );
      assert.equal(chunks[0], lesson);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('an embed with no lesson fetches none before its first screen', async () => {
    const { page, errors } = await pageWithChunks();
    // The resources asked for by the time the stage's first lane is in the page.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.lane')) return;
        window.__atFirstScreen = performance.getEntriesByType('resource').map((e) => e.name);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${app.url}?v=1&embed=1`);
    await page
      .getByRole('button', { name: /^(Play|Pause)$/ })
      .first()
      .waitFor();
    const asked = await page.evaluate(() => window.__atFirstScreen);
    assert.ok(
      asked.some((u) => /\/assets\/index-/.test(u)),
      asked.join('\n'),
    );
    assert.deepEqual(
      asked.filter((u) => LESSON_CHUNK.test(new URL(u).pathname)),
      [],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('a lesson whose chunk does not arrive', () => {
  it('says so under the picker, keeps the lesson it had, and opens once it can', async () => {
    const { page, errors } = await pageWithChunks();
    await page.route(/\/assets\/emailOutage-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(`${app.url}?v=1&scenario=checkout`);
    const picker = page.getByRole('combobox', { name: 'Lesson' });
    await picker.waitFor();
    await page.waitForTimeout(500);
    await picker.selectOption('email-outage');
    const alert = page.getByRole('alert').filter({ hasText: 'could not load' });
    await alert.waitFor();
    assert.equal(
      await alert.textContent(),
      'The lesson “The email service goes down” could not load: check the connection and try again.',
    );
    assert.equal(await picker.inputValue(), 'checkout');
    assert.match(await page.locator('#lesson-title').textContent(), /One checkout/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'lessonLoading-failed.png') });

    await page.unroute(/\/assets\/emailOutage-[\w-]+\.js$/);
    await picker.selectOption('email-outage');
    await page.locator('#lesson-title', { hasText: 'The email service goes down' }).waitFor();
    assert.equal(await alert.count(), 0);
    // The failed fetch is the one console error; nothing else went wrong.
    assert.ok(
      errors.every((e) => /emailOutage|Failed to load resource/.test(e)),
      errors.join('\n'),
    );
    await page.close();
  });
});
