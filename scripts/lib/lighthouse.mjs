// One Lighthouse run of a page in Debian's Chromium: the mobile preset (Lighthouse's default form
// factor: a phone's screen, a 4x slower CPU and a slow 4G link, both simulated from one real load),
// performance only, and the figures bench:page prints.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';

/** Starts Chromium with a fresh profile and its DevTools port open (Lighthouse drives it through
 * that port, not through playwright's pipe); resolves to { port, close }. */
async function launchForLighthouse() {
  const profile = await mkdtemp(join(tmpdir(), 'bench-page-'));
  const child = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  return {
    port,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Lighthouse on `url`; `screen` ({ width, height }) replaces the phone's screen (an embed's
 * frame). Resolves to the figures of one run, in ms and points. */
export async function runLighthouse(url, { screen } = {}) {
  const chrome = await launchForLighthouse();
  try {
    const settings = { onlyCategories: ['performance'] };
    if (screen) {
      // Still Lighthouse's mobile device (its user agent, touch and throttling); only the
      // viewport is the frame's, at one device pixel per CSS pixel, as a slide or course page
      // frames it.
      settings.screenEmulation = { mobile: true, deviceScaleFactor: 1, disabled: false, ...screen };
    }
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      { extends: 'lighthouse:default', settings },
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return figuresOf(result.lhr);
  } finally {
    await chrome.close();
  }
}

/** What bench:page prints from a Lighthouse report; a figure Lighthouse could not measure (a
 * page that failed to load) is NaN, and its runtime error is kept. */
export function figuresOf(lhr) {
  const numeric = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const tasks = lhr.audits['long-tasks']?.details?.items ?? [];
  const score = lhr.categories.performance?.score;
  return {
    score: typeof score === 'number' ? Math.round(score * 100) : Number.NaN,
    tbtMs: numeric('total-blocking-time'),
    lcpMs: numeric('largest-contentful-paint'),
    fcpMs: numeric('first-contentful-paint'),
    longTasksMs: tasks.reduce((sum, t) => sum + (t.duration ?? 0), 0),
    longTasks: tasks.map((t) => Math.round(t.duration ?? 0)),
    error: lhr.runtimeError?.message ?? null,
    screenshot: screenshotOf(lhr),
  };
}

/** The page as Lighthouse last saw it (a data URL in the report), to check what it loaded. */
function screenshotOf(lhr) {
  const data = lhr.audits['final-screenshot']?.details?.data;
  const found = typeof data === 'string' ? /^data:image\/(\w+);base64,(.*)$/.exec(data) : null;
  return found
    ? { type: found[1] === 'jpeg' ? 'jpg' : found[1], bytes: Buffer.from(found[2], 'base64') }
    : null;
}
