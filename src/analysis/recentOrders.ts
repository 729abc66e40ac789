/** The log entries of the most recently active orders, for their waterfalls (trace.ts builds
 * those, with the timelines that show them, not with the first screen). Evicting the least
 * recently active in batches, once the store has grown a quarter past its size, costs far less
 * than reordering a map on every entry. */
import type { LogEntry } from '../engine/index.ts';
import { cloneWith } from './cloneWith.ts';

interface OrderRecord {
  entries: LogEntry[];
  /** When the order was last active, as the id of its latest entry (unique per entry). */
  touched: number;
}

export class RecentOrders {
  private readonly byOrder = new Map<number, OrderRecord>();
  private lastOrder = -1;
  private lastRecord: OrderRecord | null = null;

  constructor(
    /** Orders kept at least; at most a quarter more. */
    readonly size: number,
    /** Entries kept per order; a longer history is cut off. */
    readonly entriesPerOrder: number,
  ) {}

  /** Adds an entry (with the id of its position in the log) to its order's history. */
  remember(order: number, entry: LogEntry, id: number): void {
    let record = order === this.lastOrder ? this.lastRecord : this.byOrder.get(order);
    if (!record) {
      record = { entries: [], touched: id };
      this.byOrder.set(order, record);
      if (this.byOrder.size > this.size + (this.size >> 2)) this.evict();
    }
    record.touched = id;
    this.lastOrder = order;
    this.lastRecord = record;
    if (record.entries.length < this.entriesPerOrder) record.entries.push(entry);
  }

  /** A copy for a checkpoint. Log entries are never changed, so it shares them. */
  clone(): RecentOrders {
    const byOrder = new Map<number, OrderRecord>();
    for (const [order, record] of this.byOrder) {
      byOrder.set(order, { entries: record.entries.slice(), touched: record.touched });
    }
    const lastRecord = this.lastRecord && (byOrder.get(this.lastOrder) ?? null);
    return cloneWith(new RecentOrders(this.size, this.entriesPerOrder), this, {
      byOrder,
      lastRecord,
    });
  }

  /** The order's entries, oldest first; null if it is not kept. */
  entries(order: number): readonly LogEntry[] | null {
    return this.byOrder.get(order)?.entries ?? null;
  }

  /** The kept orders' ids, highest first. */
  ids(): number[] {
    return [...this.byOrder.keys()].sort((a, b) => b - a);
  }

  /** Drops all but the `size` most recently active orders. */
  private evict(): void {
    const touched = new Float64Array(this.byOrder.size);
    let i = 0;
    for (const record of this.byOrder.values()) touched[i++] = record.touched;
    touched.sort();
    const threshold = touched[this.byOrder.size - this.size - 1]!;
    for (const [order, record] of this.byOrder) {
      if (record.touched <= threshold) this.byOrder.delete(order);
    }
    if (this.lastRecord && this.lastRecord.touched <= threshold) this.lastOrder = -1;
  }
}
