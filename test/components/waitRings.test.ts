/** Countdown rings on the token canvas: where waiting messages are laid out (roomy cells in the
 * queue's retry area, a pile past them), what each token carries for its ring, and what a frame
 * draws: rings capped and soonest first, a lease in hand only once half gone, labels clear of
 * words. The canvas is a recording stand-in: jsdom has none. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Simulation, type WaitView } from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import {
  MAX_LABELS,
  MAX_RINGS,
  drawWaits,
  fractionLeft,
} from '../../src/components/diagram/drawWaits.ts';
import { coversText, type Box } from '../../src/components/diagram/geometry.ts';
import { LAYOUTS, WIDE } from '../../src/components/diagram/layouts.ts';

const QUEUE_RETRY = WIDE.queueRetry;
import {
  RING_CELL,
  TokenBuffer,
  WAIT_CODE,
  layoutTokens,
} from '../../src/components/diagram/layoutTokens.ts';
import { systemView } from '../support/systemView.ts';

function backoff(order: number, endMs: number, attempt = 2): WaitView {
  return {
    kind: 'backoff',
    order,
    message: order,
    worker: -1,
    startMs: 0,
    endMs,
    receives: attempt - 1,
    attempt,
  };
}

function layout(waits: WaitView[], workers = systemView({}).workers) {
  const buf = new TokenBuffer();
  const view = systemView({ mode: 'async', waits, workers });
  layoutTokens({ mode: 'async', layout: WIDE, nowMs: 0, view, flights: [], dlqOrders: [] }, buf);
  return buf;
}

function inside(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

/** The text each label sprite (a canvas drawn once, then copied) carries. */
const spriteText = new WeakMap<object, string>();

