// The presentation keys from the first second, in Chromium: a lesson answered and driven with the
// keyboard alone (never a click on the page), as with a presenter's clicker; Space and the arrows
// after a click on a button; the diagram keeping its arrow keys. Screenshots of the blank screen
// go to artifacts/screenshots/keys-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, newPageWithErrors, seriousViolations, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots');

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await app?.close();
});

const captionNumber = async (page) => {
  const text = await page.locator('[aria-label="Lesson caption"] .beat-count').textContent();
  const match = /Caption (\d+) of/.exec(text ?? '');
  return match ? Number(match[1]) : 0;
};
const playLabel = (page) => page.locator('.button-play').textContent();
const presenting = (page) => page.locator('.app').getAttribute('data-presenting');

/** Presses a key and waits until `read` gives something other than what it gave before. */
async function pressUntilChanged(page, key, read) {
  const before = await read(page);
  await page.keyboard.press(key);
  for (let i = 0; i < 100; i++) {
    const now = await read(page);
    if (now !== before) return now;
    await page.waitForTimeout(50);
  }
  throw new Error(`${key} did not change ${before}`);
}

describe('a lesson driven by the keyboard alone', () => {
  it('answers with the keyboard, then PageDown, Space, P and B do their jobs, no click needed', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(`${app.url}?v=1&scenario=checkout`);
    const card = page.getByRole('region', { name: 'Your prediction' });
    await card.waitFor();
    assert.equal(await playLabel(page), 'Play');

    // The first second: nothing has the focus, and the keys already work.
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    assert.equal(await pressUntilChanged(page, 'p', presenting), 'true');
    assert.equal(await pressUntilChanged(page, 'p', presenting), null);

    // Tab to "Skip the question" and press it with Space: a button the keyboard reached keeps
    // Space for itself.
    const skip = page.getByRole('button', { name: 'Skip the question' });
    for (let i = 0; i < 80 && !(await skip.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await skip.evaluate((b) => b === document.activeElement), true, 'Tab reaches it');
    await page.keyboard.press('Space');
    await card.waitFor({ state: 'detached' });
    // The card took the focus with it; the lesson plays, and pauses at its 1.05 s beat.
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 10_000 });

    // Space plays and pauses.
    assert.equal(await pressUntilChanged(page, 'Space', playLabel), 'Pause');
    assert.equal(await pressUntilChanged(page, 'Space', playLabel), 'Play');

    // PageDown and PageUp move between captions, paused.
    const at = await captionNumber(page);
    const last = at >= 4;
    const there = await pressUntilChanged(page, last ? 'PageUp' : 'PageDown', captionNumber);
    assert.equal(there, last ? at - 1 : at + 1);
    assert.equal(await pressUntilChanged(page, last ? 'PageDown' : 'PageUp', captionNumber), at);
    assert.equal(await playLabel(page), 'Play');

    // P presents; B blanks the screen over the presentation, and any key brings it back.
    assert.equal(await pressUntilChanged(page, 'p', presenting), 'true');
    await page.keyboard.press('b');
    const blank = page.getByTestId('blank-screen');
    await blank.waitFor();
    assert.match(
      await page.getByRole('status').filter({ hasText: 'Screen blanked' }).textContent(),
      /Press any key or click to bring the simulator back/,
    );
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SHOTS, 'keys-blank-1920x1080.png') });
    const box = await blank.boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1920, 1080], 'covers it all');
    // The key that brings it back does only that: the caption stays.
    await page.keyboard.press('PageDown');
    await blank.waitFor({ state: 'detached' });
    assert.equal(await captionNumber(page), at);
    assert.equal(await presenting(page), 'true');
    await page.screenshot({ path: join(SHOTS, 'keys-back-1920x1080.png') });
    assert.equal(await pressUntilChanged(page, 'p', presenting), null);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('keys after a click', () => {
  it('Space plays and ArrowDown moves on after clicking "Next caption", not pressing it again', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${app.url}?v=1&scenario=email-outage&caption=2`);
    const next = page.getByRole('button', { name: 'Next caption' });
    await next.click();
    assert.equal(await captionNumber(page), 3);
    assert.equal(await next.evaluate((b) => b === document.activeElement), true);
    assert.equal(await pressUntilChanged(page, 'Space', playLabel), 'Pause');
    assert.equal(await pressUntilChanged(page, 'Space', playLabel), 'Play');
    assert.equal(await captionNumber(page), 3, 'Space did not press "Next caption" again');
    assert.equal(await pressUntilChanged(page, 'ArrowDown', captionNumber), 4);
    assert.equal(await pressUntilChanged(page, 'ArrowUp', captionNumber), 3);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('leaves the arrows to the diagram while it has the focus, and B to a field', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${app.url}?v=1&scenario=traffic-spike&t=20`);
    await page.locator('.jump-progress').waitFor({ state: 'detached' });
    const caption = await captionNumber(page);
    const diagram = page.getByRole('region', { name: 'Asynchronous system diagram', exact: true });
    await diagram.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText(/^Order \d+ selected/).waitFor();
    assert.equal(await captionNumber(page), caption, 'the arrow picked an order, not a caption');
    await page.getByRole('button', { name: 'Controls', exact: true }).click();
    const workers = page.getByRole('spinbutton').first();
    await workers.focus();
    await page.keyboard.press('b');
    assert.equal(await page.getByTestId('blank-screen').count(), 0);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
