// Browser tests for the lanes' tallies: at the end of a lesson, each lane's region says, in words,
// the outcomes the lesson is about, with the same numbers as the command line's JSON.
// Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { ROOT, shownSeconds, start } from '../../scripts/lib/browser.mjs';

/** The command line's JSON for a lesson in one mode. */
function simulate(scenario, mode) {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--scenario', scenario, '--mode', mode, '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

/** The lane regions' tally texts once the lesson has played out: from the end of its arrivals,
 * played at 30x until everything has settled (`settledMs`, the CLI's end) and the app pauses. */
async function talliesAtEnd(scenario, settledMs) {
  const page = await app.browser.newPage({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  await page.goto(`${app.url}?v=1&scenario=${scenario}&t=1000&speed=30&autoplay=0`);
  const play = page.getByRole('button', { name: 'Play', exact: true });
  for (let i = 0; i < 10 && (await shownSeconds(page)) * 1000 < settledMs; i++) {
    await play.click();
    await play.waitFor({ timeout: 20_000 });
  }
  const at = (await shownSeconds(page)) * 1000;
  assert.ok(at >= settledMs, `stopped at ${at} ms, before ${settledMs} ms`);
  const lane = async (name) => {
    const list = page
      .getByRole('region', { name, exact: true })
      .getByRole('list', { name: /checkout so far/ });
    await list.waitFor();
    return list.textContent();
  };
  const text = {
    sync: await lane('Synchronous checkout'),
    async: await lane('Asynchronous checkout'),
  };
  await page.close();
  return text;
}

describe('the lanes tally what the lesson is about', () => {
  it('email outage: sync error pages and customers with no email; async emails sent, as the CLI', async () => {
    const sync = simulate('email-outage', 'sync');
    const async = simulate('email-outage', 'async');
    const shown = await talliesAtEnd('email-outage', Math.max(sync.simulatedMs, async.simulatedMs));
    assert.match(shown.sync, new RegExp(`${sync.orders.failed} error pages`));
    assert.match(shown.sync, new RegExp(`${sync.emails.lost} customers with no email`));
    assert.match(shown.sync, new RegExp(`${sync.emails.sent} emails sent`));
    assert.ok(sync.orders.failed > 0 && sync.emails.lost > 0, 'the lesson has an outage to count');
    assert.match(shown.async, new RegExp(`${async.emails.sent} emails sent`));
    assert.match(shown.async, /0 error pages/);
    assert.match(shown.async, /0 customers with no email/);
  });

  it('double charge: the sync lane counts the customers charged twice', async () => {
    const sync = simulate('double-charge', 'sync');
    assert.ok(sync.orders.doubleCharged > 0);
    const shown = await talliesAtEnd('double-charge', sync.simulatedMs);
    assert.match(shown.sync, new RegExp(`${sync.orders.doubleCharged} charged twice`));
  });
});

describe('captions that point', () => {
  it('slow email at caption 2: the caption names order 6 and the async lane points at #6', async () => {
    const page = await app.browser.newPage({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${app.url}?v=1&scenario=slow-email&caption=2&autoplay=0`);
    const caption = page.getByRole('region', { name: 'Lesson caption' });
    await caption.getByText(/Order 6’s email/).waitFor();
    const lane = page.getByRole('region', { name: 'Asynchronous checkout', exact: true });
    await lane.getByRole('button', { name: 'Timeline of order #6' }).waitFor();
    // The token canvas rings order 6's token (and dims the others).
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tokens-async"]')?.dataset.focus === '6',
      null,
      { timeout: 5000 },
    );
    await page.close();
  });
});
