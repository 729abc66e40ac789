// Every lesson walked caption by caption with "Next caption", as a student at 1280x800 would: each
// caption shows at its moment (resolved against the engine: scenarios/script.ts), and the lanes'
// tallies on screen then read what the engine counts at that moment, so the numbers a caption
// talks about are the numbers in the picture. Unit tests check each caption's claims against the
// engine (test/scenarios/script.test.ts); this checks the page shows that same moment.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  newPageWithErrors,
  openPanel,
  ROOT,
  shownSeconds,
  start,
} from '../../scripts/lib/browser.mjs';

const LESSONS = JSON.parse(
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/lesson-script.mts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  ),
);
const TITLE = { sync: 'Synchronous', async: 'Asynchronous' };

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

/** Polls `read` until it returns what `expected` is (deep-equal), or gives the last value. */
async function settled(read, expected, timeoutMs = 4000) {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (Date.now() < until) {
    try {
      assert.deepEqual(value, expected);
      return value;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
      value = await read();
    }
  }
  return value;
}

describe('walking every lesson with Next caption at 1280x800', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: each caption at its moment, with the tallies the engine counts then`, async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport: { width: 1280, height: 800 },
        reducedMotion: 'reduce',
      });
      await page.goto(`${app.url}?v=1&scenario=${lesson.id}&t=0.001&autoplay=0`);
      // Skipped, the question no longer hides the tallies the lesson names (even at 0).
      await openPanel(page);
      await page.getByRole('button', { name: 'Skip the question' }).click();
      await page.getByRole('button', { name: 'Controls', exact: true }).click();
      const strip = page.getByRole('region', { name: 'Lesson caption' });
      const next = page.getByRole('button', { name: 'Next caption' });
      await next.waitFor();
      for (const [i, beat] of lesson.beats.entries()) {
        // The first caption may already show at 0 s; every other is one click on.
        const counter = `Caption ${i + 1} of ${lesson.beats.length}`;
        if (!(await strip.textContent()).includes(counter)) await next.click();
        await strip.getByText(counter).waitFor();
        assert.match(
          await strip.textContent(),
          new RegExp(beat.caption.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        );
        assert.ok(
          Math.abs((await shownSeconds(page)) - beat.atMs / 1000) < 0.051,
          `${lesson.id} caption ${i + 1}: the clock shows ${await shownSeconds(page)} s, the caption's moment is ${beat.atMs / 1000} s`,
        );
        for (const mode of lesson.lanes) {
          const items = page.locator(`ul.tallies[aria-label="${TITLE[mode]} checkout so far"] li`);
          const shown = await settled(() => items.allTextContents(), beat.tallies[mode]);
          assert.deepEqual(
            shown.map((t) => t.trim()),
            beat.tallies[mode],
            `${lesson.id} caption ${i + 1}, ${mode} tallies`,
          );
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
