// What the order book (the customer's screen) and the order export say of a customer whose order
// the web server saved and then died before queueing its email job: the email is lost for good,
// not "still to send"; with the outbox it is sent.
import { describe, expect, it } from 'vitest';
import { buildConfig, Simulation } from '../../src/engine/index.ts';
import { OrderRows } from '../../src/export/index.ts';
import { OrderBook } from '../../src/store/lanes/orderBook.ts';
import { storyMarks } from '../../src/components/OrderDetails.tsx';

function crashedOrder(outbox: boolean) {
  const sim = new Simulation({
    config: buildConfig({ 'server.crashRate': 1, 'queue.outbox': outbox }),
    mode: 'async',
    seed: 1,
    durationMs: 0,
    logCapacity: 1000,
  });
  sim.runToSettle(600_000);
  const book = new OrderBook();
  const rows = new OrderRows('async');
  for (const entry of sim.readLog(0).entries) {
    book.ingest(entry);
    rows.ingest(entry);
  }
  return { story: book.get(1)!, row: rows.list()[0]! };
}

describe('a customer whose order was saved just before the web server died', () => {
  it('without the outbox, never gets the email, as the book and the export both say', () => {
    const { story, row } = crashedOrder(false);
    expect([story.page, story.reason, story.email, story.emailAt]).toEqual([
      'error',
      'server crashed',
      'lost',
      1050,
    ]);
    expect(story.overAt).toBe(1050);
    expect([row.reason, row.email]).toEqual(['server crashed', 'lost']);
    // The timeline marks the email as never queued, not as a call that failed.
    expect(storyMarks(story)).toEqual([
      { label: 'error page', atMs: 1050 },
      { label: 'email never queued', atMs: 1050 },
    ]);
  });

  it('with the outbox, gets it after the relay’s poll', () => {
    const { story, row } = crashedOrder(true);
    expect([story.page, story.email, story.emailAt]).toEqual(['error', 'sent', 3000]);
    expect(row.email).toBe('sent');
  });
});
