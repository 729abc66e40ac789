// Browser tests of the lessons in Debian's Chromium: loading a scenario, a caption's beat pausing
// playback, a presenter's keys moving between beats, the projector theme, and axe in projector
// theme and presentation mode. Screenshots of a lesson go to artifacts/screenshots/lessons-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  newPageWithErrors,
  openPanel,
  ROOT,
  seriousViolations,
  shownSeconds,
  start,
} from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots');

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

/** The page, paused (reduced motion keeps it from autoplaying), with the checkout lesson loaded. */
async function openLesson(options = {}) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
    ...options,
  });
  await page.goto(`${app.url}?v=1`);
  await openPanel(page);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('checkout');
  await page.getByRole('heading', { name: 'One checkout, sync against async' }).waitFor();
  return { page, errors };
}

const caption = (page) =>
  page.getByRole('region', { name: 'Lesson caption' }).getByRole('status').textContent();

describe('a lesson', () => {
  it('loads from the picker at 0 s with its first caption, prediction and goals', async () => {
    const { page, errors } = await openLesson();
    assert.equal(await shownSeconds(page), 0);
    assert.match(await caption(page), /Caption 1 of 4.*One customer clicks/);
    await page.getByRole('region', { name: 'Your prediction' }).waitFor();
    assert.equal(
      await page.getByRole('region', { name: 'Goals' }).getByRole('listitem').count(),
      3,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('pauses playback by itself at a beat that asks for it, and ticks the goal there', async () => {
    const { page, errors } = await openLesson();
    await page.getByRole('radio', { name: 'At the same moment as in sync' }).check();
    // Locking the answer starts the lesson.
    await page.getByRole('button', { name: 'Lock in my answer and play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10_000 });
    assert.equal(await shownSeconds(page), 1.05);
    assert.match(await caption(page), /Caption 3 of 4/);
    const goals = page.getByRole('region', { name: 'Goals' });
    assert.match(await goals.textContent(), /Ticked at 1\.05 s/);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10_000 });
    assert.equal(await shownSeconds(page), 2.55);
    const prediction = page.getByRole('region', { name: 'Your prediction' });
    assert.match(await prediction.textContent(), /async email sent after 2\.55 s.*You were right/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('presentation mode', () => {
  it('moves between beats with Page Down, Page Up and the arrow keys, as a clicker does', async () => {
    const { page } = await openLesson();
    await page.getByRole('button', { name: 'Present' }).click();
    assert.equal(await page.locator('.app').getAttribute('data-presenting'), 'true');
    assert.equal(await page.getByRole('complementary', { name: 'Controls' }).isVisible(), false);
    await page.keyboard.press('PageDown');
    assert.equal(await shownSeconds(page), 1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    assert.equal(await shownSeconds(page), 2.55);
    assert.match(await caption(page), /Caption 4 of 4/);
    await page.keyboard.press('PageUp');
    assert.equal(await shownSeconds(page), 1.05);
    await page.keyboard.press('ArrowLeft');
    assert.match(await caption(page), /Caption 2 of 4/);
    await page.keyboard.press('p');
    assert.equal(await page.locator('.app').getAttribute('data-presenting'), null);
    await page.close();
  });

  it('lists the shortcuts in a dialog on "?"', async () => {
    const { page } = await openLesson();
    await page.locator('.app').focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /Play or pause/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  it('closes the shortcuts on an Escape pressed before the dialog is painted', async () => {
    const { page } = await openLesson();
    await page.locator('.app').focus();
    // "?" then Escape in one task: the dialog is open by its attribute and not yet modal.
    const opening = await page.evaluate(async () => {
      const key = (k) =>
        document.activeElement.dispatchEvent(
          new KeyboardEvent('keydown', { key: k, bubbles: true }),
        );
      key('?');
      await Promise.resolve();
      const dialog = document.querySelector('dialog[open]');
      const state = dialog?.hasAttribute('data-opening') ?? false;
      key('Escape');
      return state;
    });
    assert.equal(opening, true, 'the Escape came while the dialog was opening');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
    await page.close();
  });
});

/** The lessons as the command line lists them, one `id<TAB>title` a line. */
const LESSONS = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--list'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .map((line) => line.split('\t')[0]);

/** Presses `next` until the caption reads "Caption N of N" or stops changing; returns the last
 * caption. Each press waits for the caption to move on (a long jump is computed in slices). */
async function walkCaptions(page, next) {
  let text = await caption(page);
  for (let i = 0; i < 30 && !/Caption (\d+) of \1(?!\d)/.test(text); i++) {
    await next();
    await page
      .waitForFunction(
        (before) =>
          document.querySelector('[aria-label="Lesson caption"] [role="status"]')?.textContent !==
          before,
        text,
        { timeout: 5000 },
      )
      .catch(() => {});
    const now = await caption(page);
    if (now === text) break;
    text = now;
  }
  return text;
}

describe('every lesson', () => {
  it('is listed by the command line', () => {
    assert.ok(LESSONS.length >= 10, LESSONS.join(', '));
    assert.ok(LESSONS.includes('kafka-poison'));
  });

  for (const id of LESSONS) {
    it(`${id}: "Next caption" reaches the last caption, and is then disabled`, async () => {
      const page = await app.browser.newPage({ reducedMotion: 'reduce' });
      await page.goto(`${app.url}?scenario=${id}`);
      const button = page.getByRole('button', { name: 'Next caption' });
      await button.waitFor();
      const last = await walkCaptions(page, () => button.click());
      assert.match(last, /Caption (\d+) of \1(?!\d)/, `${id} stopped at: ${last}`);
      assert.equal(await button.isDisabled(), true);
      await page.close();
    });

    it(`${id}: Page Down in presentation mode reaches the last caption`, async () => {
      const page = await app.browser.newPage({ reducedMotion: 'reduce' });
      await page.goto(`${app.url}?scenario=${id}&present=1`);
      await page.getByRole('region', { name: 'Lesson caption' }).waitFor();
      assert.equal(await page.locator('.app').getAttribute('data-presenting'), 'true');
      await page.locator('.app').focus();
      const last = await walkCaptions(page, () => page.keyboard.press('PageDown'));
      assert.match(last, /Caption (\d+) of \1(?!\d)/, `${id} stopped at: ${last}`);
      await page.close();
    });
  }
});

describe('themes', () => {
  it('projector: black on white, on the page and the simulator', async () => {
    const { page } = await openLesson();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('projector');
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'projector');
    const colours = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const title = getComputedStyle(document.querySelector('h1'));
      return [body.backgroundColor, title.color];
    });
    assert.deepEqual(colours, ['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    await page.close();
  });

  for (const theme of ['projector', 'dark']) {
    it(`has no serious or critical axe violations in the ${theme} theme, presenting or not`, async () => {
      const { page } = await openLesson();
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      assert.deepEqual(await seriousViolations(page), [], `${theme} theme`);
      await page.getByRole('radio', { name: 'At the same moment as in sync' }).check();
      await page.getByRole('button', { name: 'Lock in my answer and play' }).click();
      await page.getByRole('button', { name: 'Present' }).click();
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      assert.deepEqual(await seriousViolations(page), [], `${theme} theme, presenting`);
      await page.close();
    });
  }
});

/** Whether the element's box lies inside the viewport, top to bottom and side to side. */
async function onFirstScreen(page, locator) {
  const b = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  return b !== null && b.y >= 0 && b.y < height && b.x >= 0 && b.x + b.width <= width + 1;
}

describe('a lesson at three sizes', () => {
  it('shows its caption and its lanes on the first screen, in every theme, and writes screenshots', async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A laptop and a projector show both lanes on the first screen; a phone stacks them, so
    // only the first lane starts there. (The embed sizes have their own tests: embed.test.mjs.)
    for (const [width, height, lanes] of [
      [1280, 800, 2],
      [1920, 1080, 2],
      [390, 844, 1],
    ]) {
      const { page, errors } = await openLesson({ viewport: { width, height } });
      // The student picked the lesson in the panel and closes it to watch: from the panel's own
      // button where the panel floats over the stage, else from the header.
      const close = page.getByRole('button', { name: 'Close the controls' });
      const panel = page.getByRole('button', { name: 'Controls', exact: true });
      await ((await close.isVisible()) ? close : panel).click();
      await page.getByRole('radio', { name: 'At the same moment as in sync' }).check();
      await page.getByRole('button', { name: 'Lock in my answer and play' }).click();
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const at = `${width}x${height}`;
      const caption = page.getByRole('region', { name: 'Lesson caption' });
      assert.ok(await onFirstScreen(page, caption), `${at}: the caption is on the first screen`);
      for (const lane of ['Synchronous system diagram', 'Asynchronous system diagram'].slice(
        0,
        lanes,
      )) {
        const region = page.getByRole('region', { name: lane, exact: true });
        assert.ok(await onFirstScreen(page, region), `${at}: ${lane} starts on the first screen`);
      }
      const sideways = await page.evaluate(() => document.scrollingElement.scrollWidth);
      assert.ok(sideways <= width, `${at}: the page does not scroll sideways (${sideways} px)`);
      await page.screenshot({ path: join(SHOTS, `lessons-${at}.png`) });
      await page.screenshot({ path: join(SHOTS, `lessons-${at}-full.png`), fullPage: true });
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10_000 });
      // The theme lives in the side panel, which presentation mode hides.
      await panel.click();
      for (const theme of ['projector', 'dark']) {
        await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
        await page.getByRole('button', { name: 'Present' }).click();
        await page.evaluate(() => window.scrollTo(0, 0));
        const root = await page.evaluate(() => ({ ...document.documentElement.dataset }));
        assert.equal(root.theme, theme, `${at}: the root carries the ${theme} theme`);
        assert.ok(await onFirstScreen(page, caption), `${at}, ${theme}: caption on screen`);
        await page.screenshot({ path: join(SHOTS, `lessons-${at}-${theme}.png`) });
        await page.keyboard.press('Escape');
      }
      await page.getByRole('button', { name: 'Sync or async? quiz' }).click();
      const quiz = page.getByRole('dialog', { name: 'Sync or async?' });
      await quiz.getByRole('radio').first().check();
      assert.ok(await onFirstScreen(page, quiz), `${at}: the quiz opens on screen`);
      await page.screenshot({ path: join(SHOTS, `lessons-${at}-quiz.png`) });
      assert.deepEqual(errors, [], `${at}: no console errors`);
      await page.close();
    }
  });
});
