// What the order book (the customer's screen), the orders table and the order export say of a
// customer whose page said "confirmed" while the charge ran in the background and then failed for
// good: confirmed, then failed, with the step that failed; with the charge in the request, the
// customer saw the error page instead.
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  checkoutFlow,
  report,
  Simulation,
  type SettingValues,
} from '../../src/engine/index.ts';
import { OrderRows } from '../../src/export/index.ts';
import { OrderBook } from '../../src/store/lanes/orderBook.ts';
import { tableRow } from '../../src/components/a11y/tableRows.ts';

function runOf(settings: SettingValues) {
  const sim = new Simulation({
    config: buildConfig({ 'traffic.pattern': 'steady', ...settings }, checkoutFlow()),
    mode: 'async',
    seed: 3,
    durationMs: 10_000,
    logCapacity: 100_000,
  });
  sim.runToSettle(600_000);
  const book = new OrderBook();
  const rows = new OrderRows('async');
  for (const entry of sim.readLog(0).entries) {
    book.ingest(entry);
    rows.ingest(entry);
  }
  return { book, rows: rows.list(), report: report(sim.state, 'test') };
}

const failing = { 'steps.charge.failureRate': 1 } as SettingValues;

describe('a customer confirmed while the charge ran in the background, which then failed', () => {
  const {
    book,
    rows,
    report: r,
  } = runOf({
    ...failing,
    'steps.charge.where': 'background',
  } as SettingValues);

  it('is confirmed, then failed in the export, as many times as the engine counts', () => {
    expect(r.orders.confirmedThenFailed).toBeGreaterThan(0);
    const failed = rows.filter((row) => row.outcome === 'confirmed, then failed');
    expect(failed).toHaveLength(r.orders.confirmedThenFailed);
    expect(failed.every((row) => row.page === 'success' && !row.charged)).toBe(true);
  });

  it('has the failed step in its story, and the orders table says so', () => {
    const story = book.get(1)!;
    expect([story.page, story.failedStep]).toEqual(['success', 'charge']);
    expect(tableRow(story, new Map()).page).toBe('success, then charge failed');
    // The book keeps it through a checkpoint's packing.
    expect(OrderBook.unpack(book.pack()).get(1)!.failedStep).toBe('charge');
  });
});

describe('with the charge in the request', () => {
  it('nobody is confirmed, then failed: the customer sees the error page', () => {
    const { book, rows } = runOf(failing);
    expect(rows.some((row) => row.outcome === 'confirmed, then failed')).toBe(false);
    expect(book.get(1)!.failedStep).toBeNull();
    expect(rows[0]!.outcome).toBe('error');
  });
});

describe('a charge that succeeds in the background', () => {
  it('counts as a charge in the export', () => {
    const { rows } = runOf({ 'steps.charge.where': 'background' } as SettingValues);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.charged && row.outcome === 'success')).toBe(true);
  });
});
