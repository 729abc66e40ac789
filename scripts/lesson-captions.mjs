// Writes a screenshot of every lesson at every caption, for a person to check that each caption's
// question can be answered from the picture: artifacts/screenshots/captions/<lesson>-<n>.png.
// `node scripts/lesson-captions.mjs [WIDTHxHEIGHT]` (SKIP_BUILD=1 reuses dist/; default 1280x800).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start } from './lib/browser.mjs';

const [width, height] = (process.argv[2] ?? '1280x800').split('x').map(Number);
const OUT = join(ROOT, 'artifacts', 'screenshots', 'captions');
mkdirSync(OUT, { recursive: true });

const app = await start();
try {
  const page = await app.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
  await page.goto(`${app.url}?v=1`);
  const ids = await page
    .getByRole('combobox', { name: 'Lesson' })
    .first()
    .evaluate((select) => [...select.options].map((o) => o.value).filter((v) => v !== ''));
  for (const id of ids) {
    // t= opens the lesson at its start without asking its question (the screenshots show beats).
    await page.goto(`${app.url}?v=1&scenario=${id}&t=0.001&autoplay=0`);
    const next = page.getByRole('button', { name: 'Next caption' });
    await next.waitFor();
    for (let n = 1; n <= 30; n++) {
      await page.waitForTimeout(400);
      const file = join(OUT, `${id}-${n}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      if (await next.isDisabled()) break;
      await next.click();
    }
  }
} finally {
  await app.close();
}
