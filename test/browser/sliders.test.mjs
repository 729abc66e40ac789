// Browser tests for the control panel's sliders in Chromium at 1280x800: found by role and name,
// moved by real keys (arrows, Page Up, Home, End) and by a drag, each finished move recorded once,
// the default tick drawn where the thumb sits at the default, the Exact box, and the distribution
// latencies of lessons 7 and 10 shown as a chip with no console warning. Run with
// `npm run test:browser`.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  newPageWithErrors,
  openPanel,
  ROOT,
  seriousViolations,
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

/** Opens the app paused (reduced motion does not autoplay), collecting errors and warnings. */
async function open(query = '') {
  const { page, errors: problems } = await newPageWithErrors(
    app.browser,
    { viewport: { width: 1280, height: 800 } },
    { warnings: true },
  );
  await page.goto(`${app.url}?v=1&motion=reduce${query}`);
  await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor();
  await openPanel(page);
  return { page, problems };
}

const valueText = (slider) => slider.getAttribute('aria-valuetext');
const changesNote = (page) => page.locator('.changes-note').textContent();

describe('the sliders', () => {
  it('are found by role and name, each saying its value and unit', async () => {
    const { page, problems } = await open();
    const expected = {
      'Check payment': '200 milliseconds',
      'Charge card': '800 milliseconds',
      'Save order': '50 milliseconds',
      'Send email': '1.5 seconds',
      'Queue the job (async)': '0 milliseconds',
      'Email failure rate': '0 per cent',
      'Orders per second': '0 orders per second',
      Workers: '4 workers',
      'Server handlers': '64 handlers',
    };
    for (const [name, text] of Object.entries(expected)) {
      const slider = page.getByRole('slider', { name, exact: true });
      assert.equal(await valueText(slider), text, name);
    }
    const charge = page.locator('.field-slider', {
      has: page.getByRole('slider', { name: 'Charge card' }),
    });
    assert.match(await charge.textContent(), /800 ms/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('move with the arrows, Page Up, Home and End, one recorded change per key', async () => {
    const { page, problems } = await open();
    const charge = page.getByRole('slider', { name: 'Charge card' });
    await charge.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await valueText(charge), '850 milliseconds');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await valueText(charge), '750 milliseconds');
    await page.keyboard.press('PageUp');
    const afterPageUp = Number.parseFloat(await valueText(charge));
    assert.ok(
      afterPageUp >= 1000 || (await valueText(charge)).includes('seconds'),
      `Page Up moves further than an arrow: ${await valueText(charge)}`,
    );
    assert.equal(await changesNote(page).then((t) => t.match(/^\d+/)?.[0]), '4');

    const workers = page.getByRole('slider', { name: 'Workers' });
    await workers.focus();
    await page.keyboard.press('End');
    assert.equal(await valueText(workers), '50 workers');
    await page.keyboard.press('Home');
    assert.equal(await valueText(workers), '0 workers');
    assert.match(await changesNote(page), /^6 recorded changes/);

    // A held key repeats; the moves it makes are one change, applied when it comes up.
    await page.keyboard.down('ArrowRight');
    await page.keyboard.down('ArrowRight');
    await page.keyboard.down('ArrowRight');
    assert.equal(await valueText(workers), '3 workers');
    assert.match(await changesNote(page), /^6 recorded changes/);
    await page.keyboard.up('ArrowRight');
    assert.match(await changesNote(page), /^7 recorded changes/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('record a drag once, when the pointer is released', async () => {
    const { page, problems } = await open();
    const workers = page.getByRole('slider', { name: 'Workers' });
    await workers.scrollIntoViewIfNeeded();
    const box = await workers.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 12, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 12 + i * 15, y);
    assert.doesNotMatch(await changesNote(page), /recorded change/);
    await page.mouse.up();
    assert.match(await changesNote(page), /^1 recorded change:/);
    assert.notEqual(await valueText(workers), '4 workers');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('draw the default tick where the thumb sits at the default', async () => {
    const { page } = await open();
    const charge = page.getByRole('slider', { name: 'Charge card' });
    await charge.focus();
    await page.keyboard.press('End');
    assert.equal(await valueText(charge), '10 seconds');
    await charge.scrollIntoViewIfNeeded();
    // A click on the track puts the thumb's centre under the pointer: at the tick, the default.
    const tick = page.locator('.field-slider', { has: charge }).locator('.slider-tick');
    const t = await tick.boundingBox();
    const c = await charge.boundingBox();
    await page.mouse.click(t.x + t.width / 2, c.y + c.height / 2);
    assert.equal(await valueText(charge), '800 milliseconds');
    await page.close();
  });

  it('take an exact value beyond their stops, and refuse a bad one with the reason', async () => {
    const { page, problems } = await open();
    await page.getByRole('button', { name: 'Exact value for Workers' }).click();
    const box = page.getByRole('spinbutton', { name: 'Exact value for Workers' });
    await box.fill('120');
    await box.press('Enter');
    assert.equal(await valueText(page.getByRole('slider', { name: 'Workers' })), '120 workers');
    await box.fill('-3');
    await box.press('Enter');
    await page.getByText('Not allowed: a whole number from 0 to 10000.').waitFor();
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('a distribution latency', () => {
  for (const [lesson, query, chip, moved] of [
    ['a link', '&latency.email=uniform(30,50)', 'uniform, mean 40 ms', 'uniform, mean 50 ms'],
    ['slow-email', '&scenario=slow-email', 'lognormal, mean 2.5 s', 'lognormal, mean 2.75 s'],
  ]) {
    it(`shows as a chip with its mean in ${lesson}, and the slider moves the mean`, async () => {
      const { page, problems } = await open(query);
      const panel = page.getByRole('complementary', { name: 'Controls' });
      await panel.getByText(chip, { exact: true }).waitFor();
      const email = page.getByRole('slider', { name: 'Send email' });
      await email.focus();
      await page.keyboard.press('ArrowRight');
      await panel.getByText(moved, { exact: true }).waitFor();
      assert.match(await valueText(email), new RegExp(`^${moved.split(',')[0]}, mean`));
      if (lesson === 'slow-email') {
        mkdirSync(SHOTS, { recursive: true });
        await panel
          .locator('fieldset')
          .first()
          .screenshot({ path: join(SHOTS, 'sliders.png') });
      }
      assert.deepEqual(await seriousViolations(page), []);
      // No "cannot be parsed" warning, nor any other.
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('is listed read-only in the password lesson, whose steps are not the checkout’s', async () => {
    const { page, problems } = await open('&scenario=password-check');
    const panel = page.getByRole('complementary', { name: 'Controls' });
    const steps = panel.getByRole('list', { name: 'Steps of the password check' });
    await steps.waitFor();
    assert.match(await steps.textContent(), /Check the password\s*uniform, mean 40 ms/);
    assert.equal(await panel.getByRole('slider', { name: 'Send email' }).count(), 0);
    assert.equal(await panel.getByRole('slider', { name: 'Charge card' }).count(), 0);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
