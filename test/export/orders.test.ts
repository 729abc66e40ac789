import { describe, expect, it } from 'vitest';
import {
  ORDER_COLUMNS,
  ledgerCsv,
  ledgerJson,
  OrderRows,
  ordersCsv,
  runJson,
  runOf,
} from '../../src/export/index.ts';
import { testSimulator } from '../support/simulator.ts';

function outageRun(seconds: number) {
  // The email-outage scenario's settings, without its lesson's beats (which pause).
  const sim = testSimulator({
    seed: 7,
    durationMs: 90_000,
    settings: { 'traffic.pattern': 'steady', 'traffic.rate': 2, 'email.outage': '20-50' },
  });
  sim.store.getState().play();
  sim.clock.advance(seconds * 1000);
  sim.store.getState().pause();
  return sim;
}

describe('exporting a run where the email service goes down', () => {
  const sim = outageRun(60);
  const state = sim.store.getState();
  it('has played the minute through', () => expect(state.simMs).toBeGreaterThan(59_000));
  const run = runOf(state, ['sync', 'async']);

  it('has a row for every order each lane placed, in order', () => {
    for (const lane of run.lanes) {
      expect(lane.truncated).toBe(0);
      expect(lane.orders.length).toBe(lane.ledger.orders.arrived);
      const ids = lane.orders.map((o) => o.order);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it('counts the same outcomes as the ledger of the live lane', () => {
    for (const lane of run.lanes) {
      const live = sim.simulator.lane(lane.mode).report('x');
      expect({ ...lane.ledger, events: 0, scenario: 'x' }).toEqual({ ...live, events: 0 });
      const count = (o: string) => lane.orders.filter((r) => r.outcome === o).length;
      expect(count('success')).toBe(live.orders.succeeded);
      expect(count('charged but saw error')).toBe(live.orders.chargedButSawError);
    }
  });

  it('shows sync customers charged but seeing errors, and none in async', () => {
    const [sync, async] = run.lanes;
    expect(sync!.orders.some((o) => o.outcome === 'charged but saw error')).toBe(true);
    expect(async!.orders.every((o) => o.outcome !== 'charged but saw error')).toBe(true);
    const sent = async!.orders.find((o) => o.email === 'sent')!;
    expect(sent.emailDelayMs).toBeCloseTo(sent.emailSentAtMs! - sent.placedAtMs, 6);
  });

  it('writes one CSV line per order under the header', () => {
    const lines = ordersCsv(run.lanes).trimEnd().split('\r\n');
    expect(lines[0]).toBe(ORDER_COLUMNS.join(','));
    expect(lines.length - 1).toBe(run.lanes[0]!.orders.length + run.lanes[1]!.orders.length);
    expect(lines.some((l) => l.endsWith(',charged but saw error'))).toBe(true);
  });

  it('writes the ledger as one measure per line with a column per lane', () => {
    const lines = ledgerCsv(run.lanes).split('\r\n');
    expect(lines[0]).toBe('measure,sync,async');
    const arrived = lines.find((l) => l.startsWith('orders.arrived,'));
    expect(arrived).toBe(
      `orders.arrived,${run.lanes[0]!.ledger.orders.arrived},${run.lanes[1]!.ledger.orders.arrived}`,
    );
  });

  it('writes JSON that parses back to the same run', () => {
    expect(JSON.parse(runJson(run))).toEqual(JSON.parse(JSON.stringify(run)));
    expect(Object.keys(JSON.parse(ledgerJson(run)).ledger)).toEqual(['sync', 'async']);
  });
});

describe('the order rows past their bound', () => {
  it('drop the oldest orders and count them', () => {
    const rows = new OrderRows('async', 3);
    for (let order = 1; order <= 5; order++) {
      rows.ingest({ t: order, kind: 'orderPlaced', order, customer: order, attempt: 0 });
    }
    expect(rows.list().map((r) => r.order)).toEqual([3, 4, 5]);
    expect(rows.truncated).toBe(2);
  });
});
