// How long the page takes to answer a click while a run plays in Compare, with the CPU slowed
// down through the DevTools protocol (Emulation.setCPUThrottlingRate): from the input event's
// timestamp to the end of the first frame painted with the answer on screen (a dialog, a panel,
// its placeholder or a progress line), and, for clicks that start work (a PNG, the poster, the
// "What if?" curves), to the frame that shows it finished. Each run opens a fresh page, so every
// click is the first of its kind, which is what a student meets.
import { newPageWithErrors } from './browser.mjs';

/** Free play at a steady 20 orders a second (both lanes busy, the sync server near its limit),
 * in Compare, playing. */
export const PLAYING_LINK = '?v=1&mode=compare&traffic.pattern=steady&traffic.rate=20&autoplay=1';

/** The clicks, in the order a run makes them. `answer` is what shows the click was heard, `done`
 * what shows its work finished; each a selector of an element that must be drawn (non-zero
 * size), with `text` it must contain, or a list of such, any of which will do. `before` gets there, `after` puts things back. The lesson
 * comes last: it replaces the playing run. */
export const CLICKS = [
  {
    name: 'Quiz',
    click: (page) => page.getByRole('button', { name: 'Sync or async? quiz' }),
    answer: { selector: 'dialog[open].exercise-dialog .exercise-list' },
    after: (page) => page.keyboard.press('Escape'),
  },
  {
    name: 'Close-up (queue node)',
    click: (page) => page.locator('.queue-button').first(),
    answer: { selector: '.closeup-host .closeup' },
    after: (page) => page.locator('.queue-button').first().click(),
  },
  {
    name: 'Waterfall (order timeline)',
    click: (page) => page.getByRole('button', { name: /^Timeline of order/ }).first(),
    answer: { selector: 'section.order-details' },
    done: { selector: 'section.order-details svg.an-svg' },
    after: (page) => page.keyboard.press('Escape'),
  },
  {
    name: 'Export: Chart (PNG)',
    click: (page) => page.getByRole('button', { name: 'Chart (PNG)' }),
    before: async (page) => {
      // The charts are listed once they have drawn, at most a second after a redraw.
      await page.getByRole('button', { name: 'Chart (PNG)' }).scrollIntoViewIfNeeded();
      await page.locator('.export select option:not([value=""])').first().waitFor({
        state: 'attached',
        timeout: 20_000,
      });
    },
    answer: { selector: '.export-status', text: '' },
    done: { selector: '.export-status', text: 'Saved the chart' },
  },
  {
    name: 'Embed (dialog)',
    click: (page) => page.getByRole('button', { name: 'Embed', exact: true }),
    before: (page) => page.evaluate(() => window.scrollTo(0, 0)),
    answer: { selector: 'dialog[open].embed-dialog textarea' },
  },
  {
    name: 'Embed: poster image',
    click: (page) => page.getByRole('button', { name: 'Make a poster image' }),
    answer: { selector: '.embed-status', text: '' },
    done: { selector: '.embed-dialog a[download]' },
    after: (page) => page.keyboard.press('Escape'),
  },
  {
    name: 'What if?',
    click: (page) => page.getByRole('button', { name: 'What if?' }),
    before: (page) => page.getByRole('button', { name: 'What if?' }).scrollIntoViewIfNeeded(),
    answer: { selector: 'section.whatif .whatif-status' },
    done: { selector: 'section.whatif .whatif-status[data-done="true"]' },
  },
  {
    name: 'Lesson (picker)',
    trigger: 'change',
    click: (page) => page.getByRole('combobox', { name: /lesson/i }).first(),
    before: (page) => page.evaluate(() => window.scrollTo(0, 0)),
    select: 'traffic-spike',
    // The picker saying it opens the lesson, or the lesson itself.
    answer: [
      { selector: '.scenario-picker-status', text: 'Opening' },
      { selector: '#lesson-title', text: 'A traffic spike' },
    ],
    done: { selector: '#lesson-title', text: 'A traffic spike' },
  },
];

