/** "What if?": which settings and metrics the panel offers, the values a curve runs over, and the
 * runs themselves. Pure (no DOM, no timers), so the Web Worker, the main-thread fallback, the
 * command line and the tests all compute the same numbers. */
import { formatCount } from '../format/index.ts';
import {
  buildConfig,
  type Flow,
  formatDistribution,
  plannedOrders,
  meanMs,
  numericSetting,
  parseDistribution,
  Simulation,
  settingName,
  withMeanMs,
  type Mode,
  type Report,
  type RunRecipe,
  type AnySettingKey,
  type SettingValue,
  WHATIF_MAX_EVENTS,
  WHATIF_MAX_ORDERS,
} from '../engine/index.ts';

export interface WhatIfSetting {
  /** A registry setting, or a step's time or failure rate under the name a link writes
   * (`latency.charge`, `steps.transcode.latency`). */
  key: AnySettingKey;
  label: string;
  /** How the axis shows a value: a count, ms, a share, or orders/s. */
  unit: 'count' | 'ms' | 'share' | 'rate';
}

export const WHATIF_SETTINGS: readonly WhatIfSetting[] = [
  { key: 'workers.count', label: 'Workers', unit: 'count' },
  { key: 'server.handlers', label: 'Server handlers', unit: 'count' },
  { key: 'traffic.rate', label: 'Orders per second', unit: 'rate' },
  { key: 'latency.email', label: 'Email latency (mean)', unit: 'ms' },
  { key: 'email.failureRate', label: 'Email failure rate', unit: 'share' },
  { key: 'queue.visibilityTimeout', label: 'Visibility timeout', unit: 'ms' },
  { key: 'retry.base', label: 'Retry base delay', unit: 'ms' },
];

export interface WhatIfMetric {
  id: string;
  label: string;
  unit: 'ms' | 'count';
  read(r: Report, durationMs: number): number;
}

/** Customers whose email never left and will not: lost in sync, dead-lettered or dropped by a
 * broker in async, or still pending when the run stopped. */
export function noEmail(r: Report): number {
  return r.emails.lost + r.emails.deadLettered + r.emails.dropped + r.emails.pending;
}

export const WHATIF_METRICS: readonly WhatIfMetric[] = [
  { id: 'response-p95', label: 'p95 response', unit: 'ms', read: (r) => r.responseMs.p95 },
  { id: 'email-p95', label: 'p95 email delay', unit: 'ms', read: (r) => r.emailDelayMs.p95 },
  { id: 'error-pages', label: 'Error pages', unit: 'count', read: (r) => r.orders.failed },
  { id: 'no-email', label: 'Customers with no email', unit: 'count', read: noEmail },
  { id: 'duplicates', label: 'Duplicate emails', unit: 'count', read: (r) => r.emails.duplicates },
  // Messages waiting in the broker; the sync lane has no queue, so its curve stays at 0.
  { id: 'largest-queue', label: 'Largest queue', unit: 'count', read: (r) => r.queue.maxDepth },
  {
    id: 'drain-time',
    label: 'Drain time (after arrivals end)',
    unit: 'ms',
    read: (r, durationMs) => Math.max(0, r.simulatedMs - durationMs),
  },
];

export const findWhatIfSetting = (key: string) => WHATIF_SETTINGS.find((s) => s.key === key);

/** The settings and metrics about the email: a flow that sends none has no email step to set
 * (the engine refuses `latency.email` for it) and no email to measure. */
const EMAIL_ONLY: ReadonlySet<string> = new Set([
  'latency.email',
  'email.failureRate',
  'email-p95',
  'no-email',
  'duplicates',
]);
const sendsEmail = (flow: Flow) => flow.steps.some((s) => s.id === 'email');

/** The settings "What if?" offers for a flow: the fixed ones that fit it, then each step's time
 * (its mean) and failure rate, labelled with the step's label, except those the fixed ones already
 * are (`latency.email` is the email step's time). */
export function whatIfSettingsFor(flow: Flow): readonly WhatIfSetting[] {
  const fixed = sendsEmail(flow)
    ? WHATIF_SETTINGS
    : WHATIF_SETTINGS.filter((s) => !EMAIL_ONLY.has(s.key));
  const taken = new Set<string>(fixed.map((s) => s.key));
  const steps: WhatIfSetting[] = [];
  for (const step of flow.steps) {
    const time = settingName(`steps.${step.id}.latency` as const);
    const failures = settingName(`steps.${step.id}.failureRate` as const);
    if (!taken.has(time)) {
      steps.push({ key: time, label: `${step.label}: time (mean)`, unit: 'ms' });
    }
    if (!taken.has(failures)) {
      steps.push({ key: failures, label: `${step.label}: failure rate`, unit: 'share' });
    }
  }
  return [...fixed, ...steps];
}

