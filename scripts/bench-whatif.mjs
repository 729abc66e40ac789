// "What if?" in real Chromium: the traffic-spike lesson (60 s) playing, the panel open, each
// setting picked in turn. Prints the time the panel reports from request to last point (worker
// start-up included) and the longest frame interval while it computed, which shows whether the
// animation waited for the curves. `node scripts/bench-whatif.mjs` (SKIP_BUILD=1 reuses dist/).
import { start } from './lib/browser.mjs';

const SETTINGS = [
  ['workers.count', 'Workers'],
  ['server.handlers', 'Server handlers'],
  ['traffic.rate', 'Orders per second'],
  ['latency.email', 'Send the confirmation email: time (mean)'],
  ['email.failureRate', 'Send the confirmation email: failure rate'],
  ['queue.visibilityTimeout', 'Visibility timeout'],
  ['retry.base', 'First backoff'],
];

const app = await start();
try {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.url}?v=1&scenario=traffic-spike&autoplay=1&whatif=workers.count`);
  const panel = page.locator('section.whatif');
  const done = panel.locator('.whatif-status[data-done="true"]');
  const measure = async () => {
    const text = await done.textContent({ timeout: 30_000 });
    const worst = await page.evaluate(() => window.__worstFrame);
    return { ms: Number(/computed in (\d+) ms/.exec(text)?.[1]), text, worst };
  };
  // The longest gap between animation frames since the last reset.
  await page.evaluate(() => {
    window.__worstFrame = 0;
    let last = performance.now();
    const tick = (now) => {
      window.__worstFrame = Math.max(window.__worstFrame, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  console.log('"What if?" in Chromium, traffic-spike (60 s) playing; time as the panel reports it');
  let slowest = 0;
  for (const [key, label] of SETTINGS) {
    if (key !== 'workers.count') {
      await page.evaluate(() => (window.__worstFrame = 0));
      await panel.getByLabel('Setting').selectOption(key);
      await panel.locator('.whatif-status[data-done="false"]').waitFor({ timeout: 5_000 });
    }
    const { ms, text, worst } = await measure();
    if (!Number.isFinite(ms)) throw new Error(`no time in the status: ${text}`);
    slowest = Math.max(slowest, ms);
    const where = /on the page/.test(text) ? ' (on the page, no worker)' : '';
    console.log(
      `  ${label.padEnd(42)} ${String(ms).padStart(5)} ms${where}, longest frame ${worst.toFixed(0)} ms`,
    );
  }
  console.log(`  slowest: ${slowest} ms (bar: ready within 1 s)`);
  // The same page and scene with nothing to compute, for comparison.
  await page.evaluate(() => (window.__worstFrame = 0));
  await page.waitForTimeout(1500);
  const idle = await page.evaluate(() => window.__worstFrame);
  console.log(`  longest frame over 1.5 s with the panel idle: ${idle.toFixed(0)} ms`);
} finally {
  await app.close();
}
