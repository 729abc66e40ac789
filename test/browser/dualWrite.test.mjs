// Browser test for the dual-write lesson: the async lane's "saved, never emailed" tally grows
// while the server crashes without an outbox, stops growing once the lesson turns the outbox on,
// and stays at 0 in a link that has the outbox on from the start; the crashed customer's screen
// says what happened. Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, start } from '../../scripts/lib/browser.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

/** The async lane's tally at a moment of the lesson (a t= link opens paused there); the lesson's
 * named tallies show at 0 only once its question is answered, or from the start in an embed. */
async function tallyAt(t, extra = '') {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  await page.goto(`${app.url}?v=1&scenario=dual-write&t=${t}&autoplay=0${extra}`);
  const list = page
    .getByRole('region', { name: 'Asynchronous checkout', exact: true })
    .getByRole('list', { name: /checkout so far/ });
  await list.getByText(/saved, never emailed/).waitFor();
  const text = await list.textContent();
  await page.close();
  assert.deepEqual(errors, []);
  const count = (re) => Number(text.match(re)?.[1].replace(/,/g, '') ?? NaN);
  return {
    text,
    lost: count(/([\d,]+) saved, never emailed/),
    errorPages: count(/([\d,]+) error pages?/),
  };
}

describe('the dual-write lesson', () => {
  it('counts more saved, never emailed orders as the server keeps crashing without an outbox', async () => {
    const early = await tallyAt(10);
    const later = await tallyAt(29);
    assert.ok(early.lost >= 1, early.text);
    assert.ok(later.lost > early.lost, `${early.text} then ${later.text}`);
  });

  it('stops counting once the outbox is on at 30 s, although the server still crashes', async () => {
    const before = await tallyAt(29.9);
    const end = await tallyAt(60);
    assert.equal(end.lost, before.lost, `${before.text} then ${end.text}`);
    assert.ok(end.errorPages > before.errorPages, 'the server crashed again after 30 s');
  });

  it('stays at 0 with the outbox on from the start', async () => {
    const shown = await tallyAt(29, '&queue.outbox=true&embed=1');
    assert.equal(shown.lost, 0, shown.text);
    assert.ok(shown.errorPages > 0, `the server crashed all the same: ${shown.text}`);
    assert.doesNotMatch(shown.text, /with no email/);
  });

  it('shows a crashed customer the error page, and an email that will never come or is kept', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${app.url}?v=1&scenario=dual-write&caption=1&autoplay=0`);
    const screen = page.getByRole('group', { name: 'Asynchronous: the customer’s screen' });
    await screen.getByText('server crashed after 1.05 s').waitFor();
    await screen.getByText('server crashed before queueing it').waitFor();
    // With the outbox on, order 35's server dies too, and its screen says the job was kept.
    await page.goto(`${app.url}?v=1&scenario=dual-write&caption=4&autoplay=0`);
    await screen.getByText('its job was saved with the order').waitFor();
    await page.close();
    assert.deepEqual(errors, []);
  });
});
