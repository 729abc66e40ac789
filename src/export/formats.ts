/** The run's downloads as text: the orders and the ledger (the engine's report per lane) as CSV,
 * and everything together as JSON. */
import { roundUs, type Report } from '../engine/index.ts';
import { toCsv, type Cell } from './csv.ts';
import type { OrderRow } from './orderRows.ts';
import type { LaneExport } from './replay.ts';

export const ORDER_COLUMNS = [
  'order',
  'lane',
  'customer',
  'attempt',
  'placed_at_ms',
  'page',
  'error_reason',
  'page_at_ms',
  'response_ms',
  'charged',
  'email',
  'email_sent_at_ms',
  'email_delay_ms',
  'emails_delivered',
  'email_attempts',
  'double_charged',
  'outcome',
] as const;

/** Times to the microsecond, as the engine schedules them. */
function ms(value: number | null): Cell {
  return value === null ? null : roundUs(value);
}

function orderCells(r: OrderRow): Cell[] {
  return [
    r.order,
    r.lane,
    r.customer,
    r.attempt,
    ms(r.placedAtMs),
    r.page ?? 'none yet',
    r.reason,
    ms(r.pageAtMs),
    ms(r.responseMs),
    r.charged,
    r.email,
    ms(r.emailSentAtMs),
    ms(r.emailDelayMs),
    r.emailsDelivered,
    r.emailAttempts,
    r.doubleCharged,
    r.outcome,
  ];
}

export function ordersCsv(lanes: readonly LaneExport[]): string {
  return toCsv(
    ORDER_COLUMNS,
    lanes.flatMap((lane) => lane.orders.map(orderCells)),
  );
}

/** Every number in a report, as dotted paths (`orders.succeeded`, `responseMs.p95`). */
export function flattenReport(report: Report): [string, Cell][] {
  const out: [string, Cell][] = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else out.push([path, value as Cell]);
  };
  walk(report, '');
  return out;
}

/** One row per measure, one column per lane. */
export function ledgerCsv(lanes: readonly LaneExport[]): string {
  const flat = lanes.map((lane) => new Map(flattenReport(lane.ledger)));
  const measures = [...(flat[0]?.keys() ?? [])];
  const rows = measures.map((m) => [m, ...flat.map((lane) => lane.get(m))]);
  return toCsv(['measure', ...lanes.map((l) => l.mode)], rows);
}

export interface RunExport {
  scenario: string;
  seed: number;
  simulatedMs: number;
  lanes: readonly LaneExport[];
}

export function runJson(run: RunExport): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}

export function ledgerJson(run: RunExport): string {
  const ledger = Object.fromEntries(run.lanes.map((l) => [l.mode, l.ledger]));
  return `${JSON.stringify({ scenario: run.scenario, seed: run.seed, ledger }, null, 2)}\n`;
}

/** A file name that says what and when: `sync-vs-async-checkout-orders-12.5s.csv`. */
export function fileName(run: RunExport, what: string, ext: string): string {
  const slug = run.scenario.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const at = Math.round(run.simulatedMs / 100) / 10;
  return `sync-vs-async-${slug}-${what}-${at}s.${ext}`;
}
