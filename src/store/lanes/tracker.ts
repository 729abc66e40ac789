/** Which customer's screen the lanes show (named by the lead lane's order id; each lane shows
 * that customer's own order, `counterpart`): the first order, an order placed by hand as soon as it
 * is placed, and otherwise the next order once the current one's story (page and email) is over
 * in every lane. A function of the logs and the time, so seeking lands on the same customer. */
import { counterpart, type OrderBook } from './orderBook.ts';

/** How long a finished story stays on screen before the next customer is followed. */
export const STORY_HOLD_MS = 1500;

export function trackedOrder(current: number, books: readonly OrderBook[], nowMs: number): number {
  const lead = books[0];
  if (!lead) return current;
  let tracked = current;
  if (lead.lastManual > tracked) tracked = lead.lastManual;
  // The first order, even when the book has let its story go (a heavy run): its screen then says
  // it is not known, rather than that no order was placed.
  if (tracked === 0)
    tracked = lead.firstPlacedFrom(0, -Infinity)?.order ?? (lead.forgot(1) ? 1 : 0);
  for (let guard = 0; tracked > 0 && guard < 10_000; guard++) {
    let overAt = -1;
    for (const book of books) {
      // Each lane's own order for this customer; a second click only the lead lane has is over
      // when its lead story is.
      const story = counterpart(lead, book, tracked);
      if (story === null) continue;
      if (!story || story.overAt < 0) return tracked;
      overAt = Math.max(overAt, story.overAt);
    }
    const threshold = overAt + STORY_HOLD_MS;
    if (nowMs < threshold) return tracked;
    const next = lead.firstPlacedFrom(tracked, threshold);
    if (!next || next.placedAt > nowMs) return tracked;
    tracked = next.order;
  }
  return tracked;
}
