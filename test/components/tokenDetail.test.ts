/** Drawing less when frames run late, without drawing anything false: the frame budget's levels
 * (frameBudget.ts), the lower cap on moving tokens (a subset of the same tokens, each where it
 * would be anyway), and the rows of a pile copied at once (every token still lands where it would
 * alone, in the same order). The canvas is a recording stand-in: the tests run without a DOM. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import { FrameBudget, MOVING_AT } from '../../src/components/diagram/frameBudget.ts';
import { MAX_RUN, drawTokens, runLength } from '../../src/components/diagram/drawTokens.ts';
import { WIDE, layoutFor } from '../../src/components/diagram/layouts.ts';
import {
  MAX_MOVING,
  PILE_CELL,
  TokenBuffer,
  layoutTokens,
} from '../../src/components/diagram/layoutTokens.ts';
import type { Flight } from '../../src/store/lanes/flights.ts';
import type { Mode } from '../../src/engine/index.ts';

describe('the frame budget', () => {
  /** A budget on a clock the test moves: `frames(n, ms)` draws n frames ms apart. */
  function budget() {
    let now = 1000;
    const b = new FrameBudget(() => now);
    const levels: number[] = [];
    const frames = (n: number, ms: number) => {
      for (let i = 0; i < n; i++) {
        now += ms;
        levels.push(b.frame());
      }
      return b.detail;
    };
    return { b, frames, levels };
  }

  it('draws everything while frames keep to 60 Hz', () => {
    const { frames, levels } = budget();
    frames(600, 1000 / 60);
    expect(new Set(levels)).toEqual(new Set([0]));
  });

  it('draws less a step at a time once the frames run a little late, and stays there while they do', () => {
    const { frames } = budget();
    frames(1, 16.7);
    expect(frames(7, 25)).toBe(0);
    expect(frames(1, 25)).toBe(1);
    expect(frames(7, 25)).toBe(1);
    expect(frames(1, 25)).toBe(2);
    expect(frames(300, 25)).toBe(2);
  });

  it('draws the least detail at once when the frames run two vsyncs late or more', () => {
    const { frames } = budget();
    frames(1, 16.7);
    expect(frames(7, 50)).toBe(0);
    expect(frames(1, 50)).toBe(2);
    expect(frames(300, 50)).toBe(2);
  });

  it('takes frames just under two vsyncs late a step at a time', () => {
    const { frames } = budget();
    frames(1, 16.7);
    expect(frames(8, 39)).toBe(1);
  });

  it('tries more detail again after two seconds on time, and waits twice as long when that fails', () => {
    const { frames } = budget();
    frames(30, 50);
    expect(frames(0, 0)).toBe(2);
    /** On-time frames drawn until the level changes. */
    const untilMore = () => {
      let n = 0;
      while (frames(1, 1000 / 60) === 2) n++;
      return n + 1;
    };
    const first = untilMore();
    expect(first).toBeGreaterThanOrEqual(120);
    expect(first).toBeLessThan(130);
    // The try runs late at once: back to less detail, and the next try waits twice as long.
    expect(frames(8, 50)).toBe(2);
    const second = untilMore();
    expect(second).toBeGreaterThanOrEqual(240);
    expect(second).toBeLessThan(250);
  });

  it('takes a pause or a hidden tab for neither a late frame nor a calm one', () => {
    const { frames } = budget();
    frames(20, 1000 / 60);
    expect(frames(20, 400)).toBe(0);
  });
});

/** A traffic spike in full flood: the sync lane's waiting room and the async queue piled up,
 * hundreds of requests in progress, and flights of pages on their way back. */
