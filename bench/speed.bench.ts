/** `npm run bench`, second part: the speed a user feels. The command line's start-up against
 * npm's own floor (`npm run` of `node -e 0`), a 20-point sweep of the traffic-spike lesson as a
 * whole process, and the "What if?" curves for a 60 s lesson (both lanes, every setting the panel
 * offers), computed as the panel's worker computes them, then in Chromium (scripts/bench-whatif.mjs)
 * as the panel reports it. Medians, runs interleaved, because the
 * machine is shared and timings drift with its load. */
// Every broker registered: this runs any of them, with no first load to keep small.
import '../src/engine/queue/all.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computePoint, WHATIF_SETTINGS, whatIfPoints } from '../src/analysis/whatif.ts';
import { buildConfig, SETTINGS } from '../src/engine/index.ts';
import { findScenario, scenarioChanges } from '../src/scenarios/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(cwd: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(NPM, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

// Start-up: the same `npm run` machinery both ways, so only what runs after it differs.
const floorDir = mkdtempSync(join(tmpdir(), 'npm-floor-'));
writeFileSync(
  join(floorDir, 'package.json'),
  JSON.stringify({ name: 'floor', private: true, scripts: { floor: 'node -e 0' } }),
);
timed(ROOT, ['run', '-s', 'simulate', '--', '--list']); // builds the bundle if it is stale
const floor: number[] = [];
const list: number[] = [];
const runFloor = () => floor.push(timed(floorDir, ['run', '-s', 'floor']));
const runList = () => list.push(timed(ROOT, ['run', '-s', 'simulate', '--', '--list']));
// ABBA order, so that a drift in the machine's load falls on both alike.
for (let i = 0; i < 12; i++) {
  if (i % 2 === 0) [runFloor, runList].forEach((run) => run());
  else [runList, runFloor].forEach((run) => run());
}
rmSync(floorDir, { recursive: true, force: true });
const overhead = median(list) - median(floor);
const best = (xs: number[]) => Math.min(...xs);
console.log('Start-up of the command line (12 runs each, interleaved: median, fastest)');
console.log(
  `  npm run of node -e 0:           ${median(floor).toFixed(0)} ms, ${best(floor).toFixed(0)} ms`,
);
console.log(
  `  npm run simulate -- --list:     ${median(list).toFixed(0)} ms, ${best(list).toFixed(0)} ms`,
);
console.log(
  `  difference:                     ${overhead.toFixed(0)} ms, ${(best(list) - best(floor)).toFixed(0)} ms (bar: 150 ms)`,
);

// A sweep as a whole process, the way a worksheet script runs it.
const SWEEPS = [
  ['--mode', 'sync', '--sweep', 'server.handlers=1..20'],
  ['--mode', 'async', '--sweep', 'workers.count=1..20'],
];
const sweepTimes = SWEEPS.map((sweep) => {
  const args = ['run', '-s', 'simulate', '--', '--scenario', 'traffic-spike', ...sweep];
  return median([0, 1, 2].map(() => timed(ROOT, args)));
});
console.log('20-point sweep of traffic-spike, whole process (medians of 3)');
SWEEPS.forEach((sweep, i) => {
  console.log(`  ${sweep.join(' ').padEnd(46)} ${(sweepTimes[i]! / 1000).toFixed(2)} s (bar: 5 s)`);
});

// "What if?": what the worker does for one request, for each setting of a 60 s lesson.
const lesson = findScenario('traffic-spike')!;
const recipe = {
  settings: lesson.settings,
  seed: lesson.seed,
  durationMs: lesson.durationSec * 1000,
  changes: scenarioChanges(lesson),
};
const config = buildConfig(lesson.settings);
console.log(
  `"What if?" curves for ${lesson.id} (${lesson.durationSec} s), both lanes (medians of 3)`,
);
let slowest = 0;
for (const setting of WHATIF_SETTINGS) {
  const current = SETTINGS.find((s) => s.key === setting.key)!.read(config);
  const points = whatIfPoints(setting.key, current);
  const request = { id: 1, recipe, key: setting.key, points, modes: ['sync', 'async'] as const };
  const ms = median(
    [0, 1, 2].map(() => {
      const started = performance.now();
      for (const p of points) computePoint(request, p);
      return performance.now() - started;
    }),
  );
  slowest = Math.max(slowest, ms);
  console.log(`  ${setting.key.padEnd(24)} ${points.length} points  ${ms.toFixed(0)} ms`);
}
console.log(`  slowest: ${slowest.toFixed(0)} ms (bar: ready within 1 s)`);

// The same in the browser, worker start-up and drawing included, when Chromium is installed.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(CHROMIUM)) {
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-whatif.mjs')], { stdio: 'inherit' });
} else {
  console.log(`("What if?" in the browser skipped: no Chromium at ${CHROMIUM})`);
}

const met = overhead <= 150 && sweepTimes.every((t) => t < 5000) && slowest < 1000;
console.log(met ? 'Speed bars met.' : 'A speed bar was missed (see above).');
