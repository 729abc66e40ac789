// "What if?": the values a curve runs over, and each point being the very run the command line
// gives for that value.
import { describe, expect, it } from 'vitest';
import {
  computePoint,
  curveWork,
  MIN_POINTS,
  runWhatIf,
  sameInLane,
  whatIfPoints,
  whatIfStopped,
  whatIfTooLarge,
  WHATIF_MAX_EVENTS,
  WHATIF_MAX_ORDERS,
  WHATIF_METRICS,
  WHATIF_SETTINGS,
  whatIfMetricsFor,
  whatIfSettingsFor,
  type WhatIfRequest,
  type WhatIfResult,
} from '../../src/analysis/whatif.ts';
import {
  type RunRecipe,
  report,
  Simulation,
  buildConfig,
  defaultConfig,
  findSetting,
} from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';

const spike = findScenario('traffic-spike')!;
const recipe = scenarioRecipe(spike);

describe('the values a curve runs over', () => {
  it.each(WHATIF_SETTINGS.map((s) => s.key))(
    '%s: at least the minimum, ascending, inside the registry, the current value included',
    (key) => {
      const setting = findSetting(key)!;
      const current = setting.read(defaultConfig());
      const points = whatIfPoints(key, current);
      expect(points.length).toBeGreaterThanOrEqual(key === 'email.failureRate' ? MIN_POINTS : 20);
      const xs = points.map((p) => p.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(xs).size).toBe(xs.length);
      for (const p of points) {
        expect(setting.apply(defaultConfig(), p.value), `${key}=${p.value}`).toBeUndefined();
      }
      expect(points.some((p) => p.value === current)).toBe(true);
    },
  );

  it('runs whole numbers of workers from 1 to twice the current count', () => {
    const points = whatIfPoints('workers.count', '30');
    expect(points[0]).toEqual({ x: 1, value: '1' });
    expect(points.at(-1)).toEqual({ x: 60, value: '60' });
    expect(points.every((p) => Number.isInteger(p.x))).toBe(true);
  });

  it('moves a latency’s mean and keeps its shape', () => {
    const points = whatIfPoints('latency.email', 'exp(1500)');
    expect(points.every((p) => /^exp\([\d.]+\)$/.test(p.value))).toBe(true);
    expect(points.find((p) => p.value === 'exp(1500)')?.x).toBe(1500);
  });
});

describe('a point of the curve', () => {
  it('is the run the command line gives for that value, in each lane', () => {
    for (const mode of ['sync', 'async'] as const) {
      const sim = new Simulation({
        config: buildConfig({ ...spike.settings, 'workers.count': '3' }),
        mode,
        seed: spike.seed,
        durationMs: recipe.durationMs,
        changes: recipe.changes,
      });
      sim.runToSettle(recipe.durationMs + 600_000);
      const expected = report(sim.state, 'what-if');
      expect(runWhatIf(recipe, 'workers.count', '3', mode)).toEqual(expected);
    }
  });

  it('holds the swept setting for the whole run: a recorded change to it is dropped', () => {
    const changed = {
      ...recipe,
      changes: [...recipe.changes, { atMs: 5000, key: 'workers.count' as const, value: '40' }],
    };
    expect(runWhatIf(changed, 'workers.count', '2', 'async')).toEqual(
      runWhatIf(recipe, 'workers.count', '2', 'async'),
    );
  });

  it('turns a single-order lesson into steady traffic for a positive rate, as the slider does', () => {
    const checkout = findScenario('checkout')!;
    const single = { settings: checkout.settings, seed: 1, durationMs: 20_000, changes: [] };
    expect(runWhatIf(single, 'traffic.rate', '0', 'sync').orders.arrived).toBe(1);
    const steady = runWhatIf(single, 'traffic.rate', '5', 'sync').orders.arrived;
    // Poisson arrivals at 5/s for 20 s: 100 expected, within 4 standard deviations (10).
    expect(Math.abs(steady - 100)).toBeLessThan(40);
  });

  it('reads every metric for both lanes; more workers never lengthen the async email delay here', () => {
    const request = {
      id: 1,
      recipe,
      key: 'workers.count',
      points: whatIfPoints('workers.count', '10'),
      modes: ['sync', 'async'] as const,
    };
    const results = request.points.map((p) => computePoint(request, p)!);
    const delays = results.map((r) => r.metrics.async['email-p95']!);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeLessThanOrEqual(delays[i - 1]!);
    // The sync lane has no workers: its curve is flat.
    expect(new Set(results.map((r) => r.metrics.sync['email-p95'])).size).toBe(1);
    expect(Object.keys(results[0]!.metrics.sync)).toHaveLength(7);
  });
});

