/** Which log entries the event log tells, and a told entry as the collector keeps it: cheap, so
 * the collector filters with it at every entry, while the sentences themselves (narrate.ts) load
 * with the panels that show them, not with the first screen (check:bundle). */
import type { LogEntry } from '../engine/index.ts';

/** How an event reads for the customer or the business: good news, bad news, or neither. */
export type Tone = 'good' | 'bad' | 'info';

/** A log entry worth telling, newest first in LaneAnalysis.events; narrate.ts's `eventLine` gives
 * its sentence and tone. */
export interface ToldEvent {
  /** The entry's position in everything ingested since the last reset: a stable React key. */
  id: number;
  entry: LogEntry;
}

/** Whether `narrate` has a sentence for this entry; cheap, so the collector can filter with it. */
export function tells(entry: LogEntry): boolean {
  switch (entry.kind) {
    case 'stepStarted':
      // Only the sync email call is news: the customer now waits on the email service.
      return entry.step === 'email';
    case 'stepFinished':
      // The enqueue step is told by messageQueued, the email step by emailSent or emailFailed.
      return entry.step !== 'enqueue' && entry.step !== 'email';
    case 'emailCall':
    case 'userRetry':
      return false;
    case 'jobFinished':
      // A job that worked is told by messageAcked; one that failed is news.
      return !entry.ok;
    default:
      return true;
  }
}
