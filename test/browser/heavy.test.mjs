// Heavy but valid links play within the page's budgets (issue 28, src/engine/limits.ts): the
// issue's four links each play for HEAVY_SECONDS of wall time (30 by default) at 1280x800 while
// the heap is sampled through the DevTools protocol and Chrome traces the page's main thread.
// Every few seconds Pause and Play are clicked (the Controls button once the engine has stopped
// the run, when Play does nothing), each answer timed from the click's own timestamp to the frame
// that shows it. Asserted: the heap stays under 300 MB; no task after the first paint takes more
// than 200 ms of the main thread's time; each click is answered within 100 ms of the main
// thread's time; the clock halts only where the engine stopped, and then the stage says so.
//
// Why thread time: this machine is shared, and with a load of 15 on 2 cores a task of 30 ms of
// work takes 400 ms of wall time. The trace's thread time (tdur) is what the page itself costs,
// whatever else runs; the wall times (PerformanceObserver 'longtask', the clicks' latency) are
// printed beside it, with the load average, and HEAVY_WALL=1 asserts them too (a quiet machine).
// Why 30 s: at 10,000 orders/s every link reaches its end state within about 15 s of playing
// (the engine stops it at PAGE_LIMITS, whose memory bounds the rest), and 30 s then watches the
// stopped page; 60 s per link would hold the file past five minutes.
import assert from 'node:assert/strict';
import { loadavg } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, secondsOf, start } from '../../scripts/lib/browser.mjs';

const SECONDS = Number(process.env.HEAVY_SECONDS ?? 30);
const WALL = process.env.HEAVY_WALL === '1';
const MB = 1024 * 1024;
const HEAP_LIMIT = 300 * MB;
const TASK_LIMIT_MS = 200;
const CLICK_LIMIT_MS = 100;

/** Every numeric setting at the registry's maximum or minimum (`numericSetting` in
 * src/engine/settings.ts). */
const MAX = {
  'traffic.rate': 10000,
  'traffic.orders': 100000000,
  'traffic.spikeAt': 86400,
  'traffic.spikeFor': 86400,
  'traffic.spikeRate': 10000,
  'latency.validate': 3600000,
  'latency.charge': 3600000,
  'latency.save': 3600000,
  'latency.enqueue': 3600000,
  'latency.email': 3600000,
  'email.failureRate': 1,
  'email.poisonEvery': 1000000,
  'server.handlers': 100000,
  'server.timeout': 3600000,
  'workers.count': 10000,
  'workers.crashRate': 1,
  'workers.restart': 3600000,
  'queue.visibilityTimeout': 43200000,
  'queue.maxReceives': 1000,
  'queue.prefetch': 1000,
  'queue.deliveryLimit': 1000,
  'queue.consumerTimeout': 86400000,
  'queue.partitions': 256,
  'queue.commitEvery': 10000,
  'queue.sessionTimeout': 3600000,
  'queue.maxPollInterval': 86400000,
  'queue.minIdle': 43200000,
  'queue.redriveAt': 86400,
  'retry.base': 3600000,
  'retry.cap': 43200000,
  'users.retryDelay': 3600000,
};
const MIN = {
  'traffic.orders': 0,
  'traffic.spikeAt': 0,
  'traffic.spikeFor': 0,
  'traffic.spikeRate': 0,
  'latency.validate': 0,
  'latency.charge': 0,
  'latency.save': 0,
  'latency.enqueue': 0,
  'latency.email': 0,
  'email.failureRate': 0,
  'email.poisonEvery': 0,
  'server.handlers': 1,
  'server.timeout': 1,
  'workers.count': 0,
  'workers.crashRate': 0,
  'workers.restart': 0,
  'queue.visibilityTimeout': 1,
  'queue.maxReceives': 1,
  'queue.prefetch': 1,
  'queue.deliveryLimit': 0,
  'queue.consumerTimeout': 60000,
  'queue.partitions': 1,
  'queue.commitEvery': 1,
  'queue.sessionTimeout': 1,
  'queue.maxPollInterval': 1,
  'queue.minIdle': 1,
  'queue.redriveAt': 0,
  'retry.base': 0,
  'retry.cap': 0,
  'users.retryDelay': 0,
  'traffic.rate': 10000,
};
const query = (o) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

