// Browser test of honest predictions in Debian's Chromium: for every lesson, the title, the
// one-line summary and the goals hold none of the answer's key words until the student locks in
// an answer (or skips the question), and all of them after. The key words are the scenarios' own
// data, read through tsx so the test and the app cannot disagree about them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { openPanel, ROOT, start } from '../../scripts/lib/browser.mjs';

/** [id, title, keyWords] of every lesson, in the picker's order. */
const LESSONS = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "import { SCENARIOS } from './src/scenarios/all.ts';" +
        'console.log(JSON.stringify(SCENARIOS.map((s) => [s.id, s.title, s.prediction.keyWords])));',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  ),
);

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

/** What the student reads about the lesson beside its prediction: title, summary and goals. */
async function lessonText(page, title) {
  const parts = await Promise.all([
    page.getByRole('heading', { name: title, exact: true }).textContent(),
    page.getByTestId('lesson-summary').textContent(),
    page.getByRole('region', { name: 'Goals' }).textContent(),
  ]);
  return parts.join('\n').toLowerCase();
}

const found = (text, words) => words.filter((w) => text.includes(w.toLowerCase()));

describe('every lesson', () => {
  it('keeps its answer out of the title, summary and goals until the student answers', async () => {
    assert.equal(LESSONS.length, 14);
    const page = await app.browser.newPage({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await openPanel(page);
    for (const [i, [id, title, keyWords]] of LESSONS.entries()) {
      await page.getByRole('combobox', { name: 'Lesson' }).selectOption(id);
      await page.getByRole('heading', { name: title, exact: true }).waitFor();
      assert.deepEqual(found(await lessonText(page, title), keyWords), [], `${id} before`);
      const prediction = page.getByRole('region', { name: 'Your prediction' });
      // Half the lessons are answered, half skipped: both end the question.
      if (i % 2 === 0) {
        await prediction.getByRole('radio').first().check();
        await prediction.getByRole('button', { name: 'Lock in my answer and play' }).click();
      } else {
        await prediction.getByRole('button', { name: 'Skip the question' }).click();
      }
      await prediction.getByText(/You said|You skipped/).waitFor();
      assert.deepEqual(found(await lessonText(page, title), keyWords), keyWords, `${id} after`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});
