import { createRequire } from 'node:module';
// Shared set-up for the browser scripts: build the app, serve it, and start Debian's Chromium
// through playwright-core (which downloads no browser of its own).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Chromium's flags for every script here (Lighthouse's launch in lighthouse.mjs takes them too). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The page follows the browser's language on a first visit: the tests and benchmarks read
  // English whatever the machine's LANG (a test that wants another passes `locale`).
  '--lang=en-US',
];

/** Builds dist/ with Vite unless SKIP_BUILD=1 (then an existing build is reused). */
export function build() {
  if (process.env.SKIP_BUILD === '1' && existsSync(join(ROOT, 'dist', 'index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Builds, serves and launches; returns { browser, url, close }. `serveOptions` go to `serve`;
 * `dist` serves another build as it is (a benchmark comparing two builds), built already. */
export async function start(serveOptions = {}, { dist } = {}) {
  if (!dist) build();
  const server = await serve(join(ROOT, dist ?? 'dist'), serveOptions);
  const browser = await launch();
  return {
    browser,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page of `browser` (playwright's `newPage` options) and the problems it reports, as they
 * come: uncaught exceptions and console errors, and console warnings too with `warnings`. Tests
 * end with `assert.deepEqual(errors, [])`. */
export async function newPageWithErrors(browser, options = {}, { warnings = false } = {}) {
  const page = await browser.newPage(options);
  const errors = [];
  page.on('console', (m) => {
    const type = m.type();
    if (type === 'error' || (warnings && type === 'warning')) errors.push(`${type}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** Opens `?v=1` + `query` (starting with `&`) at `viewport`, with reduced motion, and waits for
 * the playback button and then `settleMs` (the diagrams pick their level of detail in a
 * ResizeObserver). `options` go to the new page. */
export async function openLink(app, query, viewport, { settleMs = 400, ...options } = {}) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport,
    reducedMotion: 'reduce',
    ...options,
  });
  await page.goto(`${app.url}?v=1${query}`);
  await page
    .getByRole('button', { name: /^(Play|Pause)$/ })
    .first()
    .waitFor();
  if (settleMs > 0) await page.waitForTimeout(settleMs);
  return { page, errors };
}

/** Reads the simulated clock as shown on the page, in seconds: "12.5 s", "1:47.0" from a
 * minute on, "1:02:05.0" from an hour on (formatTime in src/analysis/format.ts). */
export async function shownSeconds(page) {
  return secondsOf(await page.getByTestId('sim-time').textContent());
}

/** A time as the app writes it, in seconds (NaN when it is not one). */
export function secondsOf(text) {
  const clock = /^(?:(\d+):)?(\d+):(\d{2}(?:\.\d+)?)$/.exec(text?.trim() ?? '');
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return Number.parseFloat(text ?? 'NaN');
}

/** Opens the side panel (prediction, goals, controls, view options) unless it is open: at laptop
 * width the page starts with it closed, so that the stage keeps full detail. */
export async function openPanel(page) {
  const toggle = page.getByRole('button', { name: 'Controls', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Pauses if playing. */
export async function pause(page) {
  const button = page.getByRole('button', { name: 'Pause' });
  if (await button.count()) await button.click();
}

/** Waits until the app has paused by itself (the lesson's single order has played out). */
export async function waitForAutoPause(page, timeoutMs = 15_000) {
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: timeoutMs });
}

/** Moves the timeline to `seconds` through the keyboard, as a user would. */
export async function seekTo(page, seconds) {
  const scrubber = page.getByRole('slider', { name: 'Time' });
  await scrubber.focus();
  await page.keyboard.press('Home');
  const steps = Math.round(seconds * 10);
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page, one line each (injects axe once). */
export async function seriousViolations(page) {
  // Evaluated through the browser tool, not as a <script> tag: the app's CSP forbids inline script.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(AXE, 'utf8'));
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
