// Accessibility and hosting checks in Debian's Chromium: axe (no serious or critical violations)
// at the start, while playing, with the email service down and in reduced motion; the orders
// table, the narration and the export; and the build served from a sub-path and the single-file
// build opened from disk. Builds into a temporary folder of its own, so it can run beside
// app.test.mjs. Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  launch,
  newPageWithErrors,
  openPanel,
  ROOT,
  seriousViolations,
  waitForAutoPause,
} from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/serve.mjs';

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
/** The app as a course would host it: deep under a site, not at its root. */
const SUB_PATH = 'courses/systems/sync-vs-async/';

let work;
let browser;
let server;
let singleFile;

function vite(...args) {
  execFileSync(process.execPath, [VITE, 'build', '--emptyOutDir', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'sync-vs-async-a11y-'));
  vite('--outDir', join(work, 'site', SUB_PATH));
  vite('--mode', 'single', '--outDir', join(work, 'single'));
  singleFile = join(work, 'single', 'index.html');
  server = await serve(join(work, 'site'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(url, options = {}) {
  const { page, errors } = await newPageWithErrors(browser, {
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor();
  await openPanel(page);
  return { page, errors, failed };
}

// Free play (a bare address opens the first lesson, which waits for its prediction).
const app = (options) => open(`${server.url}${SUB_PATH}?v=1`, options);

describe('hosting', () => {
  it('works from a sub-path of a static host, loading every file relative to the page', async () => {
    const { page, errors, failed } = await app();
    await waitForAutoPause(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(failed, []);
    await page.close();
  });

  it('builds one HTML file that plays from disk with nothing else beside it', async () => {
    assert.deepEqual(readdirSync(join(work, 'single')), ['index.html']);
    const html = readFileSync(singleFile, 'utf8');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+rel="stylesheet"/);
    const { page, errors, failed } = await open(pathToFileURL(singleFile).href);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await waitForAutoPause(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(failed, []);
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:')),
      [],
    );
    await page.close();
  });
});

describe('axe finds no serious or critical violations', () => {
  it('at the start, while playing, with failures and in reduced motion', async () => {
    const { page } = await app({ reducedMotion: 'reduce' });
    assert.deepEqual(await seriousViolations(page), [], 'at the start');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    assert.deepEqual(await seriousViolations(page), [], 'while playing');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('summary', { hasText: 'Advanced' }).click();
    await page.getByRole('switch', { name: /Email service outage/ }).check();
    await page.getByRole('button', { name: 'Place one order' }).click();
    await page.waitForTimeout(3000);
    await page.locator('summary', { hasText: 'Show the orders as a table' }).click();
    assert.deepEqual(await seriousViolations(page), [], 'after failures, with the table open');
    assert.equal(await page.getByRole('switch', { name: /Reduce motion/ }).isChecked(), true);
    assert.deepEqual(await seriousViolations(page), [], 'in reduced motion');
    await page.close();
  });
});

describe('axe in every theme', () => {
  for (const theme of ['dark', 'projector']) {
    it(`finds nothing serious in the ${theme} theme, with failures on screen`, async () => {
      const { page, errors } = await open(`${server.url}${SUB_PATH}?theme=${theme}`, {
        reducedMotion: 'reduce',
      });
      await page.locator('summary', { hasText: 'Advanced' }).click();
      await page.getByRole('switch', { name: /Email service outage/ }).check();
      await page.getByRole('button', { name: 'Place one order' }).click();
      await page.waitForTimeout(3000);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      assert.deepEqual(await seriousViolations(page), [], theme);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

describe('reduced motion', () => {
  it('is on for a link with motion=reduce', async () => {
    const { page } = await open(`${server.url}${SUB_PATH}?motion=reduce`);
    assert.equal(await page.getByRole('switch', { name: /Reduce motion/ }).isChecked(), true);
    await page.close();
  });

  it('follows the reader’s preference and can be switched in the page', async () => {
    const { page } = await app();
    const toggle = page.getByRole('switch', { name: /Reduce motion/ });
    assert.equal(await toggle.isChecked(), false);
    await toggle.check();
    assert.ok(
      await page.evaluate(() => document.documentElement.classList.contains('reduced-motion')),
    );
    await page.close();
  });

  it('moves tokens in steps: mid-flight they sit at one end of an edge', async () => {
    // At 0.1 s the lesson's order is a tenth of the way to the server: gliding, it is off the
    // customer's box; in steps it has not left yet. Compare the two canvases' pixels.
    const shot = async (reduce) => {
      const { page } = await app({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
      await page
        .getByRole('button', { name: 'Pause' })
        .click({ timeout: 2000 })
        .catch(() => {});
      const scrubber = page.getByRole('slider', { name: 'Time' });
      await scrubber.focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      const png = await page.getByTestId('tokens-sync').screenshot();
      await page.close();
      return png;
    };
    const [gliding, stepping] = [await shot(false), await shot(true)];
    assert.notDeepEqual(gliding, stepping);
  });
});

describe('text alternatives', () => {
  it('shows the orders as a table with a caption and headers', async () => {
    const { page } = await app();
    await waitForAutoPause(page);
    await page.locator('summary', { hasText: 'Show the orders as a table' }).click();
    const table = page.getByRole('table', { name: /Latest 1 orders, synchronous/ });
    await table.waitFor();
    assert.equal(await table.getByRole('columnheader').count(), 6);
    assert.equal(await table.getByRole('rowheader', { name: '1' }).count(), 1);
    assert.match(await table.getByRole('row').nth(1).textContent(), /success.*2\.55 s.*sent/);
    await page.close();
  });

  it('narrates a busy run in batches, a sentence per lane every two seconds', async () => {
    const { page } = await app();
    await waitForAutoPause(page);
    await page.getByRole('button', { name: 'Start a traffic spike' }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const log = page.getByRole('log', { name: 'Narration' });
    const batch = log.locator('p', { hasText: /Sync: \d+ orders? placed/ }).first();
    await batch.waitFor({ timeout: 8000 });
    assert.match(await batch.textContent(), /^Sync: \d+ orders? placed(, .+)?\.( Async: .+\.)?$/);
    await page.close();
  });
});

describe('export', () => {
  it('downloads every order as CSV, quoted, with a header', async () => {
    const { page } = await app();
    await waitForAutoPause(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Orders (CSV)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^sync-vs-async-free-orders-[\d.]+s\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trimEnd().split('\r\n');
    assert.match(lines[0], /^order,lane,customer,attempt,placed_at_ms,/);
    assert.equal(lines.length, 3, 'one order in each lane');
    assert.match(lines[1], /^1,sync,.*,2550,.*,success$/);
    await page.close();
  });

  it('downloads a chart as SVG with its styles written in, and as PNG', async () => {
    const { page } = await app();
    await waitForAutoPause(page);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart (SVG)' }).click(),
    ]);
    const text = readFileSync(await svg.path(), 'utf8');
    assert.match(text, /^<\?xml/);
    assert.match(text, /xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(text, /style="[^"]*font-family/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart (PNG)' }).click(),
    ]);
    const bytes = readFileSync(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
    await page.close();
  });
});
