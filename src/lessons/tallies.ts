/** The outcomes a lane tallies on the stage, read from the engine's report (the same numbers as
 * the outcome ledger and the command line's JSON), each phrased so that it reads as a sentence:
 * "58 error pages", "16 charged twice". */
import type { Report } from '../engine/index.ts';
import { plural } from '../format/index.ts';
import { readMetric, type TallyKey } from '../scenarios/index.ts';

/** The token kinds a tally is drawn with (a subset of the diagram's TokenKind). */
export type TallyGlyph = 'error' | 'retry' | 'email' | 'duplicate' | 'failed' | 'dead';

export interface Tally {
  key: TallyKey;
  count: number;
  /** The whole phrase, count included. */
  text: string;
  /** The token it is drawn with, so the tally and the picture share one vocabulary. */
  glyph: TallyGlyph;
  good: boolean;
}

interface TallySpec {
  count(r: Report): number;
  text(n: number): string;
  glyph: TallyGlyph;
  good?: boolean;
}

/** In the order a lane shows them: what the customer saw, then what happened to the email. */
const SPECS: Readonly<Record<TallyKey, TallySpec>> = {
  errorPages: {
    count: (r) => r.orders.failed,
    text: (n) => plural(n, 'error page'),
    glyph: 'error',
  },
  timedOut: {
    count: (r) => r.orders.timedOut,
    text: (n) => `${plural(n, 'customer')} gave up waiting`,
    glyph: 'error',
  },
  chargedButSawError: {
    count: (r) => r.orders.chargedButSawError,
    text: (n) => `${n.toLocaleString('en')} charged, shown an error`,
    glyph: 'error',
  },
  confirmedThenFailed: {
    // The page said confirmed; a background step the customer needed failed for good later.
    count: (r) => r.orders.confirmedThenFailed,
    text: (n) => `${n.toLocaleString('en')} confirmed, then failed`,
    glyph: 'error',
  },
  doubleCharged: {
    count: (r) => r.orders.doubleCharged,
    text: (n) => `${n.toLocaleString('en')} charged twice`,
    glyph: 'retry',
  },
  emailsSent: {
    count: (r) => r.emails.sent,
    text: (n) => `${plural(n, 'email')} sent`,
    glyph: 'email',
    good: true,
  },
  apologies: {
    count: (r) => r.emails.apologies,
    text: (n) => plural(n, 'apology', 'apologies') + ' sent',
    glyph: 'email',
  },
  duplicates: {
    count: (r) => r.emails.duplicates,
    text: (n) => plural(n, 'duplicate email'),
    glyph: 'duplicate',
  },
  noEmail: {
    // Emails nobody will send again (scenarios/metrics.ts); those still in the queue are on their
    // way, not lost. The captions' claims read the same metric.
    count: (r) => readMetric(r, 'emails.neverSent'),
    text: (n) => `${plural(n, 'customer')} with no email`,
    glyph: 'failed',
  },
  savedNeverEnqueued: {
    // The dual write: the order was saved, the server died before queueing its email job.
    count: (r) => r.orders.savedNeverEnqueued,
    text: (n) => `${n.toLocaleString('en')} saved, never emailed`,
    glyph: 'failed',
  },
  deadLetters: {
    count: (r) => r.queue.deadLetterDepth,
    text: (n) => `${plural(n, 'dead letter')}`,
    glyph: 'dead',
  },
  dropped: {
    count: (r) => r.emails.dropped,
    text: (n) => `${plural(n, 'message')} dropped`,
    glyph: 'failed',
  },
};

export const TALLY_KEYS = Object.keys(SPECS) as TallyKey[];

/** A tally's phrase for a count, as the lane shows it: "58 error pages". */
export function tallyText(key: TallyKey, count: number): string {
  return SPECS[key].text(count);
}

/** Tallies the sync lane never counts (it has no queue to lose a job on): never worth a 0 line. */
const ASYNC_ONLY: readonly TallyKey[] = [
  'deadLetters',
  'dropped',
  'savedNeverEnqueued',
  'confirmedThenFailed',
  'apologies',
];

/** The lane's tallies: those the lesson names (even at 0) and any other that is not 0. */
export function talliesOf(r: Report, named: readonly TallyKey[] = []): Tally[] {
  const out: Tally[] = [];
  for (const key of TALLY_KEYS) {
    const spec = SPECS[key];
    const count = spec.count(r);
    if (count === 0 && !named.includes(key)) continue;
    if (count === 0 && r.mode === 'sync' && ASYNC_ONLY.includes(key)) continue;
    // When every customer with no email is one the crashed server never queued, the line that
    // says why tells it; two lines with one number read as twice as many customers.
    if (key === 'noEmail' && !named.includes(key) && count === r.orders.savedNeverEnqueued) {
      continue;
    }
    out.push({ key, count, text: spec.text(count), glyph: spec.glyph, good: spec.good ?? false });
  }
  return out;
}