beforeAll(() => {
  // The tests run without a DOM: a label sprite's canvas records the text drawn on it.
  vi.stubGlobal('document', {
    createElement: () => {
      const canvas = { width: 0, height: 0, getContext: () => sprite };
      const sprite = {
        font: '',
        measureText: (text: string) => ({ width: text.length * 6 }),
        strokeText() {},
        fillText: (text: string) => spriteText.set(canvas, text),
      };
      return canvas;
    },
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

/** A 2D context that records what is drawn, in device pixels: a copied label sprite at its
 * centre, with its text. */
function recorder() {
  const arcs: { x: number; y: number; from: number; to: number; style: string }[] = [];
  const texts: { text: string; x: number; y: number }[] = [];
  let current: { x: number; y: number; from: number; to: number } | null = null;
  const ctx = {
    globalAlpha: 1,
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    lineCap: '',
    lineJoin: '',
    beginPath() {
      current = null;
    },
    arc(x: number, y: number, _r: number, from: number, to: number) {
      current = { x, y, from, to };
    },
    stroke() {
      if (current) arcs.push({ ...current, style: String(ctx.strokeStyle) });
    },
    measureText: (text: string) => ({ width: text.length * 6 }),
    strokeText() {},
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y });
    },
    drawImage(image: HTMLCanvasElement, x: number, y: number) {
      const text = spriteText.get(image);
      if (text) texts.push({ text, x: x + image.width / 2, y: y + image.height / 2 });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, arcs, texts };
}

describe('laying out messages waiting to come back', () => {
  it('puts up to three in one row of the retry area, a ring’s width apart, each with its wait', () => {
    const waits = [backoff(5, 1000), backoff(6, 2000, 3), backoff(7, 3000, 4)];
    const buf = layout(waits);
    expect(buf.count).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(inside(QUEUE_RETRY, buf.x[i]!, buf.y[i]!)).toBe(true);
      expect(buf.wait[i]).toBe(WAIT_CODE.backoff);
      expect(buf.waitEnd[i]).toBe(waits[i]!.endMs);
      expect(buf.attempt[i]).toBe(waits[i]!.attempt);
      expect(buf.inHand[i]).toBe(0);
    }
    expect(new Set([buf.y[0], buf.y[1], buf.y[2]]).size).toBe(1);
    expect(buf.x[1]! - buf.x[0]!).toBe(RING_CELL);
  });

  it('puts them in the tall layout’s retry area too, on a phone', () => {
    const tall = LAYOUTS.tall.async;
    const buf = new TokenBuffer();
    const view = systemView({ mode: 'async', waits: [backoff(5, 1000), backoff(6, 2000, 3)] });
    layoutTokens({ mode: 'async', layout: tall, nowMs: 0, view, flights: [], dlqOrders: [] }, buf);
    for (let i = 0; i < 2; i++) expect(inside(tall.queueRetry, buf.x[i]!, buf.y[i]!)).toBe(true);
  });

  it('past six, rings the five soonest and piles the rest without rings', () => {
    const buf = layout(Array.from({ length: 9 }, (_, i) => backoff(10 + i, 1000 * (i + 1))));
    expect(buf.count).toBe(9);
    expect(Array.from(buf.wait.subarray(0, 9)).filter((w) => w > 0)).toHaveLength(5);
    for (let i = 0; i < 5; i++) expect(buf.order[i]).toBe(10 + i);
    for (let i = 0; i < 9; i++) expect(inside(QUEUE_RETRY, buf.x[i]!, buf.y[i]!)).toBe(true);
  });

  it('gives a busy worker’s token the lease its delivery runs on, marked as in hand', () => {
    const lease: WaitView = { ...backoff(4, 5000, 1), kind: 'lease', worker: 0, receives: 1 };
    const worker = {
      id: 0,
      state: 'busy' as const,
      order: 4,
      message: 4,
      since: 0,
      until: 8000,
      ok: true,
      prefetched: 0,
      receives: 1,
      step: 'email',
      wait: lease,
    };
    const buf = layout([lease], [worker]);
    expect(buf.count).toBe(1);
    expect([buf.wait[0], buf.inHand[0], buf.waitEnd[0]]).toEqual([WAIT_CODE.lease, 1, 5000]);
  });

  it('lays out worker-crash at 12 s: the three crashed workers’ messages, rings on all three', () => {
    const sim = Simulation.fromRecipe(scenarioRecipe(findScenario('worker-crash')!), 'async');
    sim.runUntil(12_000);
    const view = sim.view();
    const buf = new TokenBuffer();
    layoutTokens(
      { mode: 'async', layout: WIDE, nowMs: 12_000, view, flights: [], dlqOrders: [] },
      buf,
    );
    const ringed: number[] = [];
    for (let i = 0; i < buf.count; i++) {
      if (buf.wait[i] && !buf.inHand[i] && inside(QUEUE_RETRY, buf.x[i]!, buf.y[i]!)) {
        ringed.push(buf.order[i]!);
      }
    }
    expect(ringed).toEqual(view.waits.filter((w) => w.worker < 0).map((w) => w.order));
    expect(ringed).toHaveLength(view.hidden);
  });
});

describe('drawing the rings', () => {
  it('empties the ring as the wait runs out', () => {
    expect(fractionLeft(0, 0, 4000)).toBe(1);
    expect(fractionLeft(1000, 0, 4000)).toBe(0.75);
    expect(fractionLeft(5000, 0, 4000)).toBe(0);
    expect(fractionLeft(0, 100, 100)).toBe(0);
  });

  it('draws at most MAX_RINGS, the soonest to end, with an arc as long as what is left', () => {
    const buf = new TokenBuffer();
    for (let i = 0; i < 30; i++) {
      buf.push(100 + (i % 10) * 30, 40 + Math.floor(i / 10) * 60, 'retry', 100 + i, 2);
      buf.setWait(backoff(100 + i, 10_000 - i * 100));
    }
    const { ctx, arcs } = recorder();
    expect(drawWaits(ctx, buf, WIDE, 1, 0, { nowMs: 0, labelPx: 0, focusPx: 14 })).toBe(MAX_RINGS);
    const remaining = arcs.filter((a) => a.from === -Math.PI / 2);
    expect(remaining).toHaveLength(MAX_RINGS);
    // The soonest to end are the last pushed: tokens 18 to 29. None has begun: full arcs.
    const drawn = remaining.map((a) => {
      for (let i = 0; i < buf.count; i++) if (buf.x[i] === a.x && buf.y[i] === a.y) return i;
      return -1;
    });
    expect(drawn.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, k) => 18 + k));
    for (const a of remaining) expect(a.to - a.from).toBeCloseTo(Math.PI * 2, 6);
  });

  it('rings a lease in a worker’s hand only once half of it is gone, unless its order is focused', () => {
    const buf = new TokenBuffer();
    buf.push(800, 240, 'job', 4, 1);
    buf.setWait({ ...backoff(4, 10_000, 1), kind: 'lease', worker: 2 });
    expect(
      drawWaits(recorder().ctx, buf, WIDE, 1, 0, { nowMs: 4000, labelPx: 0, focusPx: 14 }),
    ).toBe(0);
    expect(
      drawWaits(recorder().ctx, buf, WIDE, 1, 4, { nowMs: 4000, labelPx: 0, focusPx: 14 }),
    ).toBe(1);
    const { ctx, arcs } = recorder();
    expect(drawWaits(ctx, buf, WIDE, 1, 0, { nowMs: 6000, labelPx: 0, focusPx: 14 })).toBe(1);
    const arc = arcs.find((a) => a.from === -Math.PI / 2)!;
    expect(arc.to - arc.from).toBeCloseTo(Math.PI * 2 * 0.4, 6);
  });

  it('labels "try N" only on messages that failed before, at most MAX_LABELS, off the nodes’ words', () => {
    const buf = new TokenBuffer();
    for (let i = 0; i < 12; i++) {
      buf.push(60 + i * 70, 130, 'retry', 50 + i, i === 0 ? 1 : 3);
      buf.setWait(backoff(50 + i, 5000, i === 0 ? 1 : 3));
    }
    const { ctx, texts } = recorder();
    drawWaits(ctx, buf, WIDE, 1, 0, { nowMs: 0, labelPx: 11, focusPx: 14 });
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThanOrEqual(MAX_LABELS);
    for (const t of texts) {
      expect(t.text).toBe('try 3');
      expect(coversText(WIDE, t.x, t.y, t.text.length * 6, 13)).toBe(false);
    }
    const { ctx: small, texts: none } = recorder();
    drawWaits(small, buf, WIDE, 1, 0, { nowMs: 0, labelPx: 0, focusPx: 14 });
    expect(none).toEqual([]);
  });
});
