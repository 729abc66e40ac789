// Browser test for the Design it lesson, with the keyboard alone (Tab, the arrow keys and Page
// Down; no mouse) at 1280x800 and on a 390x844 phone: the charge put in the background makes an
// order confirmed, then failed, which the async lane's tally counts; put back in the request, the
// same declined card is an error page and nothing confirmed fails. Run alone with
// `npx vite build && SKIP_BUILD=1 node --test test/browser/design.test.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, start } from '../../scripts/lib/browser.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

/** The radio group's step and the place of the focused radio, or '' when focus is elsewhere. */
function focused(page) {
  return page.evaluate(() => {
    const radio = document.activeElement;
    const group = radio?.closest('[role="radiogroup"]');
    const name = group && document.getElementById(group.getAttribute('aria-labelledby'));
    return name ? `${name.textContent}: ${radio.value}${radio.checked ? ' (checked)' : ''}` : '';
  });
}

/** The async lane's tally, as a count of one outcome (0 when the tally leaves it out). */
async function asyncCount(page, words) {
  const tally = page
    .getByRole('region', { name: 'Asynchronous checkout', exact: true })
    .getByRole('list', { name: /checkout so far/ });
  const text = (await tally.count()) > 0 ? await tally.textContent() : '';
  return Number(text.match(new RegExp(`([\\d,]+) ${words}`))?.[1].replace(/,/g, '') ?? 0);
}

async function pageDown(page, times) {
  for (let i = 0; i < times; i++) await page.keyboard.press('PageDown');
  await page.waitForTimeout(300);
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  describe(`the Design it lesson with the keyboard alone at ${width}x${height}`, () => {
    it('confirms, then fails an order with the charge in the background, and none in the request', async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport: { width, height },
        reducedMotion: 'reduce',
      });
      await page.goto(`${app.url}?v=1&scenario=design-it`);
      const charge = page.getByRole('radiogroup', { name: 'Charge the card' });
      await charge.waitFor();
      // The lesson opens with the Design section on screen at a laptop's size.
      if (width >= 1100) assert.ok(await charge.isVisible());

      let presses = 0;
      while (!(await focused(page)).startsWith('Charge the card') && presses++ < 150) {
        await page.keyboard.press('Tab');
      }
      assert.equal(await focused(page), 'Charge the card: background (checked)');

      // Into the request and back into the background, each a change of the run's design.
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(page), 'Charge the card: request (checked)');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(page), 'Charge the card: background (checked)');
      const answer = page.getByText(/Async answers in about/);
      assert.match(await answer.textContent(), /about 0\.25 s/);

      // Page Down walks the captions: the third is order 6's charge declined after "confirmed".
      await pageDown(page, 3);
      assert.match(await page.getByText(/Caption 3 of 4/i).textContent(), /3 of 4/);
      assert.ok((await asyncCount(page, 'confirmed, then failed')) > 0);
      assert.ok((await asyncCount(page, 'apolog(?:y|ies) sent')) > 0);

      // Back in the request: the run starts again, and the same declined card is an error page.
      assert.match(await focused(page), /^Charge the card/);
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(page), 'Charge the card: request (checked)');
      assert.match(await answer.textContent(), /about 1\.05 s/);
      await pageDown(page, 1);
      assert.equal(await asyncCount(page, 'confirmed, then failed'), 0);
      assert.ok((await asyncCount(page, 'error pages?')) > 0);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
