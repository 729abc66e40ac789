/** What a sweep prints: one row per value with the headline metrics, a JSON array of the
 * single-run objects each with the swept key and value, or CSV of every field for spreadsheets. */
import type { Report } from '../engine/index.ts';
import { noEmail } from '../analysis/whatif.ts';
import { toCsv, type Cell } from '../export/csv.ts';
import { formatTime as formatMs } from '../format/index.ts';
import type { Sweep } from './sweep.ts';

export interface SweepRow {
  value: string;
  report: Report;
}

/** A value as JSON has it: a number when the text is one, else the text (`exp(200)`). */
export function jsonValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

export function sweepJson(sweep: Sweep, rows: readonly SweepRow[]): string {
  const objects = rows.map((r) => ({
    ...r.report,
    sweep: { key: sweep.key, value: jsonValue(r.value) },
  }));
  return JSON.stringify(objects);
}

/** Every leaf of a report as `dotted.name` and value, in the report's own order. */
export function flatten(value: unknown, prefix = ''): [string, Cell][] {
  if (value === null || typeof value !== 'object') return [[prefix, value as Cell]];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

/** CSV with the swept key (when there is one) as the first column, then every report field. */
export function reportsCsv(key: string | undefined, rows: readonly SweepRow[]): string {
  const first = rows[0];
  if (!first) return '';
  const fields = flatten(first.report).map(([name]) => name);
  const header = key === undefined ? fields : [key, ...fields];
  const body = rows.map((r) => {
    const cells = flatten(r.report).map(([, v]) => v);
    return key === undefined ? cells : [r.value, ...cells];
  });
  return toCsv(header, body);
}

const COLUMNS: [string, (r: Report) => string][] = [
  ['orders', (r) => String(r.orders.arrived)],
  ['error pages', (r) => String(r.orders.failed)],
  ['p95 response', (r) => (r.responseMs.count ? formatMs(r.responseMs.p95) : '-')],
  ['p95 email delay', (r) => (r.emailDelayMs.count ? formatMs(r.emailDelayMs.p95) : '-')],
  ['emails sent', (r) => String(r.emails.sent)],
  ['duplicates', (r) => String(r.emails.duplicates)],
  ['no email', (r) => String(noEmail(r))],
  ['largest queue', (r) => String(r.queue.maxDepth)],
  // A run that ended with work left did not settle: its end is not a settling time.
  ['settled at', (r) => (r.settled ? formatMs(r.simulatedMs) : 'not settled')],
];

export function sweepTable(sweep: Sweep, rows: readonly SweepRow[]): string {
  const first = rows[0]?.report;
  const title = first ? `${first.scenario} (${first.mode}, seed ${first.seed})` : '';
  const header = [sweep.key, ...COLUMNS.map(([name]) => name)];
  const cells = rows.map((r) => [r.value, ...COLUMNS.map(([, cell]) => cell(r.report))]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  // The value column reads left to right; numbers line up on the right.
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, '', line(header), ...cells.map(line)].join('\n');
}
