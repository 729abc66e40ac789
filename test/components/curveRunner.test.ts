// "What if?"'s workers, kept from one request to the next: every curve they draw is the very
// points computePoint gives value by value (the numbers the panel drew when each request had
// fresh workers), for a first request, a second one in the same warm workers, one that replaces
// a request cancelled halfway, and one whose worker was stuck in a long value and replaced. The
// Worker is a stand-in that runs the real worker loop (curveLoop.ts) in this process, one value
// per task, with messages passed as a worker's are (copied, in order, later).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  computePoint,
  curveWork,
  whatIfPoints,
  type WhatIfRequest,
  type WhatIfResult,
} from '../../src/analysis/whatif.ts';
import { buildConfig, findSetting, type Mode, type RunRecipe } from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import { createCurveLoop, type WorkerRequest } from '../../src/components/whatif/curveLoop.ts';
import { makeWorker } from '../../src/components/whatif/makeWorker.ts';
import {
  CANCEL_WAIT_MS,
  runCurves,
  setWorkerFactory,
  spreadOrder,
} from '../../src/components/whatif/curveRunner.ts';

const MODES: readonly Mode[] = ['sync', 'async'];
let created = 0;
let nextId = 1000;
/** The request of every value any stand-in worker finished, answered or not. */
let valuesDone: number[] = [];
let workers: LoopWorker[] = [];

