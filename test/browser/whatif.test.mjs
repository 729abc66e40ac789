// Browser tests for the "What if?" panel in Chromium at 1280x800: closed by default and opened
// by its button; a link opens it on its choices; both lanes' curves drawn from a Web Worker under
// the built page's CSP; the current value marked; clicking a value sets the setting. Run with
// `npm run test:browser`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  newPageWithErrors,
  openPanel,
  ROOT,
  seriousViolations,
  start,
} from '../../scripts/lib/browser.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

async function open(query = '') {
  const { page, errors: problems } = await newPageWithErrors(
    app.browser,
    { viewport: { width: 1280, height: 800 } },
    { warnings: true },
  );
  await page.goto(`${app.url}?v=1&motion=reduce${query}`);
  await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor();
  return { page, problems };
}

const region = (page) => page.locator('section.whatif');

/** Waits for the request to finish and returns the status line. */
async function ready(page) {
  const status = region(page).locator('.whatif-status[data-done="true"]');
  await status.waitFor({ timeout: 20_000 });
  return status.textContent();
}

describe('the What if? panel', () => {
  it('is closed at first and opens from its button, computing in a worker', async () => {
    const { page, problems } = await open('&scenario=traffic-spike');
    const toggle = page.getByRole('button', { name: 'What if?' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    const status = await ready(page);
    // A worker under the built page's CSP (worker-src 'self'); the fallback would say so.
    assert.match(status, /^\d+ values per lane, computed in \d+ ms\.$/);
    assert.doesNotMatch(status, /on the page/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('opens from a link on its choices and draws both lanes with the current value marked', async () => {
    const { page, problems } = await open(
      '&scenario=traffic-spike&mode=async&whatif=workers.count,email-p95',
    );
    await ready(page);
    const panel = region(page);
    assert.equal(await panel.getByLabel('Setting').inputValue(), 'workers.count');
    assert.equal(await panel.getByLabel('Metric').inputValue(), 'email-p95');
    for (const lane of ['sync', 'async']) {
      const d = await panel.locator(`g[data-lane="${lane}"] path.whatif-curve`).getAttribute('d');
      // A line through every point: M, then an L per further point.
      assert.ok((d.match(/L/g) ?? []).length >= 19, `${lane} curve: ${d}`);
    }
    const picks = panel.getByRole('button', { name: /^Set workers to / });
    assert.ok((await picks.count()) >= 20);
    assert.equal(await panel.locator('line.whatif-now').count(), 1);
    // The lesson runs 10 workers.
    assert.match(await panel.textContent(), /Now: 10\b/);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('says a curve is too large to run, and runs none, for ten minutes at 600 orders/s', async () => {
    const { page, problems } = await open(
      '&traffic.pattern=steady&traffic.rate=600&whatif=traffic.rate,response-p95',
    );
    const status = await ready(page);
    assert.match(
      status,
      /^These curves would place about [\d,]+ orders .* more than the 10,000,000 a curve may take: shorten the run or lower the traffic\.$/,
    );
    assert.equal(await region(page).locator('svg').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('sets the setting when a value is clicked', async () => {
    const { page } = await open('&scenario=traffic-spike&whatif=workers.count,email-p95');
    await ready(page);
    await region(page)
      .getByRole('button', { name: /^Set workers to 12:/ })
      .click();
    await openPanel(page);
    const slider = page.getByRole('slider', { name: 'Workers', exact: true });
    assert.equal(await slider.getAttribute('aria-valuetext'), '12 workers');
    assert.match(await region(page).textContent(), /Now: 12\b/);
    await page.close();
  });

  it('falls back to the page, one point per task, where no worker can start', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      delete window.Worker;
    });
    await page.goto(`${app.url}?v=1&motion=reduce&scenario=traffic-spike&whatif=server.handlers`);
    assert.match(
      await ready(page),
      /values per lane, computed in \d+ ms \(on the page: no worker here\)/,
    );
    assert.ok(
      (await region(page)
        .getByRole('button', { name: /^Set server handlers to / })
        .count()) >= 20,
    );
    await page.close();
  });

  it('works in the single-file build opened from disk, its worker inlined', async () => {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--mode',
        'single',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const file = pathToFileURL(join(ROOT, 'dist-single', 'index.html')).href;
    await page.goto(`${file}?v=1&motion=reduce&scenario=traffic-spike&whatif=workers.count`);
    const status = await ready(page);
    assert.doesNotMatch(status, /on the page/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
