// The copies behind checkpoints: a copy of a lane's Collector or order book, taken mid-run, goes
// on exactly as a fresh one fed the whole log from 0 s, even after the original has gone on
// without it (nothing it changes in place is shared), byte for byte, private fields included.
import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/analysis/index.ts';
import type { LogEntry } from '../../src/engine/index.ts';
import { OrderBook } from '../../src/store/lanes/orderBook.ts';
import { run } from '../analysis/runs.ts';
import { canonical } from './canonical.ts';

// 100 orders a second for a minute: past the order book's 4,096 stories and the Collector's 625
// recent orders, so both have evicted by the time of the copy.
const settings = { 'traffic.pattern': 'steady', 'traffic.rate': 100, 'workers.count': 4 };
const { entries } = run('async', settings, { limitMs: 60_000 });
const half = entries.findIndex((e) => e.t >= 45_000);
const before = entries.slice(0, half);
const after = entries.slice(half);

function feed(book: OrderBook, log: readonly LogEntry[]): OrderBook {
  for (const e of log) book.ingest(e);
  return book;
}

describe('a copy for a checkpoint', () => {
  it('is a run long enough to evict', () => {
    expect(before.filter((e) => e.kind === 'orderPlaced').length).toBeGreaterThan(4_096);
    expect(after.length).toBeGreaterThan(1_000);
  });

  it('of a Collector goes on as one fed the whole log', () => {
    const live = new Collector();
    live.ingest(before, 45_000);
    live.snapshot();
    const copy = live.clone();
    live.ingest(after, 60_000); // the original goes on first: the copy must not see it
    live.snapshot();
    const whole = new Collector();
    whole.ingest(before, 45_000);
    whole.snapshot();
    expect(canonical(copy)).toBe(canonical(whole));
    copy.ingest(after, 60_000);
    whole.ingest(after, 60_000);
    expect(canonical(copy.snapshot())).toBe(canonical(whole.snapshot()));
    expect(canonical(copy)).toBe(canonical(whole));
    expect(canonical(live)).toBe(canonical(whole));
  });

  it('of an order book, packed and unpacked, goes on as one fed the whole log', () => {
    const live = feed(new OrderBook(), before);
    const copy = OrderBook.unpack(live.pack());
    feed(live, after);
    const whole = feed(new OrderBook(), before);
    expect(canonical(copy)).toBe(canonical(whole));
    feed(copy, after);
    feed(whole, after);
    expect(canonical(copy)).toBe(canonical(whole));
    expect(canonical(live)).toBe(canonical(whole));
  });
});

describe('an order book', () => {
  it('counts the emails a customer got, duplicates included, and keeps the count through a pack', () => {
    // Workers that crash after sending: some emails go out twice.
    const crashy = { 'traffic.pattern': 'steady', 'traffic.rate': 2, 'workers.crashRate': 0.3 };
    const log = run('async', crashy, { limitMs: 60_000 }).entries;
    const book = feed(new OrderBook(), log);
    const sent = new Map<number, number>();
    for (const e of log)
      if (e.kind === 'emailSent') sent.set(e.order, (sent.get(e.order) ?? 0) + 1);
    const twice = [...sent].filter(([, n]) => n > 1).map(([order]) => order);
    expect(twice.length).toBeGreaterThan(0);
    for (const [order, n] of sent) expect(book.get(order)!.sends).toBe(n);
    const copy = OrderBook.unpack(book.pack());
    for (const order of twice) expect(copy.get(order)!.sends).toBe(sent.get(order));
  });
});