describe('a lane the setting does nothing in', () => {
  // Failing emails, so that the retry and visibility settings have work in the async lane.
  const failing = { ...recipe, settings: { ...recipe.settings, 'email.failureRate': '0.3' } };
  const keys = whatIfSettingsFor(buildConfig().flow)
    .map((s) => s.key)
    .filter((key) => sameInLane(key, 'sync'));

  it('is the sync lane for the queue’s settings, and only them', () => {
    expect(keys).toEqual(['workers.count', 'queue.visibilityTimeout', 'retry.base']);
    expect(sameInLane('workers.count', 'async')).toBe(false);
    expect(sameInLane('latency.email', 'sync')).toBe(false);
  });

  it.each(keys)('%s: the sync run is the same at every value, so it runs once', (key) => {
    const points = whatIfPoints(key, findSetting(key)!.read(defaultConfig()));
    const ends = [points[0]!, points[points.length - 1]!];
    const [low, high] = ends.map((p) => runWhatIf(failing, key, p.value, 'sync'));
    expect(high).toEqual(low);
    // The async lane does change with it: the curve is not flat there.
    const [lowAsync, highAsync] = ends.map((p) => runWhatIf(failing, key, p.value, 'async'));
    expect(highAsync).not.toEqual(lowAsync);
    const request: WhatIfRequest = {
      id: 1,
      recipe: failing,
      key,
      points: ends,
      modes: ['sync', 'async'],
    };
    const work = curveWork();
    const shared = ends.map((p) => computePoint(request, p, work)!);
    const alone = ends.map((p) => computePoint(request, p)!);
    expect(shared).toEqual(alone);
    // One sync run and two async ones.
    expect(work.events).toBe(low!.events + lowAsync!.events + highAsync!.events);
  });
});

describe('a flow’s curves', () => {
  it('offer no email setting or metric in a flow that sends none, and all of them in the checkout', () => {
    const login = scenarioRecipe(SCENARIOS.find((s) => s.id === 'password-check')!).flow!;
    const keys = whatIfSettingsFor(login).map((s) => s.key);
    expect(keys).toContain('workers.count');
    expect(keys).not.toContain('latency.email');
    expect(keys).not.toContain('email.failureRate');
    expect(whatIfMetricsFor(login).map((m) => m.id)).toEqual(
      expect.not.arrayContaining(['email-p95', 'no-email', 'duplicates']),
    );
    expect(whatIfMetricsFor(login).map((m) => m.id)).toContain('response-p95');
    const checkout = buildConfig({}).flow;
    // The fixed entries first; the steps' own follow (whatifSteps.test.ts).
    expect(whatIfSettingsFor(checkout).slice(0, WHATIF_SETTINGS.length)).toEqual(WHATIF_SETTINGS);
    expect(whatIfMetricsFor(checkout)).toEqual(WHATIF_METRICS);
  });
});

