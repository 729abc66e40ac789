/** "What if?": the values a curve runs over and the runs themselves (the settings and metrics it
 * offers are in whatifChoices.ts, re-exported here). Pure (no DOM, no timers), so the Web Worker,
 * the main-thread fallback, the command line and the tests all compute the same numbers. */
import { formatCount } from '../format/index.ts';
import {
  buildConfig,
  findSetting,
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
  type SettingValue,
  type Sweep,
  WHATIF_MAX_EVENTS,
  WHATIF_MAX_ORDERS,
} from '../engine/index.ts';
import { WHATIF_METRICS } from './whatifChoices.ts';

export * from './whatifChoices.ts';

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

/** Where a setting with no sweep of its own runs: from its low end to 2 s or twice the value. */
const FALLBACK_SWEEP: Sweep = { from: 0, to: 2000 };

/** The values a curve runs over: the setting's registry `sweep`, from its `from` to its `to` or
 * twice the current value, whichever is larger, inside the setting's bounds; at least MIN_POINTS
 * of them, the current value included. */
export function whatIfPoints(key: string, current: string): WhatIfPoint[] {
  const numeric = numericSetting(key);
  const range = numeric ?? { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false };
  const sweep = findSetting(key)?.sweep ?? FALLBACK_SWEEP;
  // A latency's points are its mean: `latency.email`, `steps.transcode.latency`.
  const distribution = numeric?.kind === 'latency' ? parseDistribution(current) : undefined;
  const now =
    distribution && typeof distribution !== 'string' ? meanMs(distribution) : Number(current);
  const nowX = Number.isFinite(now) ? now : 0;
  const lo = Math.max(sweep.from, range.min);
  const hi = Math.min(Math.max(sweep.to, nowX * 2), range.max);
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
 * unless a test asks for less): one object per request, carried from point to point. `same`
 * keeps a lane's metrics where the setting does nothing in that lane (sameInLane), run once. */
export interface CurveWork {
  events: number;
  limit: number;
  same: Partial<Record<Mode, Record<string, number>>>;
}

export function curveWork(limit = WHATIF_MAX_EVENTS): CurveWork {
  return { events: 0, limit, same: {} };
}

/** Whether every value of `key` gives the same run in `mode`'s lane: a setting of the queue and
 * its workers (the registry's `asyncOnly`) does nothing in sync mode, which has none, so the sync
 * lane's curve is one run, drawn flat, instead of one run per value (half the work of the
 * workers' curves; test/analysis/whatif.test.ts checks the runs are the same). */
export function sameInLane(key: string, mode: Mode): boolean {
  return mode === 'sync' && findSetting(key)?.asyncOnly === true;
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
    const same = sameInLane(request.key, mode);
    const known = same ? work.same[mode] : undefined;
    if (known) {
      metrics[mode] = known;
      continue;
    }
    const left = work.limit - work.events;
    if (left <= 0) return null;
    const r = runWhatIf(request.recipe, request.key, point.value, mode, left);
    work.events += r.events;
    if (r.stopped?.reason === 'events' && work.events >= work.limit) return null;
    metrics[mode] = Object.fromEntries(
      WHATIF_METRICS.map((m) => [m.id, m.read(r, request.recipe.durationMs)]),
    );
    if (same) work.same[mode] = metrics[mode];
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
