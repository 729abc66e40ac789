/** `npm run bench`, the engine against SimPy as whole processes, as a user runs them: the command
 * line (`node bin/sync-vs-async.mjs simulate`, what `npx sync-vs-async` and `npm run simulate`
 * run, without npm's own start-up) against `python3 bench/simpy/checkout.py`, on the reference
 * workload of 1,000,000 orders and 100 workers. Wall time of each process, start-up and report
 * included; and its CPU time where Linux tells it, since on a shared machine the wall time of a
 * 25 s run drifts with the load while its CPU time moves much less. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = '/usr/bin/python3';
const ORDERS = Number(process.env.BENCH_PROCESS_ORDERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 3);
const RATE = 50;
const WORKERS = 100;
const HANDLERS = 64;
const FAILURE_RATE = 0.05;
const EMAIL_MEAN_MS = 1500;

/** The reference workload as the command line takes it: the same settings as engine.bench.ts. */
const CLI = [
  join(ROOT, 'bin', 'sync-vs-async.mjs'),
  'simulate',
  '--scenario',
  'checkout',
  '--mode',
  'async',
  '--duration',
  String(Math.min(86_400, Math.ceil((ORDERS / RATE) * 2))),
  ...['queue.broker=sqs', `server.handlers=${HANDLERS}`, 'traffic.pattern=steady']
    .concat([`traffic.rate=${RATE}`, `traffic.orders=${ORDERS}`, `workers.count=${WORKERS}`])
    .concat([`latency.email=exp(${EMAIL_MEAN_MS})`, `email.failureRate=${FAILURE_RATE}`])
    .flatMap((setting) => ['--set', setting]),
  '--json',
];
const SIMPY = [
  join(ROOT, 'bench', 'simpy', 'checkout.py'),
  ...['--orders', String(ORDERS), '--rate', String(RATE), '--handlers', String(HANDLERS)],
  ...['--workers', String(WORKERS), '--failure-rate', String(FAILURE_RATE)],
  ...['--email-mean-ms', String(EMAIL_MEAN_MS), '--json'],
];

/** CPU seconds used so far by this process's finished children (Linux: /proc/self/stat fields
 * cutime and cstime, in clock ticks of 1/100 s), or NaN where that is not available. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields counted from the state (field 3): cutime is field 16, cstime field 17.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

interface Timing {
  wall: number;
  cpu: number;
  out: string;
}

function timed(command: string, args: string[]): Timing {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return { wall, cpu: childCpuSeconds() - cpuBefore, out: result.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (t: { wall: number; cpu: number }) =>
  `${t.wall.toFixed(2)} s wall${Number.isNaN(t.cpu) ? '' : `, ${t.cpu.toFixed(2)} s CPU`}`;

function hasSimpy(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import simpy'], { stdio: 'ignore' }).status === 0;
}

console.log(
  `Whole processes, ${fmt(ORDERS)} orders (${RATE} orders/s, ${WORKERS} workers, email exp(${EMAIL_MEAN_MS}) failing ${FAILURE_RATE * 100} %)`,
);
if (!hasSimpy()) {
  console.log('  SimPy not installed (apt-get install python3-simpy3); no ratio printed');
} else {
  timed(process.execPath, [join(ROOT, 'bin', 'sync-vs-async.mjs'), 'simulate', '--list']); // builds a stale bundle
  // Interleaved, so that a change in the machine's load falls on both alike.
  const engine: Timing[] = [];
  const simpy: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    engine.push(timed(process.execPath, CLI));
    simpy.push(timed(PYTHON, SIMPY));
  }
  const arrived = (JSON.parse(engine[0]!.out) as { orders: { arrived: number } }).orders.arrived;
  const simpyOrders = (JSON.parse(simpy[0]!.out.trim().split('\n').pop()!) as { orders: number })
    .orders;
  const e = { wall: median(engine.map((t) => t.wall)), cpu: median(engine.map((t) => t.cpu)) };
  const p = { wall: median(simpy.map((t) => t.wall)), cpu: median(simpy.map((t) => t.cpu)) };
  console.log(`  (medians of ${RUNS} runs each, interleaved)`);
  console.log(
    `  command line  node bin/sync-vs-async.mjs simulate …: ${secs(e)}, ${fmt(arrived / e.wall)} orders/s`,
  );
  console.log(
    `  SimPy         python3 bench/simpy/checkout.py …:     ${secs(p)}, ${fmt(simpyOrders / p.wall)} orders/s`,
  );
  const byWall = p.wall / e.wall;
  const byCpu = p.cpu / e.cpu;
  console.log(
    `  ratio         ${byWall.toFixed(1)}x SimPy by wall time${Number.isNaN(byCpu) ? '' : `, ${byCpu.toFixed(1)}x by CPU time`} (bar 12x, goal 20x)`,
  );
  process.exitCode = byWall >= 12 ? 0 : 1;
}