describe('a curve too large to run', () => {
  const currentOf = (r: RunRecipe, key: string) =>
    findSetting(key)!.read(buildConfig(r.settings, r.flow));

  it('is never a lesson: every lesson runs every setting’s curves', () => {
    for (const scenario of SCENARIOS) {
      const r = scenarioRecipe(scenario);
      for (const { key } of whatIfSettingsFor(buildConfig(r.settings, r.flow).flow)) {
        const points = whatIfPoints(key, currentOf(r, key));
        expect(whatIfTooLarge(r, key, points, ['sync', 'async']), `${scenario.id} ${key}`).toBe(
          undefined,
        );
      }
    }
  });

  it('is refused with the size, the limit and what to change, before any run', () => {
    // Ten minutes of free play at 600 orders/s: the rate curve runs up to 1,200/s.
    const big: RunRecipe = {
      settings: { 'traffic.pattern': 'steady', 'traffic.rate': 600 },
      seed: 1,
      durationMs: 600_000,
      changes: [],
    };
    const points = whatIfPoints('traffic.rate', '600');
    const message = whatIfTooLarge(big, 'traffic.rate', points, ['sync', 'async']);
    expect(message).toMatch(
      /^These curves would place about [\d,]+ orders \(\d+ values, 2 lanes, 600 s each\)/,
    );
    expect(message).toContain(`${WHATIF_MAX_ORDERS.toLocaleString('en-GB')} a curve may take`);
    expect(message).toContain('shorten the run or lower the traffic');
    // The same run with an order cap is small enough.
    const capped = { ...big, settings: { ...big.settings, 'traffic.orders': 1000 } };
    expect(whatIfTooLarge(capped, 'traffic.rate', points, ['sync', 'async'])).toBeUndefined();
  });
});

describe('a curve whose work escapes its count of orders', () => {
  // The retry storm: the checkout lesson's one order, its email failing every time and
  // retried every microsecond with no dead-letter queue. One order, so the order budget lets it
  // through; each async run would go on to the engine's own 100,000,000 events.
  const checkout = scenarioRecipe(findScenario('checkout')!);
  const storm: RunRecipe = {
    ...checkout,
    settings: {
      ...checkout.settings,
      'email.failureRate': 1,
      'retry.backoff': 'none',
      'queue.deadLetter': false,
      'latency.email': 0.001,
    },
  };
  const request: WhatIfRequest = {
    id: 1,
    recipe: storm,
    key: 'workers.count',
    points: whatIfPoints('workers.count', '4'),
    modes: ['sync', 'async'],
  };
  /** Runs the request's points in order, as the worker does, until the budget stops it. */
  const runAll = (r: WhatIfRequest, limit: number) => {
    const work = curveWork(limit);
    const done: WhatIfResult[] = [];
    for (const point of r.points) {
      const result = computePoint(r, point, work);
      if (!result) break;
      done.push(result);
    }
    return { work, done };
  };

  it('passes the order budget, which counts only orders', () => {
    expect(whatIfTooLarge(storm, request.key, request.points, request.modes)).toBeUndefined();
  });

  it('is stopped by the work budget, with a sentence naming the limit and what to change', () => {
    // A budget a test can afford (the page's is WHATIF_MAX_EVENTS), through the same code.
    const limit = 500_000;
    const { work, done } = runAll(request, limit);
    // The first value's async run alone spends it, so no point of the curve is shown.
    expect(done).toHaveLength(0);
    expect(work.events).toBeGreaterThanOrEqual(limit);
    // The engine checks its budgets every 65,536 events: it stops within one check of the limit.
    expect(work.events).toBeLessThanOrEqual(limit + 65_536);
    expect(whatIfStopped(request, done.length, work)).toBe(
      `These curves stopped after 0 of ${request.points.length} values: their runs used ` +
        '500,000 engine events, the most a curve may take. Let failing email jobs retry less ' +
        'often (retry.base, queue.maxReceives, queue.deadLetter), shorten the run or lower the ' +
        'traffic.',
    );
  });

  it('names the page’s own limit by default', () => {
    expect(whatIfStopped(request, 3)).toContain(
      `after 3 of ${request.points.length} values: their runs used ` +
        `${WHATIF_MAX_EVENTS.toLocaleString('en-GB')} engine events`,
    );
  });

  it('leaves an ordinary curve alone: the traffic-spike lesson’s workers curve, far within it', () => {
    const ordinary: WhatIfRequest = {
      ...request,
      recipe,
      points: whatIfPoints('workers.count', '4'),
    };
    const { work, done } = runAll(ordinary, WHATIF_MAX_EVENTS);
    expect(done).toHaveLength(ordinary.points.length);
    expect(work.events).toBeLessThan(WHATIF_MAX_EVENTS / 10);
  });
});
