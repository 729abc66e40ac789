// Waits made visible, in Debian's Chromium: opened by a link at a key moment, each of the three
// lessons about waiting draws countdown rings on the async lane's canvas, and the lane's diagram
// describes the soonest waits in words (the same facts the engine's view gives the rings).
// Screenshots at 1280x800 go to artifacts/waits-*.png. Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, newPageWithErrors, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts');
mkdirSync(SHOTS, { recursive: true });

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const MOMENTS = [
  {
    id: 'worker-crash',
    t: 12,
    // Three crashed workers' messages come back when their 10 s visibility timeouts end.
    words:
      /^Waiting: order 9: nobody is on it, visible again in 4\.8 s for try 2; order 13: nobody is on it, visible again in 6\.3 s for try 2; order 15: .*; and 1 more\.$/,
    rings: 3,
  },
  {
    id: 'slow-email',
    t: 12.5,
    // Order 6's email is still being sent and its 5 s lease is nearly over.
    words: /^Waiting: order 6: visible again in 0\.5 s unless worker 1 deletes it; order 8: /,
    rings: 2,
  },
  {
    id: 'flaky-email',
    t: 15,
    // Two failed jobs wait for their backoff: order 11 for its fourth try, order 24 its third.
    words: /^Waiting: order 11: try 4 in 1\.0 s; order 24: try 3 in 1\.8 s; /,
    rings: 2,
  },
];

describe('the waits of the lessons about waiting', () => {
  for (const moment of MOMENTS) {
    it(`${moment.id} at ${moment.t} s: rings on the canvas and the countdowns in words`, async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport: { width: 1280, height: 800 },
        reducedMotion: 'reduce',
      });
      await page.goto(`${app.url}?v=1&scenario=${moment.id}&t=${moment.t}&autoplay=0`);
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      const words = page.getByTestId('waits-async');
      await page.waitForFunction(
        (re) =>
          new RegExp(re).test(
            document.querySelector('[data-testid="waits-async"]')?.textContent ?? '',
          ),
        moment.words.source,
        { timeout: 10_000 },
      );
      const text = await words.textContent();
      assert.match(text, moment.words);
      assert.doesNotMatch(text, /NaN|undefined|Infinity|−/);

      // The diagram's description carries the words, so reading the region reads them.
      const region = page.getByRole('region', { name: /Asynchronous system diagram/ });
      const describedBy = (await region.getAttribute('aria-describedby')).split(' ');
      assert.ok(describedBy.includes(await words.getAttribute('id')));

      const canvas = page.getByTestId('tokens-async');
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="tokens-async"]')?.dataset.rings) >= n,
        moment.rings,
        { timeout: 5_000 },
      );
      assert.ok(Number(await canvas.getAttribute('data-rings')) >= moment.rings);
      await page.screenshot({ path: join(SHOTS, `waits-${moment.id}.png`) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('says nothing waits in a lesson without any, and the sync lane has no countdown text', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(`${app.url}?v=1&scenario=checkout&mode=compare&t=0.5&autoplay=0`);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="waits-async"]')?.textContent !== '',
    );
    assert.equal(
      await page.getByTestId('waits-async').textContent(),
      'Nothing is waiting on a timer.',
    );
    assert.equal(await page.getByTestId('waits-sync').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