const LINKS = [
  { name: 'rate 10,000/s, t=600', query: 'traffic.pattern=steady&traffic.rate=10000&t=600' },
  { name: 'every setting at its maximum', query: `traffic.pattern=steady&${query(MAX)}` },
  { name: 'every setting at its minimum, 10,000/s', query: `traffic.pattern=steady&${query(MIN)}` },
  {
    name: 'the largest jump, 1,000/s to 100 s',
    query: 'traffic.pattern=steady&traffic.rate=1000&t=100',
  },
];

/** Installed before the page's own scripts: long tasks by wall time, kept on window. */
function watchTasks() {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Clicks `button`; resolves with the page-clock moments of the click (its timestamp) and of the
 * frame after its label or state changed (or the button was replaced), or null if nothing
 * changed within 3 s. */
async function timedClick(page, button) {
  await page.evaluate(() => {
    window.__click = new Promise((resolve) => {
      const onClick = (event) => {
        const target = event.target.closest('button');
        const label = () =>
          `${target.textContent}|${target.getAttribute('aria-label')}|${target.getAttribute('aria-expanded')}`;
        const was = label();
        const check = () => {
          if (performance.now() - event.timeStamp > 3000) return resolve(null);
          if (target.isConnected && label() === was) return requestAnimationFrame(check);
          requestAnimationFrame(() =>
            resolve({ at: event.timeStamp, answered: performance.now() }),
          );
        };
        requestAnimationFrame(check);
      };
      document.addEventListener('click', onClick, { capture: true, once: true });
    });
  });
  const box = await button.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => window.__click);
}

