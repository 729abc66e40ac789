// The single-file build (`npm run build:single`, dist-single/index.html) carries the same
// Content-Security-Policy as dist/, its inline scripts allowed by their hashes: a check of the
// file, then the page opened from disk in Chromium with no violation reported. Run with
// `npm run test:browser`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build, launch, newPageWithErrors, ROOT } from '../../scripts/lib/browser.mjs';

const FILE = join(ROOT, 'dist-single', 'index.html');

let browser;
before(async () => {
  // dist/ too, whose policy the single file's is compared with.
  build();
  const built = spawnSync(
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
  assert.equal(built.status, 0, 'the single-file build');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The policy of a page's meta tag, as directive name -> its sources. */
function policyOf(html) {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(content, 'a Content-Security-Policy meta tag');
  return new Map(
    content.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the single-file build', () => {
  it("allows exactly its own inline scripts, by hash, and the rest as dist/'s policy does", () => {
    const single = policyOf(readFileSync(FILE, 'utf8'));
    const html = readFileSync(FILE, 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.ok(scripts.length >= 1);
    const hashes = scripts.map(
      (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
    );
    assert.deepEqual(single.get('script-src'), hashes);
    assert.ok(!single.get('script-src').includes("'unsafe-inline'"));
    // Every other directive is dist/'s (built by the browser tests' start()).
    const dist = policyOf(readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8'));
    for (const [name, sources] of dist) {
      if (name !== 'script-src') assert.deepEqual(single.get(name), sources, name);
    }
  });

  it('opens from disk in Chromium with no policy violated and no error', async () => {
    const { page, errors } = await newPageWithErrors(browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
    });
    await page.goto(`${pathToFileURL(FILE).href}?v=1&motion=reduce`);
    const playback = page.getByRole('button', { name: /^(Play|Pause)$/ });
    await playback.waitFor({ timeout: 30_000 });
    if ((await playback.textContent())?.includes('Play')) await playback.click();
    await page.waitForTimeout(1500);
    assert.notEqual(await page.getByTestId('sim-time').textContent(), '0.00 s');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
