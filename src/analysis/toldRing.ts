/** The newest log entries worth telling, kept in a ring of parallel arrays so that ingesting
 * allocates nothing per entry; their sentences are only written when someone reads them
 * (narrate.ts's `eventLine`, which loads with the panels that show them). */
import type { LogEntry } from '../engine/index.ts';
import { cloneWith } from './cloneWith.ts';
import type { ToldEvent } from './told.ts';

export class ToldRing {
  private readonly entries: LogEntry[] = [];
  private readonly ids: number[] = [];
  private next = 0;

  constructor(readonly capacity: number) {}

  push(id: number, entry: LogEntry): void {
    const at = this.next;
    this.entries[at] = entry;
    this.ids[at] = id;
    this.next = (at + 1) % this.capacity;
  }

  /** A copy for a checkpoint; entries are never changed, so it shares them. */
  clone(): ToldRing {
    return cloneWith(new ToldRing(this.capacity), this, {
      entries: this.entries.slice(),
      ids: this.ids.slice(),
    });
  }

  /** The entries, newest first. */
  told(): ToldEvent[] {
    const out: ToldEvent[] = [];
    const n = this.capacity;
    for (let k = 1; k <= n; k++) {
      const at = (this.next - k + n) % n;
      const entry = this.entries[at];
      if (!entry) break;
      out.push({ id: this.ids[at]!, entry });
    }
    return out;
  }
}