/** The page's main-thread tasks from a trace, in page-clock ms: start, wall and thread time. */
function mainTasks(trace, markAt) {
  const { traceEvents } = JSON.parse(trace.toString());
  const main = traceEvents.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain',
  );
  const isMain = (e) => main.some((m) => m.pid === e.pid && m.tid === e.tid);
  // The mark's page-clock moment is known, so it aligns the trace's clock with the page's.
  const mark = traceEvents.find((e) => e.name === 'heavy-sync' && isMain(e));
  const offset = mark.ts / 1000 - markAt;
  return traceEvents
    .filter((e) => e.ph === 'X' && /RunTask$/.test(e.name) && isMain(e))
    .map((e) => ({ at: e.ts / 1000 - offset, wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
}

/** The main thread's time spent between two page-clock moments (a task cut by the window counts
 * in proportion). */
function busyBetween(tasks, from, to) {
  let cpu = 0;
  for (const t of tasks) {
    const overlap = Math.min(to, t.at + t.wall) - Math.max(from, t.at);
    if (overlap > 0) cpu += t.cpu * (t.wall > 0 ? overlap / t.wall : 1);
  }
  return cpu;
}

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

describe('heavy links play within the page budgets', { timeout: (SECONDS + 90) * 1000 * 4 }, () => {
  for (const link of LINKS) {
    it(`${link.name}: heap under 300 MB, tasks and clicks within their time`, async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport: { width: 1280, height: 800 },
      });
      await page.addInitScript(watchTasks);
      const cdp = await page.context().newCDPSession(page);
      let peak = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          peak = Math.max(peak, usedSize);
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      await app.browser.startTracing(page, {
        categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'],
      });
      const opened = Date.now();
      await page.goto(`${app.url}?v=1&${link.query}`);
      await page.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
      // A link's jump lands paused at its moment (sliced, with progress shown); then play.
      await page.locator('.jump-progress').waitFor({ state: 'detached', timeout: SECONDS * 1000 });
      const landedS = (Date.now() - opened) / 1000;
      const play = page.getByRole('button', { name: 'Play', exact: true });
      if (await play.count()) await play.click();

      const toggle = page.getByRole('button', { name: /^(Play|Pause)$/ });
      const controls = page.getByRole('button', { name: 'Controls', exact: true });
      const notice = page.locator('.engine-stop[role=alert]');
      const clicks = [];
      const end = opened + SECONDS * 1000;
      while (Date.now() < end - 1000) {
        await page.waitForTimeout(Math.min(4000, end - 1000 - Date.now()));
        const button = (await notice.count()) ? controls : toggle;
        for (let i = 0; i < 2; i++) {
          const click = await timedClick(page, button);
          // A click that changed nothing raced the engine's stop: Play does nothing on a stopped run.
          if (click === null) assert.equal(await notice.count(), 1, 'a click changed nothing');
          else clicks.push(click);
          await page.waitForTimeout(300);
        }
      }
      // The clock halts only where the engine stopped, and then the stage says so: never a silent
      // halt, and never a clock running on over a stopped run.
      const shown = await page.getByTestId('sim-time').textContent();
      await page.waitForTimeout(2000);
      const later = await page.getByTestId('sim-time').textContent();
      const stopped = (await notice.count()) > 0;
      const stopText = stopped ? await notice.textContent() : '';

      const markAt = await page.evaluate(() => performance.mark('heavy-sync').startTime);
      const trace = await app.browser.stopTracing();
      sampling = false;
      await sampler;
      const firstPaint = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      );
      const wallTasks = (await page.evaluate(() => window.__tasks)).filter(
        (t) => t.at >= firstPaint,
      );
      await page.close();

      const tasks = mainTasks(trace, markAt).filter((t) => t.at >= firstPaint);
      const worst = tasks.reduce((w, t) => (t.cpu > w.cpu ? t : w), { cpu: 0, wall: 0 });
      const worstWall = Math.max(0, ...wallTasks.map((t) => t.ms));
      const answers = clicks.map((c) => ({
        wall: c.answered - c.at,
        cpu: busyBetween(tasks, c.at, c.answered),
      }));
      const ms = (n) => n.toFixed(0);
      console.log(
        `${link.name}: heap peak ${ms(peak / MB)} MB; worst task ${ms(worst.cpu)} ms of thread ` +
          `time (${ms(worst.wall)} ms wall); worst long task ${ms(worstWall)} ms wall; clicks ` +
          `answered in ${answers.map((a) => ms(a.cpu)).join('/')} ms of thread time, ` +
          `${answers.map((a) => ms(a.wall)).join('/')} ms wall; landed after ${landedS.toFixed(1)} s; ` +
          `clock ${later}${stopped ? ' (stopped)' : ''}; load ${loadavg()[0].toFixed(1)}`,
      );

      assert.ok(clicks.length >= 4, `only ${clicks.length} clicks were answered`);
      if (stopped) {
        assert.equal(later, shown, 'the clock moved on after the engine stopped');
        assert.match(stopText, /run stopped at .*: .*; .*\. Go back in time/);
      } else {
        assert.ok(secondsOf(later) > secondsOf(shown), `the clock halted at ${later}, unsaid`);
      }
      assert.ok(peak < HEAP_LIMIT, `the heap peaked at ${ms(peak / MB)} MB`);
      assert.ok(worst.cpu <= TASK_LIMIT_MS, `a task took ${ms(worst.cpu)} ms of thread time`);
      for (const a of answers) {
        assert.ok(a.cpu <= CLICK_LIMIT_MS, `a click took ${ms(a.cpu)} ms of thread time`);
      }
      if (WALL) {
        assert.ok(worstWall <= TASK_LIMIT_MS, `a task took ${ms(worstWall)} ms of wall time`);
        for (const a of answers) {
          assert.ok(a.wall <= CLICK_LIMIT_MS, `a click took ${ms(a.wall)} ms of wall time`);
        }
      }
      assert.deepEqual(errors, []);
    });
  }
});
