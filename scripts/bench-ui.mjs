// Frame-rate benchmark in real Chromium, on the 1280x800 stage, with the stage as full of tokens
// as it gets (at least 600: since the heavy-run caps, layoutTokens.ts draws at most 200 moving
// tokens of each kind and piles as full as they look, so a spike shows 700 to 900), in two
// stages: free play's traffic spike in Compare mode at 4x speed; and the traffic-spike lesson with
// a longer, larger spike, a flaky email (countdown rings and "try N" labels) and the lesson's
// chart drawn beside or below the lanes. Prints each stage's median frame interval, worst frame
// and token count. Budget: median <= 17 ms and no frame longer than two frames at 60 Hz (frame
// intervals come in steps of 16.7 ms, so '33 ms' is 33.4 here: one missed frame at most).
// `npm run bench:ui` (SKIP_BUILD=1 reuses dist/; BENCH_MS sets how long each stage is measured;
// BENCH_MIN_TOKENS the tokens a stage must show; BENCH_SETTINGS adds link parameters to the first
// stage; BENCH_ONLY=1 or 2 measures that stage alone; BENCH_RUNS=N measures each stage N times and
// prints the runs' median and each run's figures; BENCH_DIST serves another build, to compare
// two builds in one period of the machine).
// `npm run bench:ui -- --throttle 4` (or BENCH_THROTTLE=4) slows the page's CPU fourfold through
// Chromium's CPU throttling, a student's laptop or phone: its budget is a median of 17 ms and a
// 95th percentile of 33.4 ms, and the worst frame is printed but not held to two frames.
import { openPanel, start } from './lib/browser.mjs';

const MEASURE_MS = Number(process.env.BENCH_MS ?? 6000);
const MIN_TOKENS = Number(process.env.BENCH_MIN_TOKENS ?? 600);
const TWO_FRAMES = 33.4;
/** BENCH_ONLY=1 or 2 measures one stage alone. */
const ONLY = process.env.BENCH_ONLY;
/** BENCH_RUNS=N measures each stage N times, each on a page of its own (1 to 20). */
const RUNS = runCount(process.env.BENCH_RUNS);
const THROTTLE = throttleRate(process.argv.slice(2), process.env.BENCH_THROTTLE);
/** A vsync at 60 Hz; frame intervals are whole multiples of it, give or take the 0.1 ms that
 * requestAnimationFrame's timestamps are rounded to (two frames read 33.3 or 33.4). */
const VSYNC = 1000 / 60;

/** The lesson stage: past the lesson's one pause (at 15 s), its spike at 100 orders a second for
 * a minute, and a third of the emails failing, so that messages wait for their retries. */
const LESSON_LINK =
  '?v=1&scenario=traffic-spike&t=16&autoplay=0&traffic.spikeRate=100&traffic.spikeFor=60' +
  '&email.failureRate=0.3&retry.backoff=exponential';

/** The CPU slow-down from `--throttle N` or BENCH_THROTTLE (1: none); anything else that is not
 * a number from 1 to 20 stops the bench with one line. */
function throttleRate(args, env) {
  const at = args.indexOf('--throttle');
  const raw = at >= 0 ? args[at + 1] : env;
  if (raw === undefined || raw === '') return 1;
  const rate = Number(raw);
  if (!Number.isFinite(rate) || rate < 1 || rate > 20) {
    console.error(`--throttle takes a number from 1 to 20 (a CPU slow-down), not "${raw}"`);
    process.exit(2);
  }
  return rate;
}

/** BENCH_RUNS as a whole number from 1 to 20 (1 when unset); anything else stops the bench
 * with one line. */
function runCount(raw) {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 20) {
    console.error(
      `BENCH_RUNS takes a whole number from 1 to 20 (runs of each stage), not "${raw}"`,
    );
    process.exit(2);
  }
  return n;
}

async function tokenCount(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas[data-tokens]')].reduce(
      (sum, c) => sum + Number(c.getAttribute('data-tokens')),
      0,
    ),
  );
}

async function setNumber(page, name, value) {
  const field = page.getByRole('spinbutton', { name });
  await field.fill(String(value));
  await field.press('Enter');
}

/** Free play: the settings are in the side panel, closed again so the stage is measured as a
 * laptop shows it. */
async function freePlay(page, url) {
  await page.goto(`${url}?v=1${process.env.BENCH_SETTINGS ?? ''}`);
  // The page starts once its link's parts have loaded, and free play then plays by itself.
  await page
    .getByRole('button', { name: /^(Play|Pause)$/ })
    .first()
    .waitFor();
  await page.waitForTimeout(300);
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.count()) await pause.click();
  await openPanel(page);
  await page.getByText('Advanced').click();
  await setNumber(page, 'Spike orders per second', 100);
  await setNumber(page, 'Spike length', 60);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Start a traffic spike' }).click();
  await page.getByRole('button', { name: 'Controls', exact: true }).click();
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.count()) await play.click();
}

/** The lesson, landed paused past its question; its chart must be on the stage. */
async function lesson(page, url) {
  await page.goto(`${url}${LESSON_LINK}`);
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  const skip = page.getByRole('button', { name: 'Skip the question' });
  if (await skip.count()) await skip.click();
  if ((await page.locator('.stage-chart').count()) === 0) {
    throw new Error('the lesson’s chart is not on the stage at 1280x800');
  }
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
}

