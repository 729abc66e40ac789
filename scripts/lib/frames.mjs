// Frame intervals of a playing page with the CPU slowed down: the traffic-spike lesson past its
// pause, in Compare at 4x speed, measured by requestAnimationFrame as bench:ui measures them.
import { newPageWithErrors } from './browser.mjs';

/** The lesson at its spike (it pauses at 15 s for its caption; the link lands at 15.5 s, after
 * the pause), question skipped, at 4x. */
export const SPIKE_LINK = '?v=1&scenario=traffic-spike&t=15.5&speed=4';

/** Plays SPIKE_LINK at 1280x800 with the CPU `rate` times slower and collects `ms` of frame
 * intervals; resolves to { intervals, simTime, errors }. */
export async function frameRun(app, { rate, ms }) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.goto(`${app.url}${SPIKE_LINK}`);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 30_000 });
    const skip = page.getByRole('button', { name: 'Skip the question' });
    if (await skip.count()) await skip.click();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(500);
    const intervals = await page.evaluate(
      (span) =>
        new Promise((resolve) => {
          const out = [];
          let last = 0;
          let began = 0;
          const frame = (t) => {
            if (last) out.push(t - last);
            else began = t;
            last = t;
            if (t - began < span) requestAnimationFrame(frame);
            else resolve(out);
          };
          requestAnimationFrame(frame);
        }),
      ms,
    );
    const simTime = await page.getByTestId('sim-time').textContent();
    return { intervals, simTime, errors };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
    await page.close();
  }
}
