// The order's timelines in Debian's Chromium, on the email-outage lesson at 40 s (order 47: its
// sync email failed, its async job is still retrying), at 1280x800 and 1024x768: no label cut at
// its chart's edges, the waterfalls scrolling inside the box over the stage with its title and
// close button in view, one scale for both lanes, and Esc closing it and handing the focus back
// to the button that opened it. Screenshots in artifacts/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, ROOT, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots');
let app;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await start();
});
after(async () => {
  await app?.close();
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  describe(`order 47's timelines at ${viewport.width}x${viewport.height}`, () => {
    it('fit their box or scroll inside it, cut no label, share one scale and close on Esc', async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport,
        reducedMotion: 'reduce',
      });
      await page.goto(`${app.url}?v=1&scenario=email-outage&t=40&autoplay=0`);
      const opener = page.getByRole('button', { name: 'Timeline of order #47' }).first();
      await opener.waitFor();
      // Through the keyboard: at some sizes the stage's lanes lie over the button's edge.
      await opener.focus();
      await page.keyboard.press('Enter');
      const box = page.getByRole('region', { name: 'Order #47, both checkouts' });
      await box.waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({
        path: join(SHOTS, `waterfall-${viewport.width}x${viewport.height}.png`),
      });

      const m = await box.evaluate((section) => {
        const inside = (r, o) =>
          r.left >= o.left - 0.5 &&
          r.right <= o.right + 0.5 &&
          r.top >= o.top - 0.5 &&
          r.bottom <= o.bottom + 0.5;
        const cut = [];
        for (const svg of section.querySelectorAll('svg.an-svg')) {
          const frame = svg.getBoundingClientRect();
          for (const t of svg.querySelectorAll('text')) {
            if (!inside(t.getBoundingClientRect(), frame)) cut.push(t.textContent);
          }
        }
        const scroller = section.querySelector('.order-waterfalls');
        const rect = section.getBoundingClientRect();
        const bars = [...section.querySelectorAll('svg.an-svg')].map((svg) => {
          const charge = [...svg.querySelectorAll('g[data-row="charge"] rect')][0];
          return charge.getBoundingClientRect().width;
        });
        const ticks = [...section.querySelectorAll('svg.an-svg')].map(
          (svg) => [...svg.querySelectorAll('.an-axis g text')].at(-1).textContent,
        );
        const header = section.querySelector('.card-header').getBoundingClientRect();
        return {
          cut,
          scrollHeight: scroller.scrollHeight,
          clientHeight: scroller.clientHeight,
          sectionFits: rect.bottom <= window.innerHeight + 0.5 && rect.top >= 0,
          sectionScrolls: section.scrollHeight > section.clientHeight + 1,
          headerInside: inside(header, rect),
          bars,
          ticks,
          marks: [...section.querySelectorAll('.an-mark text')].map((t) => t.textContent),
        };
      });
      assert.deepEqual(m.cut, [], 'labels cut at their chart’s edges');
      assert.ok(m.sectionFits, 'the box lies inside the window');
      assert.equal(m.sectionScrolls, false, 'the box itself does not scroll: its body does');
      assert.ok(m.headerInside, 'the title and close button stay in the box');
      assert.ok(m.clientHeight > 100, `the body shows ${m.clientHeight} px`);
      if (m.scrollHeight > m.clientHeight) {
        // What does not fit scrolls inside: its last row and axis can be scrolled into view.
        await page.locator('.order-waterfalls').evaluate((el) => (el.scrollTop = el.scrollHeight));
        const axis = await page
          .locator('.order-waterfalls svg')
          .last()
          .locator('.an-axis')
          .evaluate((g) => {
            const r = g.getBoundingClientRect();
            const o = g.closest('.order-waterfalls').getBoundingClientRect();
            return r.bottom <= o.bottom + 0.5 && r.top >= o.top - 0.5;
          });
        assert.ok(axis, 'the async axis scrolls into view');
      }
      assert.equal(m.bars.length, 2);
      assert.ok(Math.abs(m.bars[0] - m.bars[1]) < 0.5, `charge bars ${m.bars.join(' vs ')} px`);
      assert.equal(m.ticks[0], m.ticks[1]);
      assert.deepEqual(m.marks, [
        'error page 2.55 s',
        'email failed 2.55 s',
        'success page 1.05 s',
      ]);

      await page.keyboard.press('Escape');
      await box.waitFor({ state: 'detached' });
      assert.equal(
        await opener.evaluate((el) => el === document.activeElement),
        true,
        'the focus is back on the button that opened the timelines',
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
