// Writes screenshots of the app at the sizes it must look right at, for a person to review:
// artifacts/screenshots/*.png. `npm run screenshots` (SKIP_BUILD=1 reuses dist/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, pause, seekTo, start, waitForAutoPause } from './lib/browser.mjs';

const OUT = join(ROOT, 'artifacts', 'screenshots');
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'projector', width: 800, height: 450 },
  { name: 'phone', width: 390, height: 844 },
];

/** Each viewport at two moments of the lesson's single order, and once in a traffic spike. */
export async function takeScreenshots(browser, url, out = OUT) {
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    await page.goto(url);
    await waitForAutoPause(page);
    await seekTo(page, 1.6);
    const mid = join(out, `${size.name}-${size.width}x${size.height}-waiting.png`);
    await page.screenshot({ path: mid });
    await page.keyboard.press('End');
    const end = join(out, `${size.name}-${size.width}x${size.height}.png`);
    await page.screenshot({ path: end });
    written.push(mid, end);
    if (size.name === 'desktop') {
      for (const mode of ['Sync', 'Async']) {
        await page.getByRole('radio', { name: mode, exact: true }).check();
        const one = join(
          out,
          `${size.name}-${size.width}x${size.height}-${mode.toLowerCase()}.png`,
        );
        await page.screenshot({ path: one });
        written.push(one);
      }
      await page.getByRole('radio', { name: 'Compare' }).check();
      await page.getByRole('button', { name: 'Start a traffic spike' }).click();
      await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(3500);
      await pause(page);
      const spike = join(out, `${size.name}-${size.width}x${size.height}-spike.png`);
      await page.screenshot({ path: spike });
      const full = join(out, `${size.name}-${size.width}x${size.height}-spike-full.png`);
      await page.screenshot({ path: full, fullPage: true });
      written.push(spike, full);
    }
    for (const [id, atSec] of BROKER_LESSONS) {
      // A link to the lesson at that moment, as an instructor would share it.
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}v=1&scenario=${id}&t=${atSec}`);
      // A link plays on from its moment: pause there.
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForTimeout(300);
      const file = join(out, `${size.name}-${size.width}x${size.height}-${id}.png`);
      await page.screenshot({ path: file });
      written.push(file);
    }
    await page.close();
  }
  return written;
}

/** The broker lessons, each at the moment its signature shows. */
const BROKER_LESSONS = [
  ['slow-email', 16.5],
  ['kafka-poison', 25],
  ['rabbitmq-drop', 41.3],
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = await start();
  try {
    const files = await takeScreenshots(app.browser, app.url);
    for (const file of files) console.log(file);
  } finally {
    await app.close();
  }
}