/** Resolves once every stand-in worker has nothing left to do. */
async function allIdle(): Promise<void> {
  while (workers.some((w) => !w.dead && w.queued > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A Worker running the real loop here, one value per macrotask, as the worker file does. */
class LoopWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  dead = false;
  /** Messages seen, for the tests that look at what the page sent. */
  seen: WorkerRequest[] = [];
  /** Tasks queued in this worker and not run yet. */
  queued = 0;
  private task(fn: () => void) {
    this.queued++;
    setTimeout(() => {
      this.queued--;
      if (!this.dead) fn();
    });
  }
  private loop = createCurveLoop(
    (reply) => {
      if ('result' in reply) valuesDone.push(reply.id);
      this.task(() => this.onmessage?.({ data: structuredClone(reply) }));
    },
    (fn) => this.task(fn),
  );
  constructor() {
    created++;
    workers.push(this);
  }
  postMessage(message: WorkerRequest) {
    this.seen.push(message);
    const copy = structuredClone(message);
    this.task(() => this.loop(copy));
  }
  terminate() {
    this.dead = true;
  }
}

/** A worker that never answers: one in the middle of a very long value. */
class StuckWorker extends LoopWorker {
  override postMessage(message: WorkerRequest) {
    this.seen.push(message);
  }
}

function recipeOf(id: string): RunRecipe {
  if (id === 'free play') {
    return {
      settings: { 'traffic.pattern': 'steady', 'traffic.rate': '20' },
      seed: 1,
      durationMs: 60_000,
      changes: [],
    };
  }
  return scenarioRecipe(findScenario(id)!);
}

function requestOf(lesson: string, key: string): WhatIfRequest {
  const recipe = recipeOf(lesson);
  const current = findSetting(key)!.read(buildConfig(recipe.settings, recipe.flow));
  return { id: nextId++, recipe, key, points: whatIfPoints(key, current), modes: MODES };
}

/** The curves as computePoint gives them, one value after another in one process. */
function serial(request: WhatIfRequest): WhatIfResult[] {
  const work = curveWork();
  return request.points.map((p) => computePoint(request, p, work)!);
}

interface Outcome {
  results: WhatIfResult[];
  where?: string;
  stopped?: string;
}

function run(request: WhatIfRequest): { done: Promise<Outcome>; cancel: () => void } {
  const results: WhatIfResult[] = [];
  let cancel = () => {};
  const done = new Promise<Outcome>((resolve) => {
    cancel = runCurves(request, {
      onPoint: (r) => results.push(r),
      onDone: (_ms, where) => resolve({ results, where }),
      onStopped: (stopped) => resolve({ results, stopped }),
    });
  });
  return { done, cancel };
}

const byX = (results: readonly WhatIfResult[]) => [...results].sort((a, b) => a.x - b.x);
const hardware = Object.getOwnPropertyDescriptor(globalThis, 'navigator');

beforeEach(() => {
  created = 0;
  valuesDone = [];
  workers = [];
  // Two cores: two workers share each request, as on the machines the bench runs on.
  Object.defineProperty(globalThis, 'navigator', {
    value: { hardwareConcurrency: 2 },
    configurable: true,
  });
  setWorkerFactory(() => new LoopWorker() as unknown as Worker);
});

afterEach(() => {
  // The page's own factory again, for whichever test file this process loads next.
  setWorkerFactory(makeWorker);
  if (hardware) Object.defineProperty(globalThis, 'navigator', hardware);
  else Reflect.deleteProperty(globalThis, 'navigator');
});

describe('curves from kept workers', () => {
  it.each([
    ['free play', 'workers.count'],
    ['free play', 'latency.email'],
    ['traffic-spike', 'workers.count'],
    ['traffic-spike', 'server.handlers'],
    ['flaky-email', 'retry.base'],
  ])(
    '%s, %s: the same points as value by value, first in fresh workers, then warm',
    async (lesson, key) => {
      const first = requestOf(lesson, key);
      const expected = serial(first);
      const a = await run(first).done;
      expect(a.where).toBe('worker');
      expect(byX(a.results)).toEqual(expected);
      expect(created).toBe(2);
      // The next request (the panel's, after a change) runs in the same two workers.
      const second = { ...requestOf(lesson, key) };
      const b = await run(second).done;
      expect(byX(b.results)).toEqual(expected);
      expect(created).toBe(2);
    },
  );

  it('keeps nothing of one request for the next but the workers: a lane run once is run again', async () => {
    // workers.count does nothing in the sync lane, so each request runs that lane once; the
    // second request's recipe is another seed, whose sync run differs.
    const first = requestOf('traffic-spike', 'workers.count');
    await run(first).done;
    const second = {
      ...first,
      id: nextId++,
      recipe: { ...first.recipe, seed: first.recipe.seed + 1 },
    };
    const got = await run(second).done;
    expect(byX(got.results)).toEqual(serial(second));
    expect(byX(got.results)[0]!.metrics.sync).not.toEqual(serial(first)[0]!.metrics.sync);
  });

  it('replaces a request cancelled halfway: none of its points reach the next, whose are right', async () => {
    const old = requestOf('free play', 'workers.count');
    const points: WhatIfResult[] = [];
    const cancel = runCurves(old, {
      onPoint: (r) => points.push(r),
      onDone: () => expect.unreachable('the cancelled request finished'),
      onStopped: () => expect.unreachable('the cancelled request stopped'),
    });
    // A few values in, then another setting.
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancel();
    const fresh = requestOf('free play', 'latency.email');
    const got = await run(fresh).done;
    expect(byX(got.results)).toEqual(serial(fresh));
    expect(points.length).toBeLessThan(old.points.length);
    // The workers ran at most the value each was in when the cancel came, and no more of it.
    expect(valuesDone.filter((id) => id === old.id).length).toBeLessThanOrEqual(points.length + 2);
    expect(created).toBe(2);
  });

  it('stops the workers’ runs on a cancel with nothing after it (the panel closed)', async () => {
    const old = requestOf('free play', 'workers.count');
    const cancel = runCurves(old, {
      onPoint: () => {},
      onDone: () => expect.unreachable('the cancelled request finished'),
      onStopped: () => expect.unreachable('the cancelled request stopped'),
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancel();
    await allIdle();
    // Each of the two workers finished at most the value it was in.
    expect(valuesDone.length).toBeLessThanOrEqual(2);
    expect(workers.every((w) => !w.dead)).toBe(true);
  });

  it('gives a worker stuck in a long value CANCEL_WAIT_MS after a cancel, then starts a fresh one', async () => {
    const stuck: StuckWorker[] = [];
    setWorkerFactory(() => {
      // The first two workers never answer; the ones after them do.
      if (stuck.length < 2) {
        const w = new StuckWorker();
        stuck.push(w);
        return w as unknown as Worker;
      }
      return new LoopWorker() as unknown as Worker;
    });
    const old = requestOf('free play', 'workers.count');
    const cancel = runCurves(old, {
      onPoint: () => expect.unreachable('a stuck worker answered'),
      onDone: () => expect.unreachable('a stuck worker finished'),
      onStopped: () => expect.unreachable('a stuck worker stopped'),
    });
    cancel();
    const started = performance.now();
    const fresh = requestOf('free play', 'server.handlers');
    const got = await run(fresh).done;
    expect(performance.now() - started).toBeGreaterThanOrEqual(CANCEL_WAIT_MS - 5);
    expect(byX(got.results)).toEqual(serial(fresh));
    expect(stuck.every((w) => w.dead)).toBe(true);
    // Each stuck worker was sent the old request, the cancel and the new request.
    expect(stuck.map((w) => w.seen.map((m) => ('cancel' in m ? 'cancel' : m.request.id)))).toEqual(
      [0, 1].map(() => [old.id, 'cancel', fresh.id]),
    );
  });
});

describe('the worker loop', () => {
  it('says it stopped once its runs use its budget, after the values done by then', () => {
    const replies: unknown[] = [];
    const tasks: (() => void)[] = [];
    const onMessage = createCurveLoop(
      (r) => replies.push(r),
      (fn) => tasks.push(fn),
    );
    const request = requestOf('free play', 'workers.count');
    // Two values' worth of events and one more: the curve stops within a value or two of there.
    const two = curveWork();
    for (const p of request.points.slice(0, 2)) computePoint(request, p, two);
    const limit = two.events + 1;
    onMessage({ request, limit });
    while (tasks.length) tasks.shift()!();
    const kinds = replies.map((r) => Object.keys(r as object).find((k) => k !== 'id'));
    expect(kinds.at(-1)).toBe('stopped');
    // The engine checks its budget every so many events, so a run may end a little past it.
    expect(kinds.at(-1)).toBe('stopped');
    expect(kinds.slice(0, -1).every((k) => k === 'result')).toBe(true);
    expect(kinds.length - 1).toBeGreaterThanOrEqual(2);
    expect(kinds.length - 1).toBeLessThan(request.points.length);
    const results = replies.slice(0, -1).map((r) => (r as { result: WhatIfResult }).result);
    expect(results).toEqual(serial(request).slice(0, results.length));
  });

  it('drops the rest of a request on a cancel, between two values', () => {
    const replies: unknown[] = [];
    const tasks: (() => void)[] = [];
    const onMessage = createCurveLoop(
      (r) => replies.push(r),
      (fn) => tasks.push(fn),
    );
    const request = requestOf('traffic-spike', 'workers.count');
    onMessage({ request, limit: 1e9 });
    tasks.shift()!();
    onMessage({ cancel: true });
    while (tasks.length) tasks.shift()!();
    expect(replies).toEqual([{ id: request.id, result: serial(request)[0] }]);
  });
});

describe('the order the values run in', () => {
  it.each([0, 1, 2, 3, 5, 20, 21, 40])(
    '%i values: each once, both ends first, then middles',
    (n) => {
      const values = Array.from({ length: n }, (_, i) => i);
      const order = spreadOrder(values);
      expect([...order].sort((a, b) => a - b)).toEqual(values);
      if (n >= 2) expect(order.slice(0, 2)).toEqual([0, n - 1]);
      // After the first 2^k + 1 values, no gap along the axis is wider than (n - 1) / 2^k, rounded up.
      for (let k = 1; 2 ** k + 1 <= n; k++) {
        const done = order.slice(0, 2 ** k + 1).sort((a, b) => a - b);
        const widest = Math.max(...done.slice(1).map((v, i) => v - done[i]!));
        expect(widest, `after ${2 ** k + 1} values`).toBeLessThanOrEqual(
          Math.ceil((n - 1) / 2 ** k),
        );
      }
    },
  );

  it('gives each of two workers values across the whole axis from its first ones', async () => {
    const sent: WorkerRequest[] = [];
    setWorkerFactory(() => {
      const w = new LoopWorker();
      const post = w.postMessage.bind(w);
      w.postMessage = (m) => {
        sent.push(m);
        post(m);
      };
      return w as unknown as Worker;
    });
    const request = requestOf('traffic-spike', 'workers.count');
    await run(request).done;
    const shares = sent.flatMap((m) => ('cancel' in m ? [] : [m.request.points.map((p) => p.x)]));
    expect(shares).toHaveLength(2);
    const xs = request.points.map((p) => p.x);
    const [lo, hi] = [xs[0]!, xs.at(-1)!];
    expect(shares[0]!.slice(0, 1)).toEqual([lo]);
    expect(shares[1]!.slice(0, 1)).toEqual([hi]);
    expect([...shares[0]!, ...shares[1]!].sort((a, b) => a - b)).toEqual(xs);
  });
});
