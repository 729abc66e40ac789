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
