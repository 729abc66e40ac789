import { describe, expect, it } from 'vitest';
import type { SystemView } from '../../src/engine/index.ts';
import { systemView } from '../support/systemView.ts';
import { along, type Point } from '../../src/components/diagram/geometry.ts';
import { WIDE } from '../../src/components/diagram/layouts.ts';
import { TokenBuffer, layoutTokens } from '../../src/components/diagram/layoutTokens.ts';
import { batchSentence, type Counts } from '../../src/components/a11y/narration.ts';
import { latestRows } from '../../src/components/a11y/tableRows.ts';
import type { OrderStory } from '../../src/store/lanes/orderBook.ts';

const view = (parts: Partial<SystemView>) => systemView({ mode: 'async', ...parts });

const zero: Counts = {
  arrived: 0,
  succeeded: 0,
  failed: 0,
  timedOut: 0,
  emailsSent: 0,
  duplicates: 0,
  failedAttempts: 0,
  lost: 0,
  deadLettered: 0,
  crashes: 0,
};

describe('the batched narration', () => {
  it('counts what happened since the last batch in one short sentence', () => {
    const after = { ...zero, arrived: 3, succeeded: 2, failedAttempts: 1 };
    expect(batchSentence('async', zero, after)).toBe(
      'Async: 3 orders placed, 2 success pages, 1 email failed.',
    );
  });

  it('says nothing when nothing happened or when time went back', () => {
    expect(batchSentence('sync', zero, zero)).toBeNull();
    expect(batchSentence('sync', { ...zero, arrived: 5 }, { ...zero, arrived: 2 })).toBeNull();
  });
});

describe('in reduced motion', () => {
  const source = (nowMs: number, steps: boolean) => ({
    mode: 'sync' as const,
    layout: WIDE,
    nowMs,
    view: view({
      mode: 'sync',
      requests: [
        {
          order: 1,
          customer: 1,
          attempt: 0,
          arrivedAt: 0,
          step: 'validate' as const,
          since: 0,
          until: 200,
          ok: true,
          page: 'none' as const,
        },
      ],
    }),
    flights: [],
    dlqOrders: [],
    steps,
  });
  const at = (nowMs: number, steps: boolean): Point => {
    const buf = new TokenBuffer();
    layoutTokens(source(nowMs, steps), buf);
    return { x: buf.x[0]!, y: buf.y[0]! };
  };
  const end = (t: number): Point => {
    const p = { x: 0, y: 0 };
    along(WIDE.edges['customer-server'], t, p);
    return p;
  };

  it('a token on its way sits at one end of the edge, never in between', () => {
    expect(at(10, true)).toEqual(end(0));
    expect(at(50, true)).toEqual(end(1));
    expect(at(10, false)).not.toEqual(end(0));
  });
});

describe('the orders table', () => {
  const story = (order: number, over: Partial<OrderStory>): OrderStory => ({
    order,
    placedAt: order * 100,
    manual: false,
    retry: false,
    page: null,
    pageAt: -1,
    reason: null,
    email: 'pending',
    emailAt: -1,
    sends: 0,
    overAt: -1,
    failedStep: null,
    ...over,
  });
  const book = new Map([
    [1, story(1, { page: 'success', pageAt: 1150, email: 'sent', emailAt: 2650, overAt: 2650 })],
    [2, story(2, { page: 'success', pageAt: 1250 })],
    [3, story(3, {})],
  ]);
  const now = view({
    visible: [{ message: 9, order: 2, receives: 1, at: 1300 }],
    requests: [
      {
        order: 3,
        customer: 3,
        attempt: 0,
        arrivedAt: 300,
        step: 'charge',
        since: 500,
        until: 1300,
        ok: true,
        page: 'none',
      },
    ],
  });

  it('lists the newest orders first, with where each one is now', () => {
    const rows = latestRows((id) => book.get(id), 3, 10, now);
    expect(rows.map((r) => [r.order, r.now, r.page, r.email])).toEqual([
      [3, 'server: charging the card', 'none yet', 'not sent yet'],
      [2, 'email job back in the queue', 'success', 'not sent yet'],
      [1, 'done', 'success', 'sent'],
    ]);
    expect(rows[2]!.responseMs).toBe(1050);
  });

  it('stops at the limit', () => {
    expect(latestRows((id) => book.get(id), 3, 2, now).map((r) => r.order)).toEqual([3, 2]);
  });
});
