/** What each recent order's customer has seen so far (page, response time, email), read from the
 * event log: the user's screen and the order tracker are drawn from it. Bounded in size. */
import { cloneWith } from '../analysis/index.ts';
import type { LogEntry, Page } from '../engine/index.ts';

export type EmailOutcome = 'pending' | 'sent' | 'lost' | 'dead';

export interface OrderStory {
  order: number;
  placedAt: number;
  /** Placed by the "Place one order" button (or its timed change), not by the traffic. */
  manual: boolean;
  page: Page | null;
  pageAt: number;
  reason: string | null;
  email: EmailOutcome;
  emailAt: number;
  /** When nothing more will happen to this order that the user would notice. */
  overAt: number;
}

const CAPACITY = 4096;

export class OrderBook {
  private stories = new Map<number, OrderStory>();
  /** The stories' orders in the order they were added, from `head` on: the oldest is evicted
   * from here, as looking for the first key of a map that keeps deleting its first keys walks
   * over every deleted slot each time. */
  private added: number[] = [];
  private head = 0;
  /** The newest order placed by hand, or 0. */
  lastManual = 0;
  private manualAt = -1;

  get(order: number): OrderStory | undefined {
    return this.stories.get(order);
  }

  ingest(entry: LogEntry): void {
    switch (entry.kind) {
      case 'settingChanged':
        if (entry.key === 'orders.place') this.manualAt = entry.t;
        return;
      case 'orderPlaced': {
        const manual = entry.t === this.manualAt && entry.attempt === 0;
        if (!this.stories.has(entry.order)) this.added.push(entry.order);
        this.stories.set(entry.order, {
          order: entry.order,
          placedAt: entry.t,
          manual,
          page: null,
          pageAt: -1,
          reason: null,
          email: 'pending',
          emailAt: -1,
          overAt: -1,
        });
        if (manual) this.lastManual = entry.order;
        if (this.stories.size > CAPACITY) this.evictOldest();
        return;
      }
      case 'pageShown': {
        const story = this.stories.get(entry.order);
        if (!story) return;
        story.page = entry.page;
        story.pageAt = entry.t;
        story.reason = entry.reason;
        settle(story);
        return;
      }
      case 'emailSent': {
        const story = this.stories.get(entry.order);
        if (!story || story.email === 'sent') return;
        story.email = 'sent';
        story.emailAt = entry.t;
        settle(story);
        return;
      }
      case 'emailFailed': {
        // In sync mode (worker -1) nobody tries again: the email is lost.
        const story = this.stories.get(entry.order);
        if (!story || entry.worker !== -1 || story.email === 'sent') return;
        story.email = 'lost';
        story.emailAt = entry.t;
        settle(story);
        return;
      }
      case 'deadLettered': {
        const story = this.stories.get(entry.order);
        if (!story || story.email === 'sent') return;
        story.email = 'dead';
        story.emailAt = entry.t;
        settle(story);
        return;
      }
      default:
        return;
    }
  }

  /** A copy to keep in a checkpoint (stories are updated in place, so each is copied). */
  clone(): OrderBook {
    const stories = new Map<number, OrderStory>();
    for (const [order, story] of this.stories) stories.set(order, { ...story });
    return cloneWith<OrderBook>(this, { stories, added: this.added.slice() });
  }

  private evictOldest(): void {
    this.stories.delete(this.added[this.head++]!);
    if (this.head >= CAPACITY) {
      this.added = this.added.slice(this.head);
      this.head = 0;
    }
  }

  /** The first order placed at or after `t`, searching upward from order `after`. */
  firstPlacedFrom(after: number, t: number): OrderStory | undefined {
    for (let id = after + 1; ; id++) {
      const story = this.stories.get(id);
      if (!story) return undefined;
      if (story.placedAt >= t) return story;
    }
  }
}

function settle(story: OrderStory): void {
  if (story.page !== null && story.email !== 'pending') {
    story.overAt = Math.max(story.pageAt, story.emailAt);
  }
}
