// Browser test of the answer on the stage in Debian's Chromium: for every lesson, answered on the
// stage or skipped and then clicked caption by caption to its last caption, the reveal and its way
// on lie inside a 1280x800 window with the side panel closed, below the caption and clear of the
// tallies, and show this run's number as the engine computes it; opened by a link at the end, the
// same holds presenting at 1920x1080, and an embed at 640x360 shows one line, inside the frame and
// clear of the tallies. Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
  newPageWithErrors,
  ROOT,
  seriousViolations,
  shownSeconds,
  start,
} from '../../scripts/lib/browser.mjs';

/** Runs a module through tsx and parses what it prints, so the test and the app share the data. */
function tsx(code) {
  return JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );
}

/** Every lesson, in the picker's order: what the reveal must say about it, and when its last
 * caption shows (resolved against the engine, as the app resolves it). */
const LESSONS = tsx(
  "import { scenarioRecipe } from './src/scenarios/index.ts';" +
    "import { SCENARIOS } from './src/scenarios/all.ts';" +
    "import { beatMs } from './src/scenarios/beats.ts';" +
    "import { resolveScript } from './src/scenarios/script.ts';" +
    'console.log(JSON.stringify(SCENARIOS.map((s) => ({ id: s.id, label: s.prediction.reveal.label,' +
    ' answer: s.prediction.options.find((o) => o.id === s.prediction.answer).label,' +
    ' design: s.design === true,' +
    ' lastSec: beatMs(resolveScript(s, scenarioRecipe(s)).beats.at(-1)) / 1000 }))));',
);

/** The reveal's number for each lesson at the moment given (ms), from a fresh replay of its
 * recipe in the engine, formatted as the app formats it. */
function expectedNumbers(moments) {
  return tsx(
    "import { readMetric, scenarioRecipe } from './src/scenarios/index.ts';" +
      "import { SCENARIOS } from './src/scenarios/all.ts';" +
      "import { Simulation } from './src/engine/index.ts';" +
      "import { formatMetric } from './src/format/index.ts';" +
      `const at = ${JSON.stringify(moments)};` +
      'console.log(JSON.stringify(Object.fromEntries(Object.entries(at).map(([id, ms]) => {' +
      '  const s = SCENARIOS.find((l) => l.id === id); const { lane, metric } = s.prediction.reveal;' +
      '  const sim = Simulation.fromRecipe(scenarioRecipe(s), lane); sim.runUntil(ms);' +
      '  return [id, formatMetric(metric, readMetric(sim.report(id), metric))];' +
      '}))));',
  );
}

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

const REVEAL = { name: 'The answer to the lesson’s question' };

