// Writes screenshots of the app at the sizes it must look right at, for a person to review:
// artifacts/screenshots/*.png. `npm run screenshots` (SKIP_BUILD=1 reuses dist/).
// Sizes: a laptop, a projector while presenting, two slide embeds and a phone. Moments: the first
// screen (lesson 1 asking its question), three lessons at a moment their caption talks about, and
// the broker lessons at their beats with the broker close-up open (not on a phone).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start } from './lib/browser.mjs';

const OUT = join(ROOT, 'artifacts', 'screenshots');

export const SIZES = [
  { name: 'laptop', width: 1280, height: 800, query: '' },
  { name: 'presenting', width: 1920, height: 1080, query: '&present=1&theme=projector' },
  { name: 'embed', width: 800, height: 450, query: '&embed=1' },
  { name: 'small-embed', width: 640, height: 360, query: '&embed=1' },
  { name: 'phone', width: 390, height: 844, query: '' },
];

/** Lessons at a moment their caption asks about, as an instructor would link them. */
export const MOMENTS = [
  ['email-outage', 60],
  ['traffic-spike', 25],
  ['kafka-poison', 30],
];

/** The broker lessons at their beats: each opens its broker close-up by itself. */
export const CLOSEUPS = [
  ['kafka-poison', [13.1, 22, 34.1]],
  ['rabbitmq-drop', [20, 42.8]],
  ['slow-email', [13.1, 16.5]],
];

/** Every size at every moment; returns the files written. */
export async function takeScreenshots(browser, url, out = OUT) {
  mkdirSync(out, { recursive: true });
  const written = [];
  const shoot = async (page, file) => {
    const path = join(out, file);
    await page.screenshot({ path });
    written.push(path);
  };
  for (const size of SIZES) {
    const page = await browser.newPage({
      viewport: { width: size.width, height: size.height },
      reducedMotion: 'reduce',
    });
    const tag = `${size.name}-${size.width}x${size.height}`;
    if (!size.query.includes('embed')) {
      // The first screen: a bare address opens lesson 1 with its question on the stage.
      await page.goto(url);
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      await page.waitForTimeout(400);
      await shoot(page, `${tag}-first-screen.png`);
    }
    for (const [id, atSec] of MOMENTS) {
      await page.goto(`${url}?v=1&scenario=${id}&t=${atSec}&autoplay=0${size.query}`);
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      await page.waitForTimeout(400);
      await shoot(page, `${tag}-${id}.png`);
    }
    if (size.name !== 'phone') {
      for (const [id, moments] of CLOSEUPS) {
        for (const atSec of moments) {
          await page.goto(`${url}?v=1&scenario=${id}&t=${atSec}&autoplay=0${size.query}`);
          await page.getByTestId('broker-closeup').waitFor();
          await page.waitForTimeout(400);
          await shoot(page, `${tag}-closeup-${id}-${atSec}.png`);
        }
      }
    }
    await page.close();
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = await start();
  try {
    const files = await takeScreenshots(app.browser, app.url);
    for (const file of files) console.log(file);
  } finally {
    await app.close();
  }
}
