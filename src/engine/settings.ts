/** The one vocabulary of `key=value` settings that the command line, scenarios, timed changes and
 * URLs all use, with validation that names the key and its allowed values. */
import { defaultConfig, type Config, type OutageWindow } from './config.ts';
import { QUEUE_SETTINGS } from './queueSettings.ts';
import {
  booleanSetting,
  clip,
  choiceSetting,
  latencySetting,
  numberSetting,
  type Setting,
  type SettingValue,
} from './settingKinds.ts';

export * from './config.ts';
export type { Setting, SettingValue } from './settingKinds.ts';
export { clip, parseDecimal } from './settingKinds.ts';

const MAX_SECONDS = 86_400;
const OUTAGE_HELP = `none, or FROM-TO in seconds (e.g. 20-40), several separated by commas, within 0 to ${MAX_SECONDS}`;

/** Outage windows from `email.outage`'s text, in order, or a sentence naming what is allowed. */
export function parseOutages(raw: string): OutageWindow[] | string {
  const text = raw.trim();
  if (text === 'none' || text === '') return [];
  const windows: OutageWindow[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) return OUTAGE_HELP;
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (!(from < to) || to > MAX_SECONDS) return `${OUTAGE_HELP}, with FROM before TO`;
    // Whole microseconds, like every scheduled time: 2.007 s is 2007 ms, not 2007.0000000000002.
    windows.push({ fromMs: Math.round(from * 1e6) / 1000, toMs: Math.round(to * 1e6) / 1000 });
  }
  return windows.sort((a, b) => a.fromMs - b.fromMs);
}

export const SETTINGS: readonly Setting[] = [
  choiceSetting(
    'traffic.pattern',
    'how orders arrive: one order at t=0, steady Poisson arrivals, or steady with a spike',
    ['single', 'steady', 'spike'] as const,
    (c) => c.traffic.pattern,
    (c, v) => (c.traffic.pattern = v),
  ),
  numberSetting(
    'traffic.rate',
    'orders per second (steady and spike patterns)',
    0,
    10_000,
    'orders/s',
    (c) => c.traffic.ratePerSec,
    (c, v) => (c.traffic.ratePerSec = v),
  ),
  numberSetting(
    'traffic.orders',
    'stop after this many orders (0: no limit)',
    0,
    100_000_000,
    '',
    (c) => c.traffic.orders,
    (c, v) => (c.traffic.orders = v),
    true,
  ),
  numberSetting(
    'traffic.spikeAt',
    'when the spike starts',
    0,
    MAX_SECONDS,
    's',
    (c) => c.traffic.spikeAtSec,
    (c, v) => (c.traffic.spikeAtSec = v),
  ),
  numberSetting(
    'traffic.spikeFor',
    'how long the spike lasts',
    0,
    MAX_SECONDS,
    's',
    (c) => c.traffic.spikeForSec,
    (c, v) => (c.traffic.spikeForSec = v),
  ),
  numberSetting(
    'traffic.spikeRate',
    'orders per second during the spike',
    0,
    10_000,
    'orders/s',
    (c) => c.traffic.spikeRatePerSec,
    (c, v) => (c.traffic.spikeRatePerSec = v),
  ),
  latencySetting('validate', 'checking the payment details'),
  latencySetting('charge', 'charging the card at the payment service'),
  latencySetting('save', 'saving the order in the database'),
  latencySetting('enqueue', 'putting the email job on the queue (async)'),
  latencySetting('email', 'one call to the email service, failed or not'),
  numberSetting(
    'email.failureRate',
    'chance that one email call fails',
    0,
    1,
    '',
    (c) => c.email.failureRate,
    (c, v) => (c.email.failureRate = v),
  ),
  {
    key: 'email.outage',
    description: 'windows of simulated time in which every email call fails',
    allowed: OUTAGE_HELP,
    apply(config, raw) {
      const parsed = parseOutages(raw);
      if (typeof parsed === 'string') return parsed;
      config.email.outages = parsed;
      return undefined;
    },
    read: (config) =>
      config.email.outages.length === 0
        ? 'none'
        : config.email.outages.map((w) => `${w.fromMs / 1000}-${w.toMs / 1000}`).join(','),
  },
  booleanSetting(
    'email.down',
    'the email service is down now (a switch, for the UI and timed changes)',
    (c) => c.email.down,
    (c, v) => (c.email.down = v),
  ),
  numberSetting(
    'email.poisonEvery',
    'every n-th order has an email job that always fails, a poison message (0: none)',
    0,
    1_000_000,
    '',
    (c) => c.email.poisonEvery,
    (c, v) => (c.email.poisonEvery = v),
    true,
  ),
  booleanSetting(
    'email.idempotency',
    "the email service sends each order's confirmation once, by the key order-confirmation/<orderId>",
    (c) => c.email.idempotency,
    (c, v) => (c.email.idempotency = v),
  ),
  booleanSetting(
    'checkout.idempotency',
    'the payment service charges each checkout once, however often the customer clicks',
    (c) => c.checkout.idempotency,
    (c, v) => (c.checkout.idempotency = v),
  ),
  numberSetting(
    'server.handlers',
    'requests the web server handles at once',
    1,
    100_000,
    '',
    (c) => c.server.handlers,
    (c, v) => (c.server.handlers = v),
    true,
  ),
  numberSetting(
    'server.timeout',
    'how long a user waits before seeing an error page',
    1,
    3_600_000,
    'ms',
    (c) => c.server.timeoutMs,
    (c, v) => (c.server.timeoutMs = v),
  ),
  numberSetting(
    'workers.count',
    'queue workers',
    0,
    10_000,
    '',
    (c) => c.workers.count,
    (c, v) => (c.workers.count = v),
    true,
  ),
  numberSetting(
    'workers.crashRate',
    'chance that a worker crashes while handling one message',
    0,
    1,
    '',
    (c) => c.workers.crashRate,
    (c, v) => (c.workers.crashRate = v),
  ),
  numberSetting(
    'workers.restart',
    'how long a crashed worker takes to come back',
    0,
    3_600_000,
    'ms',
    (c) => c.workers.restartMs,
    (c, v) => (c.workers.restartMs = v),
  ),
  ...QUEUE_SETTINGS,
  booleanSetting(
    'users.retryOnError',
    'a user who sees an error page places the order once more',
    (c) => c.users.retryOnError,
    (c, v) => (c.users.retryOnError = v),
  ),
  numberSetting(
    'users.retryDelay',
    'how long a user takes to click again after an error page',
    0,
    3_600_000,
    'ms',
    (c) => c.users.retryDelayMs,
    (c, v) => (c.users.retryDelayMs = v),
  ),
];

