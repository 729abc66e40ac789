/** `npm run bench`: the engine's speed and memory on a reference async workload of 1,000,000
 * orders, measured beside the same checkout model in SimPy when SimPy is installed, plus the cost
 * of a rerun from scratch as the UI does when a student drags the timeline back. */
// Every broker registered: this runs any of them, with no first load to keep small.
import '../src/engine/queue/all.ts';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  BROKERS,
  buildConfig,
  report,
  Simulation,
  type Broker,
  type Mode,
} from '../src/engine/index.ts';

/** The reference workload: steady Poisson traffic at 50 orders/s, the lesson's latencies with an
 * exponential email call (mean 1.5 s) that fails 5 % of the time, 64 handlers, 100 workers. Sync
 * holds a handler for the email too (2.55 s a request), so its run gets 200 handlers. */
const RATE = 50;
const WORKERS = 100;
const FAILURE_RATE = 0.05;
const reference = (orders: number, mode: Mode, broker: Broker = 'sqs') =>
  buildConfig({
    'queue.broker': broker,
    'queue.partitions': WORKERS,
    'server.handlers': mode === 'sync' ? 200 : 64,
    'traffic.pattern': 'steady',
    'traffic.rate': RATE,
    'traffic.orders': orders,
    'workers.count': WORKERS,
    'latency.email': 'exp(1500)',
    'email.failureRate': FAILURE_RATE,
  });

function runReference(orders: number, mode: Mode, broker: Broker = 'sqs') {
  const started = performance.now();
  const sim = new Simulation({
    config: reference(orders, mode, broker),
    mode,
    seed: 1,
    durationMs: Infinity,
  });
  sim.runToSettle(Infinity);
  const seconds = (performance.now() - started) / 1000;
  const r = report(sim.state, 'reference');
  return { seconds, r, ordersPerSec: r.orders.arrived / seconds, eventsPerSec: r.events / seconds };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const SIMPY_ORDERS = Number(process.env.BENCH_SIMPY_ORDERS ?? 200_000);

// Warm the JIT on a small run so the big one measures steady-state speed, as SimPy's does.
runReference(20_000, 'async');

console.log(
  `Reference workload: async checkout, ${RATE} orders/s, ${WORKERS} workers, email exp(1500) failing ${FAILURE_RATE * 100} %`,
);
const js = runReference(ORDERS, 'async');
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `  engine  ${fmt(js.r.orders.arrived)} orders in ${js.seconds.toFixed(2)} s: ${fmt(js.ordersPerSec)} orders/s, ${fmt(js.eventsPerSec)} events/s`,
);
console.log(
  `          mean response ${js.r.responseMs.mean.toFixed(1)} ms, mean email delay ${js.r.emailDelayMs.mean.toFixed(1)} ms, ${fmt(js.r.emails.sent)} emails`,
);
console.log(`  peak resident memory of this process: ${rssMb.toFixed(0)} MB (bar: under 300 MB)`);

const syncRun = runReference(ORDERS / 4, 'sync');
console.log(
  `  engine, sync mode: ${fmt(syncRun.ordersPerSec)} orders/s, ${fmt(syncRun.eventsPerSec)} events/s`,
);

// Each broker preset on the same workload (Kafka with one partition per worker), a quarter of
// the orders: what its bookkeeping costs against SQS's.
const brokerOrders = ORDERS / 4;
const perBroker = BROKERS.map((broker) => ({
  broker,
  run: runReference(brokerOrders, 'async', broker),
}));
const sqsSpeed = perBroker.find((b) => b.broker === 'sqs')!.run.ordersPerSec;
console.log(`  brokers, ${fmt(brokerOrders)} orders each:`);
for (const { broker, run } of perBroker) {
  console.log(
    `    ${broker.padEnd(9)} ${fmt(run.ordersPerSec)} orders/s (${(run.ordersPerSec / sqsSpeed).toFixed(2)}x sqs), ${fmt(run.r.emails.duplicates)} duplicates, ${fmt(run.r.emails.redelivered)} redeliveries`,
  );
}

let verdict = true;
const python = '/usr/bin/python3';
const hasSimpy =
  existsSync(python) &&
  (() => {
    try {
      execFileSync(python, ['-c', 'import simpy'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
if (hasSimpy) {
  const out = execFileSync(
    python,
    [
      'bench/simpy/checkout.py',
      '--orders',
      String(SIMPY_ORDERS),
      '--rate',
      String(RATE),
      '--handlers',
      '64',
      '--workers',
      String(WORKERS),
      '--failure-rate',
      String(FAILURE_RATE),
      '--email-mean-ms',
      '1500',
      '--json',
    ],
    { encoding: 'utf8' },
  );
  const simpy = JSON.parse(out.trim().split('\n').pop()!) as {
    ordersPerSec: number;
    meanEmailDelayMs: number;
  };
  const ratio = js.ordersPerSec / simpy.ordersPerSec;
  console.log(
    `  SimPy   ${fmt(SIMPY_ORDERS)} orders: ${fmt(simpy.ordersPerSec)} orders/s (mean email delay ${simpy.meanEmailDelayMs.toFixed(1)} ms)`,
  );
  console.log(`  ratio   ${ratio.toFixed(1)}x SimPy (bar 10x, goal 20x)`);
  verdict &&= ratio >= 10;
} else {
  console.log('  SimPy   not installed (apt-get install python3-simpy3); no ratio printed');
}
verdict &&= rssMb < 300;

// Seeking back: a lane is rebuilt from zero and run to the target time. Measured as the bare
// engine (the bar) and with a 20,000-entry event log kept all the way, the UI's worst case.
function rerunMs(logCapacity: number): number {
  const config = buildConfig({
    'traffic.pattern': 'steady',
    'traffic.rate': 50,
    'workers.count': 100,
  });
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    const sim = new Simulation({
      config,
      mode: 'async',
      seed: i + 1,
      durationMs: 600_000,
      logCapacity,
    });
    sim.runUntil(600_000);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[3]!;
}
const bare = rerunMs(0);
const logged = rerunMs(20_000);
console.log(
  `Rerun of 10 simulated minutes at 50 orders/s from scratch: ${bare.toFixed(1)} ms (bar: well under 100 ms); with the event log on: ${logged.toFixed(1)} ms (medians of 7)`,
);
verdict &&= bare < 100;

console.log(verdict ? 'All bars met.' : 'A bar was missed.');
process.exitCode = verdict ? 0 : 1;