function floodSource(mode: Mode, maxMoving = MAX_MOVING) {
  // As bench:ui plays it: 100 orders a second for a minute.
  const recipe = scenarioRecipe(findScenario('traffic-spike')!, {
    'traffic.spikeRate': '100',
    'traffic.spikeFor': '60',
  });
  const sim = Simulation.fromRecipe(recipe, mode);
  const nowMs = 34_000;
  sim.runUntil(nowMs);
  const flights: Flight[] = Array.from({ length: 400 }, (_, i) => ({
    kind: i % 3 === 0 ? 'error' : 'success',
    order: 10_000 + i,
    startMs: nowMs - 200 - i,
    endMs: nowMs + 400 + i,
  })) as Flight[];
  return {
    mode,
    layout: layoutFor('wide', mode),
    nowMs,
    view: sim.view(),
    flights,
    dlqOrders: [],
    maxMoving,
  };
}

/** Every token of a buffer as a comparable line: where, what, whose, which try, what it waits for. */
function tokens(buf: TokenBuffer): string[] {
  const out: string[] = [];
  for (let i = 0; i < buf.count; i++) {
    out.push(
      [buf.x[i], buf.y[i], buf.kind[i], buf.order[i], buf.attempt[i], buf.wait[i], buf.waitEnd[i]]
        .map(String)
        .join(' '),
    );
  }
  return out;
}

describe('fewer moving tokens when frames run late', () => {
  it.each(['sync', 'async'] as const)(
    'draws in the %s lane a subset of the same tokens, each as it is at full detail',
    (mode) => {
      const full = new TokenBuffer();
      layoutTokens(floodSource(mode), full);
      const all = new Map<string, number>();
      for (const t of tokens(full)) all.set(t, (all.get(t) ?? 0) + 1);
      for (const level of [1, 2] as const) {
        const less = new TokenBuffer();
        layoutTokens(floodSource(mode, MOVING_AT[level]), less);
        expect(less.count).toBeLessThan(full.count);
        const left = new Map(all);
        for (const t of tokens(less)) {
          expect(left.get(t) ?? 0, `token not drawn at full detail: ${t}`).toBeGreaterThan(0);
          left.set(t, left.get(t)! - 1);
        }
      }
    },
  );

  it.each(['sync', 'async'] as const)(
    'keeps the %s lane’s piles whole: only requests in progress, busy workers and flights are capped',
    (mode) => {
      const piles = new TokenBuffer();
      layoutTokens(floodSource(mode, 0), piles);
      expect(piles.count).toBeGreaterThan(50);
      for (const level of [0, 1, 2] as const) {
        const buf = new TokenBuffer();
        layoutTokens(floodSource(mode, MOVING_AT[level]), buf);
        const drawn = new Set(tokens(buf));
        for (const t of tokens(piles)) expect(drawn.has(t), `pile token left out: ${t}`).toBe(true);
      }
      expect(MOVING_AT[0]).toBe(MAX_MOVING);
    },
  );
});

/** What a recording canvas had drawn on it: the images copied, where. */
interface Copy {
  image: object;
  x: number;
  y: number;
}
const copiesOn = new WeakMap<object, Copy[]>();

function recordingCanvas(width = 0, height = 0) {
  const canvas: { width: number; height: number; getContext: () => unknown } = {
    width,
    height,
    getContext: () => ctx,
  };
  const copies: Copy[] = [];
  copiesOn.set(canvas, copies);
  let a = 1;
  const ctx = {
    canvas,
    lineJoin: '',
    lineCap: '',
    lineWidth: 1,
    fillStyle: '',
    strokeStyle: '',
    setTransform(scale: number) {
      a = scale;
    },
    getTransform: () => ({ a }),
    clearRect() {
      copies.length = 0;
    },
    font: '',
    textAlign: '',
    textBaseline: '',
    fill() {},
    stroke() {},
    beginPath() {},
    arc() {},
    strokeText() {},
    fillText() {},
    drawImage(image: object, x: number, y: number) {
      copies.push({ image, x, y });
    },
  };
  return { canvas, ctx: ctx as unknown as CanvasRenderingContext2D };
}

