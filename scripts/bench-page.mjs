// How the built page does on a slow device (issue 24): Lighthouse's mobile preset on three pages,
// the clicks that must answer within 100 ms while a run plays, the work behind some of them, and
// the frames of a spike, all in Debian's Chromium, three runs each, printed as median and worst
// against the issue's bars. It prints and exits 0: the machine is shared and the figures move
// with its load, which it prints too. `npm run bench:page` (SKIP_BUILD=1 reuses dist/;
// BENCH_RUNS sets the runs; BENCH_PARTS=lighthouse,clicks,work,frames picks parts; BENCH_SHOTS=1
// saves a screenshot after each click in artifacts/bench-page/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { line, quantile } from './lib/benchStats.mjs';
import { ROOT, build, launch } from './lib/browser.mjs';
import { CLICKS, PLAYING_LINK, clickRun } from './lib/clicks.mjs';
import { SPIKE_LINK, frameRun } from './lib/frames.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';
import { serve } from './lib/serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PARTS = (process.env.BENCH_PARTS ?? 'lighthouse,clicks,work,frames').split(',');
const FRAME_MS = 10_000;
const SHOTS = join(ROOT, 'artifacts', 'bench-page');

/** The three first screens: the bare address (the first lesson), a lesson's link, and an embed
 * in a 640x360 frame. */
const PAGES = [
  { name: 'the bare address', query: '' },
  { name: 'a lesson link', query: '?v=1&scenario=traffic-spike' },
  { name: 'a 640x360 embed', query: '?embed=1', screen: { width: 640, height: 360 } },
];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const seconds = (ms) => ms / 1000;

async function lighthouseSection(url) {
  console.log(
    `\nLighthouse 12.2.3, mobile preset (simulated 4x slower CPU and slow 4G), ${RUNS} runs a page`,
  );
  const runs = PAGES.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    // Page by page within a run, so a busy minute of the machine falls on all three alike.
    for (const [i, p] of PAGES.entries()) {
      const figures = await runLighthouse(`${url}${p.query}`, { screen: p.screen });
      if (r === 0 && figures.screenshot) {
        const name = `lighthouse-${i + 1}.${figures.screenshot.type}`;
        writeFileSync(join(SHOTS, name), figures.screenshot.bytes);
      }
      runs[i].push(figures);
    }
  }
  for (const [i, p] of PAGES.entries()) {
    const all = runs[i];
    const size = p.screen ? `, viewport ${p.screen.width}x${p.screen.height}` : '';
    console.log(`  ${p.name} (/${p.query}${size})`);
    console.log(
      `    ${line(
        'performance score',
        all.map((f) => f.score),
        { bar: 95, better: 'higher' },
      )}`,
    );
    console.log(
      `    ${line(
        'total blocking time',
        all.map((f) => f.tbtMs),
        { bar: 200, unit: ' ms' },
      )}`,
    );
    console.log(
      `    ${line(
        'largest contentful paint',
        all.map((f) => seconds(f.lcpMs)),
        { bar: 2.5, unit: ' s', digits: 2 },
      )}`,
    );
    console.log(
      `    ${line(
        "long tasks' total",
        all.map((f) => f.longTasksMs),
        { unit: ' ms' },
      )}`,
    );
    for (const [r, f] of all.entries()) {
      const tasks = f.longTasks.length ? `${f.longTasks.join(', ')} ms` : 'none';
      console.log(`      run ${r + 1}: long tasks ${tasks}${f.error ? `; error: ${f.error}` : ''}`);
    }
  }
}

async function clickSection(app, { rate, title, figure }) {
  console.log(`\n${title}`);
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const { results, errors } = await clickRun(app, {
      rate,
      screenshotDir: process.env.BENCH_SHOTS === '1' ? SHOTS : undefined,
    });
    runs.push(results);
    if (errors.length) console.log(`  run ${r + 1}: the page reported ${errors.join('; ')}`);
  }
  for (const c of CLICKS) {
    const of = (key) => runs.map((run) => run[c.name]?.[key] ?? Number.NaN);
    const paused = runs.filter((run) => run[c.name]?.playing === false).length;
    if (paused > 0)
      console.log(`  ${c.name}: the run was not playing at ${paused} of ${RUNS} clicks`);
    if (figure === 'answer') {
      console.log(`  ${line(c.name, of('answeredMs'), { bar: 100, unit: ' ms', width: 28 })}`);
      console.log(`  ${line('    (event timing)', of('eventMs'), { unit: ' ms', width: 28 })}`);
    } else if (c.done) {
      console.log(`  ${line(c.name, of('doneMs'), { bar: 1000, unit: ' ms', width: 28 })}`);
    }
  }
}

async function frameSection(app) {
  console.log(
    `\nFrames: ${SPIKE_LINK} played at 4x, CPU 4x slower, ${FRAME_MS / 1000} s, ${RUNS} runs`,
  );
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const { intervals, simTime, errors } = await frameRun(app, { rate: 4, ms: FRAME_MS });
    runs.push({
      median: quantile(intervals, 0.5),
      p95: quantile(intervals, 0.95),
      worst: Math.max(...intervals),
    });
    console.log(
      `  run ${r + 1}: ${intervals.length} frames, simulated time at the end ${simTime}${errors.length ? `; the page reported ${errors.join('; ')}` : ''}`,
    );
  }
  console.log(
    `  ${line(
      'median frame interval',
      runs.map((r) => r.median),
      { bar: 17, unit: ' ms', digits: 1 },
    )}`,
  );
  console.log(
    `  ${line(
      '95th percentile',
      runs.map((r) => r.p95),
      { bar: 33, unit: ' ms', digits: 1 },
    )}`,
  );
  console.log(
    `  ${line(
      'worst frame',
      runs.map((r) => r.worst),
      { unit: ' ms', digits: 1 },
    )}`,
  );
}

mkdirSync(SHOTS, { recursive: true });
build();
const server = await serve(join(ROOT, 'dist'), { gzip: true });
console.log(
  `bench:page on the built dist/ (served gzipped); load average ${load()} (1, 5, 15 min)`,
);
try {
  if (PARTS.includes('lighthouse')) await lighthouseSection(server.url);
  if (PARTS.some((p) => p !== 'lighthouse')) {
    const browser = await launch();
    const app = { browser, url: server.url };
    try {
      if (PARTS.includes('clicks')) {
        await clickSection(app, {
          rate: 4,
          figure: 'answer',
          title:
            `Clicks while a run plays in Compare (${PLAYING_LINK}), CPU 4x slower, ${RUNS} runs:\n` +
            '  input event to the end of the first frame painted with the answer on screen',
        });
      }
      if (PARTS.includes('work')) {
        await clickSection(app, {
          rate: 1,
          figure: 'done',
          title: `The work behind them, CPU not slowed, ${RUNS} runs: input event to the frame that shows it done`,
        });
      }
      if (PARTS.includes('frames')) await frameSection(app);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
console.log(`\nload average at the end ${load()}`);