/** In the page, before its scripts: the Event Timing API's entries (the browser's own measure of
 * an interaction: input to the next paint after its handlers), kept on window. */
export function watchEvents() {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__events.push({ at: e.startTime, ms: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

/** In the page: waits for the next `trigger` event, then checks in every animation frame whether
 * `answer` (and `done`) is drawn; the moment counted is the end of that frame's rendering, a
 * message posted from its animation frame callback. Resolves to ms after the event's timestamp
 * (null if not seen within `timeoutMs`). */
export function arm({ trigger, answer, done, timeoutMs }) {
  const drawn = (what) => [what].flat().some(({ selector, text }) => drawnOne(selector, text));
  const drawnOne = (selector, text) =>
    [...document.querySelectorAll(selector)].some((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      // An empty `text` asks for any text at all (a status line that has said something).
      return (
        text === undefined ||
        (text === '' ? el.textContent.trim() !== '' : el.textContent.includes(text))
      );
    });
  window.__click = new Promise((resolve) => {
    const onInput = (event) => {
      const t0 = event.timeStamp;
      const out = { answeredMs: null, doneMs: null };
      // A user-blocking task queued from an animation frame callback runs once that frame is
      // rendered, ahead of the page's own tasks of normal priority (its publish after a frame).
      const afterFrame = (key) => {
        const stamp = () => (out[key] ??= performance.now() - t0);
        if (window.scheduler?.postTask)
          window.scheduler.postTask(stamp, { priority: 'user-blocking' });
        else setTimeout(stamp, 0);
      };
      let answerSeen = false;
      let doneSeen = !done;
      const check = () => {
        if (!answerSeen && drawn(answer)) {
          answerSeen = true;
          afterFrame('answeredMs');
        }
        if (!doneSeen && drawn(done)) {
          doneSeen = true;
          afterFrame('doneMs');
        }
        if ((answerSeen && doneSeen) || performance.now() - t0 > timeoutMs) {
          setTimeout(() => resolve({ ...out, at: t0 }), 50);
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    };
    document.addEventListener(trigger, onInput, { capture: true, once: true });
  });
}

/** One run of every click on a fresh page with the CPU `rate` times slower. Resolves to
 * { [name]: { answeredMs, doneMs, eventMs } } and the page's errors. */
export async function clickRun(app, { rate, screenshotDir } = {}) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
  });
  await page.addInitScript(watchEvents);
  const cdp = await page.context().newCDPSession(page);
  const results = {};
  try {
    await page.goto(`${app.url}${PLAYING_LINK}`);
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 30_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.waitForTimeout(3000);
    for (const c of CLICKS) {
      if (c.before) await c.before(page);
      await page.waitForTimeout(800);
      results[c.name] = { playing: await playing(page) };
      const target = c.click(page);
      const trigger = c.trigger ?? 'pointerdown';
      await page.evaluate(arm, {
        trigger,
        answer: c.answer,
        done: c.done,
        timeoutMs: 20_000,
      });
      if (c.select) await target.selectOption(c.select);
      else await target.click();
      const r = await page.evaluate(() => window.__click);
      // The browser's own figure: the longest interaction that began at the click.
      const eventMs = await page.evaluate((at) => {
        const near = window.__events.filter((e) => e.at >= at - 1 && e.at <= at + 50);
        return near.length ? Math.max(...near.map((e) => e.ms)) : null;
      }, r.at);
      results[c.name] = {
        ...results[c.name],
        answeredMs: r.answeredMs ?? Number.NaN,
        doneMs: c.done ? (r.doneMs ?? Number.NaN) : undefined,
        eventMs: eventMs ?? Number.NaN,
      };
      if (screenshotDir) {
        await page.screenshot({ path: `${screenshotDir}/click-${slug(c.name)}-x${rate}.png` });
      }
      if (c.after) await c.after(page);
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
    await page.close();
  }
  return { results, errors };
}

/** Whether the run plays: the playback button offers Pause. */
async function playing(page) {
  return (await page.getByRole('button', { name: 'Pause', exact: true }).count()) > 0;
}

function slug(name) {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/-$/, '')
    .toLowerCase();
}
