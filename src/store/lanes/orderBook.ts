/** What each recent order's customer has seen so far (page, response time, email), read from the
 * event log: the user's screen and the order tracker are drawn from it. Bounded in size. */
import type { LogEntry, Page } from '../../engine/index.ts';

export type EmailOutcome = 'pending' | 'sent' | 'lost' | 'dead';

export interface OrderStory {
  order: number;
  placedAt: number;
  /** Placed by the "Place one order" button (or its timed change), not by the traffic. */
  manual: boolean;
  /** A customer's second click after an error page: an order only the lane that showed the
   * error page has. */
  retry: boolean;
  page: Page | null;
  pageAt: number;
  reason: string | null;
  email: EmailOutcome;
  emailAt: number;
  /** Emails that reached the customer: more than 1 means duplicates (a worker that crashed after
   * sending, a lease that ran out while a slow call still went through). */
  sends: number;
  /** When nothing more will happen to this order that the user would notice. */
  overAt: number;
  /** The background step the customer needed that failed for good after the page said
   * confirmed (the order is confirmed, then failed), or null. */
  failedStep: string | null;
}

const CAPACITY = 4096;
/** Codes per story in a packed book. */
const CODES = 5;

/** An order book packed for a checkpoint: per story, in the book's order, four times (placed,
 * page, email, over), five codes (manual and retry as bits 0 and 1, and indices into `words` for
 * page, reason, email and the step that failed after "confirmed") and the number of emails sent. */
export interface PackedBook {
  added: Float64Array;
  head: number;
  times: Float64Array;
  codes: Uint8Array;
  sends: Uint32Array;
  words: (string | null)[];
  lastManual: number;
  manualAt: number;
}

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

  /** Was this order's story let go to keep the book within its CAPACITY? The book is full and
   * the order is older than every story kept (ids rise as orders are placed): a heavy run's
   * first customer, still waiting, once 4,096 orders came after it. */
  forgot(order: number): boolean {
    const oldest = this.added[this.head];
    return this.stories.size >= CAPACITY && oldest !== undefined && order < oldest;
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
          retry: entry.attempt > 0,
          page: null,
          pageAt: -1,
          reason: null,
          email: 'pending',
          emailAt: -1,
          sends: 0,
          overAt: -1,
          failedStep: null,
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
        if (!story) return;
        story.sends++;
        if (story.email === 'sent') return;
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
      case 'serverCrashed': {
        // The server died before queueing the job: nobody will ever send this email.
        const story = this.stories.get(entry.order);
        if (!story || entry.jobSaved || story.email !== 'pending') return;
        story.email = 'lost';
        story.emailAt = entry.t;
        settle(story);
        return;
      }
      case 'confirmedThenFailed': {
        const story = this.stories.get(entry.order);
        if (!story) return;
        story.failedStep = entry.step;
        // The customer hears of it now, after the page and perhaps the email.
        if (story.overAt >= 0) story.overAt = Math.max(story.overAt, entry.t);
        return;
      }
      case 'deadLettered': {
        // Another step's job given up (a charge moved to the background) is not the email's.
        const story = this.stories.get(entry.order);
        if (!story || story.email === 'sent' || entry.step !== 'email') return;
        story.email = 'dead';
        story.emailAt = entry.t;
        settle(story);
        return;
      }
      default:
        return;
    }
  }

  /** The book as a checkpoint keeps it: a few typed arrays rather than 4,096 objects, which
   * take a fifth of the memory and copy faster (`unpack` makes the book again). */
  pack(): PackedBook {
    const n = this.stories.size;
    const times = new Float64Array(n * 4);
    const codes = new Uint8Array(n * CODES);
    const sends = new Uint32Array(n);
    const words: (string | null)[] = [];
    const code = (word: string | null) => {
      const at = words.indexOf(word);
      return at >= 0 ? at : words.push(word) - 1;
    };
    let k = 0;
    for (const story of this.stories.values()) {
      times[k * 4] = story.placedAt;
      times[k * 4 + 1] = story.pageAt;
      times[k * 4 + 2] = story.emailAt;
      times[k * 4 + 3] = story.overAt;
      codes[k * CODES] = (story.manual ? 1 : 0) | (story.retry ? 2 : 0);
      codes[k * CODES + 1] = code(story.page);
      codes[k * CODES + 2] = code(story.reason);
      codes[k * CODES + 3] = code(story.email);
      codes[k * CODES + 4] = code(story.failedStep);
      sends[k] = story.sends;
      k++;
    }
    return {
      added: Float64Array.from(this.added),
      head: this.head,
      times,
      codes,
      sends,
      words,
      lastManual: this.lastManual,
      manualAt: this.manualAt,
    };
  }

  static unpack(packed: PackedBook): OrderBook {
    const book = new OrderBook();
    const { added, times, codes, words } = packed;
    // The map's order is the order in which the stories were added: `added` from `head` on.
    for (let i = packed.head, k = 0; i < added.length; i++, k++) {
      const order = added[i]!;
      book.stories.set(order, {
        order,
        placedAt: times[k * 4]!,
        manual: (codes[k * CODES]! & 1) === 1,
        retry: (codes[k * CODES]! & 2) === 2,
        page: words[codes[k * CODES + 1]!] as Page | null,
        pageAt: times[k * 4 + 1]!,
        reason: words[codes[k * CODES + 2]!] as string | null,
        email: words[codes[k * CODES + 3]!] as EmailOutcome,
        emailAt: times[k * 4 + 2]!,
        sends: packed.sends[k]!,
        overAt: times[k * 4 + 3]!,
        // Last, as a new story has it: one key order (one hidden class) for every story.
        failedStep: words[codes[k * CODES + 4]!] as string | null,
      });
    }
    book.added = Array.from(added);
    book.head = packed.head;
    book.lastManual = packed.lastManual;
    book.manualAt = packed.manualAt;
    return book;
  }

  private evictOldest(): void {
    this.stories.delete(this.added[this.head++]!);
    if (this.head >= CAPACITY) {
      this.added = this.added.slice(this.head);
      this.head = 0;
    }
  }

  /** The order placed at exactly `t` that is not a second click (the same customer's first
   * order in every lane, since arrivals are the same in each), searching from order `near`: ids
   * grow with time, and lanes' ids differ only by the second clicks each has seen. */
  arrivalAt(t: number, near: number): OrderStory | undefined {
    let id = Math.min(near, this.added[this.added.length - 1] ?? 0);
    let story = this.stories.get(id);
    while (story && story.placedAt > t) story = this.stories.get(--id);
    while (story && story.placedAt < t) story = this.stories.get(++id);
    while (story && story.placedAt === t && story.retry) story = this.stories.get(++id);
    return story && story.placedAt === t ? story : undefined;
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

/** The story in `book` of the customer whose order `order` is in the `lead` book: the order
 * placed at the same moment, as arrivals are the same in every lane and their ids differ only by
 * the second clicks each lane has seen. Null for a second click after an error page, which only
 * the lead lane has; undefined while not placed yet. */
export function counterpart(
  lead: OrderBook,
  book: OrderBook,
  order: number,
): OrderStory | null | undefined {
  const story = lead.get(order);
  if (book === lead || !story) return story;
  if (story.retry) return null;
  return book.arrivalAt(story.placedAt, order);
}
