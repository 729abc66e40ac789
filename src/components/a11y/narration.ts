/** The batched narration for screen readers: what changed in a lane over the last couple of
 * seconds, as one short sentence ("Sync: 3 orders placed, 2 success pages, 1 email failed."), in the language on. */
// The sentences' words load with them, in the part below the stage (Narration.tsx loads this module
// when the run first plays; the first load has no room for them).
import '../../i18n/parts/analysis.ts';
import type { Mode, Report } from '../../engine/index.ts';
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { pageTranslator } from '../../i18n/translate.ts';

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

/** Each count's words (`analysis.narration.<key>`, plural by the language's rules). */
const PHRASE = {
  arrived: 'analysis.narration.arrived',
  succeeded: 'analysis.narration.succeeded',
  failed: 'analysis.narration.failed',
  timedOut: 'analysis.narration.timedOut',
  emailsSent: 'analysis.narration.emailsSent',
  duplicates: 'analysis.narration.duplicates',
  failedAttempts: 'analysis.narration.failedAttempts',
  lost: 'analysis.narration.lost',
  deadLettered: 'analysis.narration.deadLettered',
  crashes: 'analysis.narration.crashes',
} as const satisfies Record<keyof Counts, MessageId>;

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
export function batchSentence(
  mode: Mode,
  before: Counts,
  after: Counts,
  t: Translate = pageTranslator(),
): string | null {
  const parts: string[] = [];
  for (const key of COUNT_KEYS) {
    const n = after[key] - before[key];
    if (n < 0) return null;
    if (n > 0) parts.push(t(PHRASE[key], { count: n }));
  }
  if (parts.length === 0) return null;
  const lane = t(mode === 'sync' ? 'mode.sync' : 'mode.async');
  return t('analysis.narration.sentence', {
    lane,
    parts: parts.join(t('analysis.narration.separator')),
  });
}
