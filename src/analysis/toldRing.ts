/** The newest log entries worth telling, kept in a ring of parallel arrays so that ingesting
 * allocates nothing per entry; their sentences are only written when someone reads them. */
import type { LogEntry } from '../engine/index.ts';
import type { EventLine } from './laneAnalysis.ts';
import { cloneWith } from './cloneWith.ts';
import { narrate, toneOf } from './narrate.ts';

export class ToldRing {
  private readonly entries: LogEntry[] = [];
  private readonly ids: number[] = [];
  private readonly cache: (EventLine | null)[] = [];
  private next = 0;

  constructor(readonly capacity: number) {}

  push(id: number, entry: LogEntry): void {
    const at = this.next;
    this.entries[at] = entry;
    this.ids[at] = id;
    this.cache[at] = null;
    this.next = (at + 1) % this.capacity;
  }

  /** A copy for a checkpoint; entries and lines are never changed, so it shares them. */
  clone(): ToldRing {
    return cloneWith(new ToldRing(this.capacity), this, {
      entries: this.entries.slice(),
      ids: this.ids.slice(),
      cache: this.cache.slice(),
    });
  }

  /** The sentences, newest first; each entry is narrated once, however often this is called. */
  lines(): EventLine[] {
    const out: EventLine[] = [];
    const n = this.capacity;
    for (let k = 1; k <= n; k++) {
      const at = (this.next - k + n) % n;
      const entry = this.entries[at];
      if (!entry) break;
      let line = this.cache[at];
      if (!line) {
        line = { id: this.ids[at]!, tMs: entry.t, text: narrate(entry) ?? '', tone: toneOf(entry) };
        this.cache[at] = line;
      }
      out.push(line);
    }
    return out;
  }
}
