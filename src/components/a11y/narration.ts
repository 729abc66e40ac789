/** The batched narration for screen readers: what changed in a lane over the last couple of
 * seconds, as one short sentence ("Sync: 3 orders placed, 2 success pages, 1 email failed."). */
import type { Mode, Report } from '../../engine/index.ts';

/** The running totals the narration compares (a subset of the engine's metrics). */
export interface Counts {
  arrived: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  emailsSent: number;
  duplicates: number;
  failedAttempts: number;
  lost: number;
  deadLettered: number;
  crashes: number;
}

export const COUNT_KEYS = [
  'arrived',
  'succeeded',
  'failed',
  'timedOut',
  'emailsSent',
  'duplicates',
  'failedAttempts',
  'lost',
  'deadLettered',
  'crashes',
] as const satisfies readonly (keyof Counts)[];

const PHRASE: Record<keyof Counts, [one: string, many: string]> = {
  arrived: ['order placed', 'orders placed'],
  succeeded: ['success page', 'success pages'],
  failed: ['error page', 'error pages'],
  timedOut: ['customer gave up waiting', 'customers gave up waiting'],
  emailsSent: ['email sent', 'emails sent'],
  duplicates: ['duplicate email', 'duplicate emails'],
  failedAttempts: ['email failed', 'emails failed'],
  lost: ['email lost for good', 'emails lost for good'],
  deadLettered: ['email job dead-lettered', 'email jobs dead-lettered'],
  crashes: ['worker crashed', 'workers crashed'],
};

const LANE: Record<Mode, string> = { sync: 'Sync', async: 'Async' };

/** The totals from the engine's report of a lane. */
export function countsOf(r: Report): Counts {
  return {
    arrived: r.orders.arrived,
    succeeded: r.orders.succeeded,
    failed: r.orders.failed,
    timedOut: r.orders.timedOut,
    emailsSent: r.emails.sent,
    duplicates: r.emails.duplicates,
    failedAttempts: r.emails.failedAttempts,
    lost: r.emails.lost,
    deadLettered: r.emails.deadLettered,
    crashes: r.workers.crashes,
  };
}

/** What happened between two totals, or null when nothing did (or time went back). */
export function batchSentence(mode: Mode, before: Counts, after: Counts): string | null {
  const parts: string[] = [];
  for (const key of COUNT_KEYS) {
    const n = after[key] - before[key];
    if (n < 0) return null;
    if (n > 0) parts.push(`${n} ${PHRASE[key][n === 1 ? 0 : 1]}`);
  }
  return parts.length > 0 ? `${LANE[mode]}: ${parts.join(', ')}.` : null;
}