const BY_KEY = new Map(SETTINGS.map((s) => [s.key, s]));

export function findSetting(key: string): Setting | undefined {
  return BY_KEY.get(key);
}

/** Applies `key=value` to a config in place; returns a one-line error naming the key and what
 * is allowed, or undefined when it applied. A failed apply leaves the config untouched. */
export function applySetting(config: Config, key: string, value: SettingValue): string | undefined {
  const setting = BY_KEY.get(key);
  if (!setting)
    return `unknown setting '${clip(key)}'; known settings: ${SETTINGS.map((s) => s.key).join(', ')}`;
  const problem = setting.apply(config, String(value));
  return problem === undefined
    ? undefined
    : `${key}=${clip(String(value))} is not allowed: ${problem}`;
}

/** A config from the defaults and a set of settings; throws a SettingError on the first bad one. */
export function buildConfig(settings: Readonly<Record<string, SettingValue>> = {}): Config {
  const config = defaultConfig();
  for (const [key, value] of Object.entries(settings)) {
    const problem = applySetting(config, key, value);
    if (problem) throw new SettingError(problem);
  }
  return config;
}

export class SettingError extends Error {
  override name = 'SettingError';
}

/** A setting that changes at a moment of simulated time: how scenarios script events and how the
 * UI records a slider move, so that any run replays exactly from (scenario, seed, changes). */
export interface TimedChange {
  atMs: number;
  key: string;
  value: SettingValue;
  /** Set on changes made live (Simulation.change): how many events had run when it was made, so
   * a replay applies it between the same two events, even among events at the same instant. */
  afterEvents?: number;
}

/** Actions that are not settings but can be timed like them. */
export const ACTIONS = {
  placeOrders: 'orders.place',
  /** Moves every dead-lettered message back to the main queue now. */
  redrive: 'queue.redrive',
} as const;

const ACTION_KEYS: readonly string[] = Object.values(ACTIONS);

/** An action (placing orders, a redrive) rather than a setting: it happens, it holds no value. */
export function isAction(key: string): boolean {
  return ACTION_KEYS.includes(key);
}

/** Settings that shape the run's structure: they can be set before a run starts, not changed
 * during it (the UI restarts the run with them instead). */
export const BEFORE_START_ONLY: readonly string[] = [
  'queue.broker',
  'queue.partitions',
  'queue.partitioner',
];