function assertInside(box, viewport, what) {
  assert.ok(box, `${what} is not on the page`);
  const inside =
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5;
  assert.ok(inside, `${what} ${JSON.stringify(box)} is outside ${JSON.stringify(viewport)}`);
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Waits for the reveal to show and its fade in (a quarter second, kept under reduced motion,
 * which stops only movement) to end, so that axe judges the colours a student reads. */
async function shownInFull(reveal) {
  await reveal.waitFor();
  await reveal.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  await reveal
    .page()
    .waitForFunction((el) => getComputedStyle(el).opacity === '1', await reveal.elementHandle());
}

/** Checks that the reveal covers none of the lanes' tallies. */
async function assertClearOfTallies(page, reveal, id) {
  const box = await reveal.boundingBox();
  const tallies = page.getByRole('list', { name: /checkout so far/ });
  for (let i = 0; i < (await tallies.count()); i++) {
    const tally = await tallies.nth(i).boundingBox();
    assert.ok(tally && !overlaps(box, tally), `${id}: the reveal covers a tally`);
  }
}

/** Clicks "Next caption" until the last caption shows, waiting for each jump to land. */
async function clickToLastCaption(page) {
  const count = page.getByRole('region', { name: 'Lesson caption' }).locator('.beat-count');
  const next = page.getByRole('button', { name: 'Next caption' });
  for (let i = 0; i < 20 && (await next.isEnabled()); i++) {
    const before = await count.textContent();
    await next.click();
    await page.waitForFunction(
      (was) => document.querySelector('.beat-count')?.textContent !== was,
      before,
    );
  }
  const [shown, total] = (await count.textContent()).match(/\d+/g);
  assert.equal(shown, total, 'the last caption shows');
}

describe('the reveal on the stage', () => {
  it('for every lesson at 1280x800: inside the window with the side panel closed, with its number', async () => {
    assert.equal(LESSONS.length, 14);
    const viewport = { width: 1280, height: 800 };
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport,
      reducedMotion: 'reduce',
    });
    const seen = {};
    const moments = {};
    for (const [i, lesson] of LESSONS.entries()) {
      await page.goto(`${app.url}?v=1&scenario=${lesson.id}&autoplay=0`);
      const question = page.getByRole('region', { name: 'Your prediction' });
      // Half the lessons are answered, half skipped, on the stage.
      if (i % 2 === 0) {
        await question.getByRole('radio').first().check();
        await question.getByRole('button', { name: 'Lock in my answer and play' }).click();
      } else {
        await question.getByRole('button', { name: 'Skip the question' }).click();
      }
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await clickToLastCaption(page);
      // A design lesson opens the side panel on its Design section: closed here by its button.
      if (lesson.design) await page.getByRole('button', { name: 'Close the controls' }).click();
      assert.equal(await page.locator('#side-panel').isHidden(), true, 'the side panel is closed');
      const reveal = page.getByRole('region', REVEAL);
      await reveal.waitFor();
      assertInside(await reveal.boundingBox(), viewport, `${lesson.id}: the reveal`);
      const onward =
        i < LESSONS.length - 1
          ? reveal.getByRole('button', { name: /^Next lesson/ })
          : reveal.getByRole('button', { name: 'Back to lesson 1' });
      assertInside(await onward.boundingBox(), viewport, `${lesson.id}: its way on`);
      const caption = await page.getByRole('region', { name: 'Lesson caption' }).boundingBox();
      const box = await reveal.boundingBox();
      assert.ok(caption.y + caption.height <= box.y, `${lesson.id}: the reveal covers the caption`);
      await assertClearOfTallies(page, reveal, lesson.id);
      const text = await reveal.textContent();
      assert.ok(text.includes(`The answer: ${lesson.answer}`) || text.includes(lesson.answer));
      assert.ok(!/NaN|undefined|Infinity/.test(text), `${lesson.id}: ${text}`);
      seen[lesson.id] = text;
      moments[lesson.id] = Math.round((await shownSeconds(page)) * 1000);
    }
    const expected = expectedNumbers(moments);
    for (const lesson of LESSONS) {
      const phrase = `${lesson.label} ${expected[lesson.id]}`;
      assert.ok(
        seen[lesson.id].includes(phrase),
        `${lesson.id}: "${phrase}" in ${seen[lesson.id]}`,
      );
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('passes axe in the light and dark themes, and Next lesson opens the next lesson', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const end = `${app.url}?v=1&scenario=${LESSONS[0].id}&t=${LESSONS[0].lastSec}&autoplay=0`;
    await page.goto(`${end}&theme=dark`);
    await shownInFull(page.getByRole('region', REVEAL));
    assert.deepEqual(await seriousViolations(page), [], 'dark');
    await page.goto(end);
    await shownInFull(page.getByRole('region', REVEAL));
    assert.deepEqual(await seriousViolations(page), [], 'light');
    await page
      .getByRole('region', REVEAL)
      .getByRole('button', { name: /^Next lesson/ })
      .click();
    await page.getByRole('region', { name: 'Your prediction' }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Lesson' }).inputValue(), LESSONS[1].id);
    assert.equal(await page.getByRole('region', REVEAL).count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('presenting at 1920x1080 (a link past the last caption): inside the window for every lesson', async () => {
    const viewport = { width: 1920, height: 1080 };
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport,
      reducedMotion: 'reduce',
    });
    for (const lesson of LESSONS) {
      await page.goto(
        `${app.url}?v=1&scenario=${lesson.id}&t=${lesson.lastSec}&autoplay=0&present=1&theme=projector`,
      );
      const reveal = page.getByRole('region', REVEAL);
      await reveal.waitFor();
      assertInside(await reveal.boundingBox(), viewport, `${lesson.id}: the reveal`);
      const onward = reveal.getByRole('button', { name: /^(Next lesson|Back to lesson 1)/ });
      assertInside(await onward.boundingBox(), viewport, `${lesson.id}: its way on`);
      await assertClearOfTallies(page, reveal, lesson.id);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('in a 640x360 embed: one line inside the frame, clear of the tallies, for every lesson', async () => {
    const viewport = { width: 640, height: 360 };
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport,
      reducedMotion: 'reduce',
    });
    for (const lesson of LESSONS) {
      await page.goto(`${app.url}?v=1&scenario=${lesson.id}&t=${lesson.lastSec}&embed=1`);
      const line = page.getByRole('region', REVEAL);
      // Measured once shown: until motion's features load it waits, unseen, 6 px lower.
      await shownInFull(line);
      const box = await line.boundingBox();
      assertInside(box, viewport, `${lesson.id}: the line`);
      assert.ok(box.height <= 30, `${lesson.id}: one line, not ${box.height} px`);
      await assertClearOfTallies(page, line, lesson.id);
      assert.match(await line.textContent(), new RegExp(`^Answer: .+${lesson.label} \\S`));
      assert.equal(await line.getByRole('button', { name: /Next lesson/ }).count(), 0);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});
