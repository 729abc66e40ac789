// framer-motion out of the first screen (issue 24): it loads after the first paint, what the
// first screen shows is there at once and stays still when it comes, and what changes later
// animates: a caption slides in (only fades under reduced motion), the focus ring pops in on the
// order it moved to and its anchor sits on the diagram.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, start } from '../../scripts/lib/browser.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

/** Opens `query` at 1280x800 and waits until framer-motion's chunk has loaded and run. */
async function open(query, options = {}) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  await page.goto(`${app.url}${query}`);
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('motionKit')),
  );
  // The chunk's module runs, and the components hear of it, within a few frames of its arrival.
  await page.waitForTimeout(300);
  return { page, errors };
}

/** The computed opacity and transform of the first element matching `selector` on each frame
 * for `ms`, after `act` has run in the page. */
async function framesOf(page, selector, ms, act) {
  const samples = page.evaluate(
    ([sel, span]) =>
      new Promise((resolve) => {
        const out = [];
        const t0 = performance.now();
        const tick = () => {
          const el = document.querySelector(sel);
          if (el) {
            const s = getComputedStyle(el);
            out.push({ opacity: Number(s.opacity), transform: s.transform, text: el.textContent });
          }
          if (performance.now() - t0 < span) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    [selector, ms],
  );
  await act();
  return samples;
}

const IDENTITY = new Set(['none', 'matrix(1, 0, 0, 1, 0, 0)']);

describe('framer-motion after the first screen', () => {
  it('loads after the first paint, and the first screen never waits for it', async () => {
    const { page, errors } = await open('?scenario=checkout');
    const { kitAt, paintAt } = await page.evaluate(() => ({
      kitAt: performance.getEntriesByType('resource').find((e) => e.name.includes('motionKit'))
        .startTime,
      paintAt: performance.getEntriesByName('first-paint')[0].startTime,
    }));
    assert.ok(kitAt >= paintAt, `motion requested at ${kitAt} ms, first paint at ${paintAt} ms`);
    // The question and the caption shown before it came are plain, fully shown elements.
    for (const selector of ['.prediction-overlay', '.beat-caption']) {
      const el = page.locator(selector);
      assert.equal(await el.getAttribute('style'), null, selector);
      assert.equal(await el.evaluate((e) => getComputedStyle(e).opacity), '1', selector);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const reduced of [false, true]) {
    it(`slides the next caption in${reduced ? ', only fading under reduced motion' : ''}`, async () => {
      const { page, errors } = await open('?v=1&scenario=checkout&caption=2&autoplay=0', {
        reducedMotion: reduced ? 'reduce' : 'no-preference',
      });
      const before = await page.locator('.beat-caption').textContent();
      const next = page.getByRole('button', { name: 'Next caption' });
      const frames = (await framesOf(page, '.beat-caption', 1200, () => next.click())).filter(
        (f) => f.text !== before,
      );
      assert.ok(frames.length > 3, `${frames.length} frames of the new caption`);
      assert.ok(
        frames.some((f) => f.opacity < 1),
        'it fades in',
      );
      assert.equal(frames.at(-1).opacity, 1);
      // The first frame is the mount, at framer-motion's initial values before its animation
      // starts (under reduced motion that start puts the caption in place at once).
      const moved = frames.slice(1).filter((f) => !IDENTITY.has(f.transform));
      if (reduced) assert.deepEqual(moved, [], 'nothing moves under reduced motion');
      else assert.ok(moved.length > 0, 'it slides in');
      assert.ok(IDENTITY.has(frames.at(-1).transform), `ends in place: ${frames.at(-1).transform}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('pops the focus ring in on the order it moves to, its anchor on the diagram', async () => {
    // Caption 2 points at order 6: its ring shows from the first screen, still.
    const { page, errors } = await open('?v=1&scenario=slow-email&caption=2&autoplay=0');
    const anchor = page.locator('[data-testid=tokens-async] + .focus-ring-anchor');
    const ring = anchor.locator('.focus-ring');
    assert.equal(await ring.getAttribute('style'), null);
    await page.getByRole('region', { name: 'Asynchronous system diagram' }).focus();
    // The first order in view is order 6 itself; the second is another.
    await page.keyboard.press('ArrowRight');
    await page.getByText(/Order 6 selected, 1 of/).waitFor();
    const selector = '[data-testid=tokens-async] + .focus-ring-anchor .focus-ring';
    const frames = await framesOf(page, selector, 700, () => page.keyboard.press('ArrowRight'));
    const popped = frames.filter((f) => /^matrix\(([\d.]+)/.exec(f.transform)?.[1] > 1.05);
    assert.ok(popped.length > 0, 'the ring pops in from larger');
    assert.ok(IDENTITY.has(frames.at(-1).transform) && frames.at(-1).opacity === 1);
    assert.notEqual(await page.getByTestId('tokens-async').getAttribute('data-focus'), '6');
    const at = await anchor.evaluate((e) => ({
      left: parseFloat(e.style.left),
      top: parseFloat(e.style.top),
      opacity: e.style.opacity,
    }));
    assert.equal(at.opacity, '1');
    for (const v of [at.left, at.top]) assert.ok(v >= 0 && v <= 100, JSON.stringify(at));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
