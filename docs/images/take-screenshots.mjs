// Takes the screenshots in docs/instructors.md with headless Chromium, at 1280x800 or less:
// `node docs/images/take-screenshots.mjs` (builds first; SKIP_BUILD=1 reuses dist/).
import { join } from 'node:path';
import { ROOT, pause, seekTo, start, waitForAutoPause } from '../../scripts/lib/browser.mjs';

const OUT = join(ROOT, 'docs', 'images');
const shot = (name) => join(OUT, `${name}.png`);

const app = await start();
try {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(app.url);
  await waitForAutoPause(page);
  await seekTo(page, 1.6);
  await page.screenshot({ path: shot('compare-waiting') });

  // The email-outage lesson, 35 s in: sync error pages, async success pages and a queue.
  await page.goto(`${app.url}?scenario=email-outage&t=35`);
  await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor();
  await page.waitForTimeout(500);
  await pause(page);
  await page.screenshot({ path: shot('email-outage') });

  await page.locator('summary', { hasText: 'Show the orders as a table' }).click();
  const table = page.locator('.orders-table');
  await table.scrollIntoViewIfNeeded();
  const box = await table.boundingBox();
  const top = await page.evaluate(() => window.scrollY);
  await page.screenshot({
    path: shot('orders-table'),
    clip: { x: box.x, y: box.y + top, width: box.width, height: Math.min(box.height, 560) },
    fullPage: true,
  });

  const exporter = page.locator('section.export');
  await exporter.scrollIntoViewIfNeeded();
  await exporter.screenshot({ path: shot('export-panel') });

  // Presentation mode, as a projector shows it.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('p');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('presentation') });
  await page.close();

  // An embed as an LMS page frames it: basic controls, not playing until asked.
  const embed = await app.browser.newPage({ viewport: { width: 800, height: 450 } });
  await embed.goto(`${app.url}?embed=1&controls=basic&scenario=checkout&t=1.6`);
  await embed.getByRole('heading', { name: 'Sync vs Async' }).waitFor();
  await embed.waitForTimeout(300);
  await pause(embed);
  await embed.screenshot({ path: shot('embed-800x450') });
  await embed.close();
} finally {
  await app.close();
}