async function measure(page) {
  const readyBy = Date.now() + 30_000 * THROTTLE;
  while ((await tokenCount(page)) < MIN_TOKENS) {
    if (Date.now() > readyBy)
      throw new Error(`fewer than ${MIN_TOKENS} tokens after ${30 * THROTTLE} s`);
    await page.waitForTimeout(200);
  }
  const stats = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const intervals = [];
        const tokens = [];
        const details = {};
        let last = 0;
        const began = performance.now();
        const frame = (t) => {
          if (last) intervals.push(t - last);
          last = t;
          if (intervals.length % 10 === 0) {
            // The canvases' level of detail (frameBudget.ts): 0 draws everything.
            for (const c of document.querySelectorAll('canvas[data-detail]')) {
              const level = c.getAttribute('data-detail');
              details[level] = (details[level] ?? 0) + 1;
            }
            tokens.push(
              [...document.querySelectorAll('canvas[data-tokens]')].reduce(
                (sum, c) => sum + Number(c.getAttribute('data-tokens')),
                0,
              ),
            );
          }
          if (t - began < ms) requestAnimationFrame(frame);
          else resolve({ intervals, tokens, details });
        };
        requestAnimationFrame(frame);
      }),
    MEASURE_MS,
  );
  const rings = await page.evaluate(() =>
    [...document.querySelectorAll('canvas[data-rings]')].reduce(
      (sum, c) => sum + Number(c.getAttribute('data-rings')),
      0,
    ),
  );
  const sorted = [...stats.intervals].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = at(0.5);
  const worst = sorted[sorted.length - 1];
  const tokens = [...stats.tokens].sort((a, b) => a - b);
  const simTime = await page.getByTestId('sim-time').textContent();
  const maxed = await page.getByText('Running as fast as this computer allows').count();
  console.log(
    `frames measured:        ${sorted.length} over ${MEASURE_MS} ms (simulated time now ${simTime})`,
  );
  console.log(
    `tokens on screen:       min ${tokens[0]}, median ${tokens[tokens.length >> 1]}, max ${tokens[tokens.length - 1]}; rings at the end ${rings}`,
  );
  const p95 = at(0.95);
  const throttled = THROTTLE > 1;
  const levels = Object.entries(stats.details)
    .sort()
    .map(([level, n]) => `${level}: ${n}`)
    .join(', ');
  console.log(`detail drawn (samples): ${levels || 'none'}`);
  console.log(`median frame interval:  ${median.toFixed(2)} ms (budget 17)`);
  console.log(
    `95th percentile:        ${p95.toFixed(2)} ms${throttled ? ` (budget ${TWO_FRAMES})` : ''}`,
  );
  console.log(
    `worst frame:            ${worst.toFixed(2)} ms${throttled ? '' : ` (budget ${TWO_FRAMES}: two frames)`}`,
  );
  console.log(`engine at maximum speed: ${maxed ? 'yes' : 'no'}`);
  const late = throttled ? Math.round(p95 / VSYNC) > 2 : Math.round(worst / VSYNC) > 2;
  return {
    failed: median > 17 || late || tokens[0] < MIN_TOKENS,
    median,
    p95,
    worst,
  };
}

/** The middle of `values` (the lower middle of an even count). */
const middle = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

// BENCH_DIST serves another build (built already), to compare two in one period.
const app = await start({}, { dist: process.env.BENCH_DIST });
if (THROTTLE > 1) console.log(`CPU throttled ${THROTTLE}x`);
let failed = false;
try {
  const stages = [
    ['free play, a traffic spike', freePlay],
    ['the traffic-spike lesson, with rings and its chart', lesson],
  ];
  for (const [name, setUp] of stages.filter((_, i) => !ONLY || ONLY === String(i + 1))) {
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
      console.log(`\n${name}${RUNS > 1 ? `, run ${run} of ${RUNS}` : ''}`);
      if (THROTTLE > 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      }
      await setUp(page, app.url);
      const result = await measure(page);
      runs.push(result);
      failed = result.failed || failed;
      await page.close();
    }
    if (RUNS > 1) {
      const figures = (key) => runs.map((r) => r[key].toFixed(1)).join(', ');
      console.log(`\n${name}, ${RUNS} runs (median of the runs; each run's figure):`);
      console.log(
        `  median frame:    ${middle(runs.map((r) => r.median)).toFixed(2)} ms (${figures('median')})`,
      );
      console.log(
        `  95th percentile: ${middle(runs.map((r) => r.p95)).toFixed(2)} ms (${figures('p95')})`,
      );
      console.log(
        `  worst frame:     ${middle(runs.map((r) => r.worst)).toFixed(2)} ms (${figures('worst')})`,
      );
      console.log(`  within budget:   ${runs.filter((r) => !r.failed).length} of ${RUNS}`);
    }
  }
  console.log(failed ? '\nbench:ui FAILED its budget' : '\nbench:ui within budget');
} finally {
  await app.close();
}
process.exitCode = failed ? 1 : 0;