export const whatIfMetricsFor = (flow: Flow): readonly WhatIfMetric[] =>
  sendsEmail(flow) ? WHATIF_METRICS : WHATIF_METRICS.filter((m) => !EMAIL_ONLY.has(m.id));
export const findWhatIfMetric = (id: string) => WHATIF_METRICS.find((m) => m.id === id);

/** A curve's points: at least this many, so that it reads as a curve. */
export const MIN_POINTS = 21;

export interface WhatIfPoint {
  /** Where it sits on the x axis (a latency's mean, a rate's share). */
  x: number;
  /** The engine value that x stands for, as `change` takes it. */
  value: string;
}

function tidy(n: number, integer: boolean): number {
  return integer ? Math.round(n) : Number(n.toPrecision(6));
}

/** The values a curve runs over: from the setting's low end to about twice the current value
 * (never less than a teaching range), at least MIN_POINTS of them, the current value included. */
export function whatIfPoints(key: string, current: string): WhatIfPoint[] {
  const range = numericSetting(key) ?? { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false };
  // A latency's points are its mean: `latency.email`, `steps.transcode.latency`.
  const latency = numericSetting(key)?.kind === 'latency';
  const distribution = latency ? parseDistribution(current) : undefined;
  const now =
    distribution && typeof distribution !== 'string' ? meanMs(distribution) : Number(current);
  const nowX = Number.isFinite(now) ? now : 0;
  let lo: number;
  let hi: number;
  switch (key.endsWith('.failureRate') ? 'failureRate' : key) {
    case 'failureRate':
      [lo, hi] = [0, 1];
      break;
    case 'workers.count':
    case 'server.handlers':
      [lo, hi] = [1, Math.max(20, nowX * 2)];
      break;
    case 'traffic.rate':
      [lo, hi] = [1, Math.max(20, nowX * 2)];
      break;
    default:
      [lo, hi] = [Math.max(range.min, 0), Math.max(nowX * 2, 2000)];
  }
  lo = Math.max(lo, range.min);
  hi = Math.min(hi, range.max);
  const xs = new Set<number>();
  // With whole numbers, a range shorter than MIN_POINTS just takes every value in it.
  const count = range.integer ? Math.min(MIN_POINTS, hi - lo + 1) : MIN_POINTS;
  for (let i = 0; i < count; i++) xs.add(tidy(lo + ((hi - lo) * i) / (count - 1), range.integer));
  if (nowX >= range.min && nowX <= range.max) xs.add(nowX);
  return [...xs]
    .sort((a, b) => a - b)
    .map((x) => ({
      x,
      value:
        distribution && typeof distribution !== 'string'
          ? formatDistribution(withMeanMs(distribution, x))
          : String(x),
    }));
}

/** Settling after the arrivals end is given this much simulated time at most, as the CLI's
 * default --drain gives it. */
export const DRAIN_MS = 600_000;

/** One run of the recipe with the setting held at one value for the whole run: its changes to
 * that setting are dropped. Returns the engine's report; the run stops after `maxEvents` events
 * (its report then says so in `stopped`). */
export function runWhatIf(
  recipe: RunRecipe,
  key: string,
  value: string,
  mode: Mode,
  maxEvents = WHATIF_MAX_EVENTS,
): Report {
  const settings = whatIfSettings(recipe, key, value);
  const sim = Simulation.fromRecipe(
    { ...recipe, settings, changes: withoutSetting(recipe.changes, key) },
    mode,
    { limits: { events: maxEvents } },
  );
  sim.runToSettle(recipe.durationMs + DRAIN_MS);
  return sim.report('what-if');
}

/** The limits of a request (engine/limits.ts): WHATIF_MAX_ORDERS, counted from the traffic
 * settings before anything runs (above it, the panel says so instead of running), and
 * WHATIF_MAX_EVENTS, the work its runs may do in all (past it, the curves stop and say so). */
export { WHATIF_MAX_EVENTS, WHATIF_MAX_ORDERS };

