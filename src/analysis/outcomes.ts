/** What customers have seen so far, counted from one lane's log exactly as the engine's report
 * counts them (orders.failed, orders.timedOut, orders.chargedButSawError,
 * orders.savedNeverEnqueued), so that a chart of them over time ends on the lane's tally. */
import type { LogEntry } from '../engine/index.ts';
import { cloneWith } from './cloneWith.ts';

export interface OutcomeCounts {
  /** Error pages shown (the report's orders.failed). */
  errorPages: number;
  /** Customers who gave up waiting (orders.timedOut). */
  timedOut: number;
  /** Customers charged whose page was an error, in either order (orders.chargedButSawError). */
  chargedButSawError: number;
  /** Orders saved whose email job the crashed server never queued (orders.savedNeverEnqueued). */
  savedNeverEnqueued: number;
}

export type OutcomeKey = keyof OutcomeCounts;

/** The counts at the end of a sampling interval. */
export interface OutcomePoint extends OutcomeCounts {
  tMs: number;
}

export class OutcomeCounter {
  errorPages = 0;
  timedOut = 0;
  chargedButSawError = 0;
  savedNeverEnqueued = 0;
  /** Orders charged whose page is not shown yet: an error page then counts as charged. Only
   * orders inside a handler can be here, so it holds at most the handler pool. */
  private readonly chargedWaiting = new Set<number>();
  /** Orders shown an error before their charge (users who gave up while the server went on): a
   * charge still to come counts. No bigger than the engine's own unfinished orders. */
  private readonly errorBeforeCharge = new Set<number>();
  /** The last charge counted against an error page, undone if the payment service turns out to
   * have deduplicated it (the engine counts no charged error for a deduplicated charge). */
  private countedCharge = -1;

  apply(e: LogEntry): void {
    switch (e.kind) {
      case 'pageShown':
        if (e.page === 'error') {
          this.errorPages++;
          if (e.reason === 'timeout') this.timedOut++;
          if (this.chargedWaiting.has(e.order)) this.chargedButSawError++;
          else this.errorBeforeCharge.add(e.order);
        }
        this.chargedWaiting.delete(e.order);
        break;
      case 'stepFinished':
        if (e.step !== 'charge') break;
        this.countedCharge = -1;
        if (this.errorBeforeCharge.delete(e.order)) {
          this.chargedButSawError++;
          this.countedCharge = e.order;
        } else this.chargedWaiting.add(e.order);
        break;
      case 'chargeDeduplicated':
        // Logged right after its charge step, at the same moment: no sample falls between.
        if (this.countedCharge === e.order) this.chargedButSawError--;
        this.countedCharge = -1;
        break;
      case 'serverFinishedLate':
        this.errorBeforeCharge.delete(e.order);
        break;
      case 'serverCrashed':
        if (!e.jobSaved) this.savedNeverEnqueued++;
        break;
      default:
        break;
    }
  }

  counts(): OutcomeCounts {
    return {
      errorPages: this.errorPages,
      timedOut: this.timedOut,
      chargedButSawError: this.chargedButSawError,
      savedNeverEnqueued: this.savedNeverEnqueued,
    };
  }

  clone(): OutcomeCounter {
    return cloneWith(new OutcomeCounter(), this, {
      chargedWaiting: new Set(this.chargedWaiting),
      errorBeforeCharge: new Set(this.errorBeforeCharge),
    });
  }
}
