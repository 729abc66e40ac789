/** The future event list: whatever lane an event is hinted into, events come out in (time, key)
 * order, the same order as a plain sort, and a snapshot resumes it exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEventList,
  eventKey,
  peekTime,
  pendingSlots,
  popEvent,
  pushEvent,
} from '../../src/engine/eventList.ts';
import { EV } from '../../src/engine/events.ts';
import { defaultConfig } from '../../src/engine/settings.ts';
import { createState } from '../../src/engine/createState.ts';
import { schedule } from '../../src/engine/schedule.ts';

type Op = { push: true; delay: number; priority: number; lane: number } | { push: false };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    push: fc.constant(true as const),
    // Few distinct delays, so that ties in time are common.
    delay: fc.constantFrom(0, 0.05, 0.2, 0.8, 1.5, 3),
    priority: fc.integer({ min: 0, max: 4 }),
    lane: fc.integer({ min: -1, max: 2 }),
  }),
  fc.constant({ push: false as const }),
);

/** Runs the operations on an event list and on a sorted array; returns both firing orders. */
function run(ops: Op[]): { list: number[]; sorted: number[] } {
  const list = createEventList<null>(3, 2);
  let pending: { t: number; key: number; id: number }[] = [];
  const fromList: number[] = [];
  const fromSort: number[] = [];
  let now = 0;
  let seq = 0;
  const pop = () => {
    const t = peekTime(list);
    const slot = popEvent(list);
    fromList.push(list.ns[slot]!);
    pending.sort((a, b) => a.t - b.t || a.key - b.key);
    const first = pending.shift()!;
    fromSort.push(first.id);
    expect(t).toBe(first.t);
    now = t;
  };
  for (const o of ops) {
    if (o.push) {
      const t = now + o.delay;
      const key = eventKey(o.priority, seq);
      pushEvent(list, t, key, 0, null, seq, o.lane);
      pending.push({ t, key, id: seq });
      seq++;
    } else if (pending.length > 0) pop();
    expect(list.count).toBe(pending.length);
    expect(pendingSlots(list)).toHaveLength(pending.length);
  }
  while (pending.length > 0) pop();
  pending = [];
  expect(peekTime(list)).toBe(Infinity);
  expect(popEvent(list)).toBe(-1);
  return { list: fromList, sorted: fromSort };
}

describe('the event list', () => {
  it('fires events in (time, priority, sequence) order whatever lanes they were hinted into (fast-check seed 12)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const { list, sorted } = run(ops);
        expect(list).toEqual(sorted);
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('keeps a lane in order by sending an early event to the heap instead', () => {
    const list = createEventList<null>(1);
    pushEvent(list, 10, eventKey(2, 0), 0, null, 0, 0);
    pushEvent(list, 5, eventKey(2, 1), 0, null, 1, 0);
    expect(list.lanes[0]!.size).toBe(1);
    expect(list.size).toBe(1);
    expect(list.ns[popEvent(list)]).toBe(1);
    expect(list.ns[popEvent(list)]).toBe(0);
  });

  it('resumes from a structured clone exactly', () => {
    const list = createEventList<null>(2, 2);
    for (let i = 0; i < 40; i++)
      pushEvent(list, (i * 7) % 13, eventKey(i % 3, i), 0, null, i, (i % 3) - 1);
    for (let i = 0; i < 10; i++) popEvent(list);
    const copy = structuredClone(list);
    const order = (l: typeof list) => {
      const out: number[] = [];
      while (l.count > 0) out.push(l.ns[popEvent(l)]!);
      return out;
    };
    expect(order(copy)).toEqual(order(list));
  });
});

describe('the table of event kinds', () => {
  it('gives every kind its own code, numbered from 0, so that the list stores it in a byte', () => {
    const codes = Object.values(EV).map((k) => k.code);
    expect([...codes].sort((a, b) => a - b)).toEqual(codes.map((_, i) => i));
  });

  it('lets settings change first and new arrivals come last at one moment', () => {
    expect(EV.change.priority).toBeLessThan(EV.stepDone.priority);
    expect(EV.stepDone.priority).toBeLessThan(EV.timeoutSweep.priority);
    expect(EV.timeoutSweep.priority).toBeLessThan(EV.arrival.priority);
  });

  it('refuses, at compile time, a subject of the wrong type for the kind', () => {
    const s = createState({ config: defaultConfig(), mode: 'sync', seed: 1, durationMs: 0 });
    // @ts-expect-error: a step ends for an order; null is no order
    schedule(s, EV.stepDone, 1, null);
    schedule(s, EV.arrival, 2, null);
    expect(s.heap.count).toBe(2);
  });
});
