// A click answers in the very next frame, whatever it then has to compute (issue 24, item 3): in
// Debian's Chromium, while a run plays in Compare, the first animation frame after each of
// bench:page's clicks already shows the dialog, the close-up's frame, the timelines' card, the
// picker's "Opening the lesson…" or the status line, and then the full answer follows. Run with
// `npm run test:browser`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, start } from '../../scripts/lib/browser.mjs';
import { CLICKS, PLAYING_LINK } from '../../scripts/lib/clicks.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

/** In the page: after the next `trigger` event, whether the first animation frame after it (the
 * one that is painted next) has `answer` drawn, and its text. */
function watchFirstFrame({ trigger, answer }) {
  window.__first = new Promise((resolve) => {
    document.addEventListener(
      trigger,
      () =>
        // The click's own work (React's render of a discrete event) is done before this frame.
        requestAnimationFrame(() => {
          const shown = [answer].flat().flatMap(({ selector, text }) =>
            [...document.querySelectorAll(selector)].filter((el) => {
              const box = el.getBoundingClientRect();
              const t = el.textContent.trim();
              return (
                box.width > 0 &&
                box.height > 0 &&
                (text === undefined || (text === '' ? t !== '' : t.includes(text)))
              );
            }),
          );
          resolve(shown.map((el) => el.textContent.trim().slice(0, 80)));
        }),
      { capture: true, once: true },
    );
  });
}

/** The clicks whose heavy work waits for the first frame: that frame shows their placeholder, not
 * the finished answer. */
const PLACEHOLDERS = {
  'Close-up (queue node)': { selector: '.closeup-opening', text: 'Opening the SQS close-up' },
  'Lesson (picker)': { selector: '.scenario-picker-status', text: 'Opening the lesson' },
  'Export: Chart (PNG)': { selector: '.export-status', text: 'Drawing the chart' },
};

describe('while a run plays in Compare, each click', () => {
  it('shows its answer in the first frame after the click, then finishes', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(`${app.url}${PLAYING_LINK}`);
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.waitForTimeout(1500);
    for (const c of CLICKS) {
      if (c.before) await c.before(page);
      assert.ok(
        (await page.getByRole('button', { name: 'Pause', exact: true }).count()) > 0,
        `the run is not playing before “${c.name}”`,
      );
      const placeholder = PLACEHOLDERS[c.name];
      await page.evaluate(watchFirstFrame, {
        // The frame after the click event: one may come between the pointer's down and up.
        trigger: c.trigger ?? 'click',
        answer: placeholder ?? c.answer,
      });
      const target = c.click(page);
      if (c.select) await target.selectOption(c.select);
      else await target.click();
      const first = await page.evaluate(() => window.__first);
      const what = placeholder ? 'its placeholder is not' : 'nothing of its answer is';
      assert.ok(first.length > 0, `“${c.name}”: ${what} in the first frame`);
      if (c.done) {
        const done = [c.done].flat()[0];
        await page
          .locator(done.selector, done.text ? { hasText: done.text } : {})
          .first()
          .waitFor({ timeout: 20_000 });
      }
      if (c.after) await c.after(page);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('opens a dialog where the modal one is drawn, and makes it modal after that frame', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(`${app.url}${PLAYING_LINK}`);
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.evaluate(() => {
      window.__boxes = new Promise((resolve) => {
        document.addEventListener(
          'click',
          () =>
            requestAnimationFrame(() => {
              const dialog = document.querySelector('dialog.exercise-dialog');
              const first = {
                box: dialog.getBoundingClientRect().toJSON(),
                modal: dialog.matches(':modal'),
              };
              setTimeout(() =>
                requestAnimationFrame(() =>
                  resolve({
                    first,
                    later: {
                      box: dialog.getBoundingClientRect().toJSON(),
                      modal: dialog.matches(':modal'),
                    },
                  }),
                ),
              );
            }),
          { capture: true, once: true },
        );
      });
    });
    await page.getByRole('button', { name: 'Sync or async? quiz' }).click();
    const { first, later } = await page.evaluate(() => window.__boxes);
    assert.equal(first.modal, false, 'modal in its first frame: showModal() ran in the click');
    assert.equal(later.modal, true, 'not modal after its first frame');
    for (const side of ['x', 'y', 'width', 'height']) {
      assert.ok(
        Math.abs(first.box[side] - later.box[side]) <= 1,
        `it moved: ${side} ${first.box[side]} → ${later.box[side]}`,
      );
    }
    // Modal now: focus is inside, and Esc closes it as before.
    assert.ok(await page.evaluate(() => document.activeElement?.closest('dialog') !== null));
    await page.keyboard.press('Escape');
    // Closed, it stays in the page (rendered once, so that opening it builds nothing).
    await page.locator('dialog.exercise-dialog').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('dialog.exercise-dialog').getAttribute('open'), null);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
