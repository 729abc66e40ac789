/** Which of the settings a user gave do nothing in this run, and why, one sentence each: a
 * setting of another broker, of the queue in sync mode, of a traffic pattern not in use. The
 * command line warns with them; a setting that does nothing is never an error. */
import { brokersOf } from './queue/index.ts';
import type { Config, Mode } from './settings.ts';

/** Settings that only matter while another setting has a certain value. */
const ONLY_WHEN: readonly [
  key: string,
  governs: string,
  holds: (c: Config) => boolean,
  why: string,
][] = [
  [
    'traffic.rate',
    'traffic.pattern',
    (c) => c.traffic.pattern !== 'single',
    'traffic.pattern is single',
  ],
  [
    'traffic.orders',
    'traffic.pattern',
    (c) => c.traffic.pattern !== 'single',
    'traffic.pattern is single',
  ],
  [
    'traffic.spikeAt',
    'traffic.pattern',
    (c) => c.traffic.pattern === 'spike',
    'traffic.pattern is not spike',
  ],
  [
    'traffic.spikeFor',
    'traffic.pattern',
    (c) => c.traffic.pattern === 'spike',
    'traffic.pattern is not spike',
  ],
  [
    'traffic.spikeRate',
    'traffic.pattern',
    (c) => c.traffic.pattern === 'spike',
    'traffic.pattern is not spike',
  ],
  [
    'users.retryDelay',
    'users.retryOnError',
    (c) => c.users.retryOnError,
    'users.retryOnError is false',
  ],
  [
    'workers.restart',
    'workers.crashRate',
    (c) => c.workers.crashRate > 0,
    'workers.crashRate is 0',
  ],
  ['queue.redriveAt', 'queue.deadLetter', (c) => c.queue.deadLetter, 'queue.deadLetter is false'],
  ['queue.outboxPollMs', 'queue.outbox', (c) => c.queue.outbox, 'queue.outbox is false'],
];

/** One sentence for each of `keys` that does nothing in a run of `mode` with `config`. Keys that
 * timed changes touch (`changing`) may switch a setting on later, so they silence the warning. */
export function inertSettings(
  keys: readonly string[],
  config: Config,
  mode: Mode,
  changing: readonly string[] = [],
): string[] {
  const broker = config.queue.broker;
  const warnings: string[] = [];
  for (const key of keys) {
    const queueSide =
      key.startsWith('queue.') || key.startsWith('workers.') || key.startsWith('retry.');
    // The server's crash between the save and the enqueue needs an enqueue: sync has none.
    const beforeQueue = key === 'latency.enqueue' || key === 'server.crashRate';
    if (mode === 'sync' && (queueSide || beforeQueue)) {
      warnings.push(`${key} does nothing in sync mode, which has no queue; try --mode async`);
      continue;
    }
    // Which settings belong to which brokers is the presets' to say (their `settings`).
    const brokers = brokersOf(key);
    if (
      mode === 'async' &&
      brokers &&
      !brokers.includes(broker) &&
      !changing.includes('queue.broker')
    ) {
      warnings.push(
        `${key} does nothing with queue.broker=${broker}; it applies to ${brokers.join(', ')}`,
      );
      continue;
    }
    for (const [k, governs, holds, why] of ONLY_WHEN) {
      if (k === key && !holds(config) && !changing.includes(governs)) {
        warnings.push(`${key} does nothing in this run: ${why}`);
      }
    }
  }
  return warnings;
}