/** The engine events a request's runs have used so far, and the most they may (WHATIF_MAX_EVENTS
 * unless a test asks for less): one object per request, carried from point to point. */
export interface CurveWork {
  events: number;
  limit: number;
}

export function curveWork(limit = WHATIF_MAX_EVENTS): CurveWork {
  return { events: 0, limit };
}

/** A sentence refusing curves whose runs would place more than WHATIF_MAX_ORDERS orders in all,
 * or undefined. Counted from the traffic settings, as the command line refuses a run too large. */
export function whatIfTooLarge(
  recipe: RunRecipe,
  key: string,
  points: readonly WhatIfPoint[],
  modes: readonly Mode[],
): string | undefined {
  const changes = withoutSetting(recipe.changes, key);
  let total = 0;
  for (const point of points) {
    const config = buildConfig(whatIfSettings(recipe, key, point.value), recipe.flow);
    total += plannedOrders(config, recipe.durationMs, changes) * modes.length;
  }
  if (total <= WHATIF_MAX_ORDERS) return undefined;
  return (
    `These curves would place about ${formatCount(total)} orders (${points.length} values, ` +
    `${modes.length} lanes, ${formatCount(recipe.durationMs / 1000)} s each), more than the ` +
    `${formatCount(WHATIF_MAX_ORDERS)} a curve may take: shorten the run or lower the traffic.`
  );
}

/** The timed changes that do not touch `key` under either of its names (`latency.charge`,
 * `steps.charge.latency`): the curve holds it at one value for the whole run. */
function withoutSetting(changes: RunRecipe['changes'], key: string): RunRecipe['changes'] {
  const name = settingName(key);
  return changes.filter((c) => settingName(c.key) !== name);
}

/** The run's settings with `key` at `value`, in place of the same setting under its other name;
 * a positive rate on a single-order lesson means steady traffic, as the slider has it. */
function whatIfSettings(recipe: RunRecipe, key: string, value: string) {
  const name = settingName(key);
  // In the place the setting had, as the spread `{...settings, [key]: value}` would put it.
  const settings: Record<string, SettingValue> = {};
  for (const [k, v] of Object.entries(recipe.settings)) {
    if (settingName(k) === name) settings[key] = value;
    else settings[k] = v;
  }
  settings[key] = value;
  if (key === 'traffic.rate' && Number(value) > 0) {
    if (buildConfig(recipe.settings, recipe.flow).traffic.pattern === 'single') {
      settings['traffic.pattern'] = 'steady';
    }
  }
  return settings;
}

export interface WhatIfRequest {
  id: number;
  recipe: RunRecipe;
  key: string;
  points: readonly WhatIfPoint[];
  modes: readonly Mode[];
}

/** Every metric of one point for each lane: the panel switches metric without running again. */
export interface WhatIfResult {
  x: number;
  value: string;
  metrics: Record<Mode, Record<string, number>>;
}

/** Every metric of one point, or null when the request's work budget (WHATIF_MAX_EVENTS, counted
 * in `work`) ran out before the point's runs ended: a run cut short is not a point of the curve. */
export function computePoint(
  request: WhatIfRequest,
  point: WhatIfPoint,
  work: CurveWork = curveWork(),
): WhatIfResult | null {
  const metrics = {} as Record<Mode, Record<string, number>>;
  for (const mode of request.modes) {
    const left = work.limit - work.events;
    if (left <= 0) return null;
    const r = runWhatIf(request.recipe, request.key, point.value, mode, left);
    work.events += r.events;
    if (r.stopped?.reason === 'events' && work.events >= work.limit) return null;
    metrics[mode] = Object.fromEntries(
      WHATIF_METRICS.map((m) => [m.id, m.read(r, request.recipe.durationMs)]),
    );
  }
  return { x: point.x, value: point.value, metrics };
}

/** The sentence for curves stopped by their work budget after `done` of their values, naming the
 * limit and what to change, as a refusal does. */
export function whatIfStopped(
  request: WhatIfRequest,
  done: number,
  work: CurveWork = curveWork(),
): string {
  return (
    `These curves stopped after ${done} of ${request.points.length} values: their runs used ` +
    `${formatCount(work.limit)} engine events, the most a curve may take. Let failing ` +
    `email jobs retry less often (retry.base, queue.maxReceives, queue.deadLetter), shorten the ` +
    `run or lower the traffic.`
  );
}
