// The issue 28 links where the engine gives up or works hardest per order, played within the
// page's budgets as heavy.test.mjs plays the load links (scripts/lib/heavyPage.mjs measures): an
// email call of 0 ms failing and retried at once, which the engine stops once it fails, and a link
// into a 1 µs retry storm (landed paused at 1.3 s, then played). Asserted: heap under 300 MB, no
// task over 200 ms of the main thread after the first paint, clicks answered within 100 ms of it,
// and where the engine stops, the stage says so with the setting to change and the clock halts.
// A screenshot of each stage goes to artifacts/screenshots.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, start } from '../../scripts/lib/browser.mjs';
import { assertWithinBudgets, playHeavyLink } from '../../scripts/lib/heavyPage.mjs';

const SECONDS = Number(process.env.HEAVY_SECONDS ?? 30);
const WALL = process.env.HEAVY_WALL === '1';
const SHOTS = join(ROOT, 'artifacts', 'screenshots');

const LINKS = [
  {
    name: 'an instant failing email call, retried at once',
    file: 'heavy-engine-stop.png',
    query:
      'mode=async&traffic.pattern=steady&traffic.rate=1&email.failureRate=1' +
      '&retry.backoff=none&queue.deadLetter=false&latency.email=0',
    // The engine stops it once the first email job fails, and says what to change.
    stop: /latency\.email above 0/,
  },
  {
    name: 'a 1 µs retry storm, landed paused at 1.3 s',
    file: 'heavy-retry-storm.png',
    query:
      'scenario=checkout&mode=async&email.failureRate=1&retry.backoff=none' +
      '&queue.deadLetter=false&latency.email=0.001&autoplay=0&t=1.3',
  },
];

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await app?.close();
});

describe('links that stop the engine or storm it', { timeout: (SECONDS + 90) * 1000 * 2 }, () => {
  for (const link of LINKS) {
    it(`${link.name}: within the page budgets, a stop said on the stage`, async (t) => {
      const r = await playHeavyLink(app, link.query, SECONDS, {
        screenshot: join(SHOTS, link.file),
      });
      t.diagnostic(`${link.name}: ${r.line}`);
      assertWithinBudgets(r, { wall: WALL });
      if (link.stop) {
        assert.ok(r.stopped, 'the stage did not say the engine stopped');
        assert.match(r.stopText, link.stop);
      }
    });
  }
});