/** A canvas's copies with each copied strip opened into the sprites it was drawn from. */
function leaves(image: object, x = 0, y = 0): Copy[] {
  const inner = copiesOn.get(image);
  if (!inner || inner.length === 0) return [{ image, x, y }];
  return inner.flatMap((c) => leaves(c.image, x + c.x, y + c.y));
}

describe('a pile’s rows copied at once', () => {
  beforeAll(() => {
    vi.stubGlobal('document', { createElement: () => recordingCanvas().canvas });
    vi.stubGlobal('Path2D', class {});
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('finds rows of one kind a cell apart, in either direction, and nothing else', () => {
    const buf = new TokenBuffer();
    for (let i = 0; i < 5; i++) buf.push(100 + i * PILE_CELL, 50, 'request', i + 1);
    for (let i = 0; i < 3; i++) buf.push(300 - i * PILE_CELL, 50, 'request', i + 10);
    buf.push(400, 50, 'job', 20);
    buf.push(400 + PILE_CELL, 50, 'retry', 21);
    expect(runLength(buf, 0, 0, MAX_RUN)).toBe(5);
    expect(runLength(buf, 5, 0, MAX_RUN)).toBe(3);
    expect(runLength(buf, 8, 0, MAX_RUN)).toBe(1);
    // The focused order is drawn on its own, last: a row stops before it.
    expect(runLength(buf, 0, 3, MAX_RUN)).toBe(2);
    expect(runLength(buf, 0, 0, 4)).toBe(4);
  });

  it.each([
    ['sync', 0],
    ['async', 0],
    ['sync', 10_005],
  ] as const)(
    'puts every token of a flooded %s lane (focus %i) within a pixel of where it would be alone, in the same order',
    (mode, focus) => {
      const buf = new TokenBuffer();
      layoutTokens(floodSource(mode), buf);
      const scale = 1.37;
      const target = recordingCanvas(1600, 600);
      drawTokens(target.ctx, buf, layoutFor('wide', mode), scale, focus);
      const drawn = leaves(target.canvas);
      const direct = copiesOn.get(target.canvas)!.length;
      // What one token alone is drawn as: its kind's sprite, at its rounded place.
      const single = new TokenBuffer();
      const alone = recordingCanvas(1600, 600);
      const expected: Copy[] = [];
      const focused: number[] = [];
      for (let i = 0; i < buf.count; i++) {
        if (focus > 0 && buf.order[i] === focus) {
          focused.push(i);
          continue;
        }
        expected.push(soleCopy(single, buf, i, scale, focus, alone));
      }
      expect(drawn.length).toBeGreaterThanOrEqual(expected.length);
      for (let k = 0; k < expected.length; k++) {
        const e = expected[k]!;
        const d = drawn[k]!;
        expect(d.image).toBe(e.image);
        expect(d.y).toBe(e.y);
        expect(Math.abs(d.x - e.x)).toBeLessThanOrEqual(1);
      }
      if (focus > 0) expect(focused.length).toBeGreaterThan(0);
      // The point of it: a pile's rows take a copy each, not one per token.
      const piles = new TokenBuffer();
      layoutTokens(floodSource(mode, 0), piles);
      expect(direct).toBeLessThan(buf.count - piles.count / 2);
    },
  );
});

/** The one copy drawTokens makes for token `i` of `buf` drawn alone (dimmed when another order is
 * in focus, as it is in the full frame). */
function soleCopy(
  single: TokenBuffer,
  buf: TokenBuffer,
  i: number,
  scale: number,
  focus: number,
  on: ReturnType<typeof recordingCanvas>,
): Copy {
  single.reset();
  single.push(buf.x[i]!, buf.y[i]!, 'request', buf.order[i]!);
  single.kind[0] = buf.kind[i]!;
  // Another order in focus, absent from this buffer, dims the token as in the full frame.
  drawTokens(on.ctx, single, WIDE, scale, focus > 0 ? focus : 0);
  return copiesOn.get(on.canvas)![0]!;
}
