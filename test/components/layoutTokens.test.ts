import { beforeEach, describe, expect, it } from 'vitest';
import type { SystemView } from '../../src/engine/index.ts';
import { systemView } from '../support/systemView.ts';
import { dwellArea, type Box, type LayoutKind } from '../../src/components/diagram/geometry.ts';
import { layoutFor } from '../../src/components/diagram/layouts.ts';
import { TokenBuffer, layoutTokens } from '../../src/components/diagram/layoutTokens.ts';
import { KIND_CODE } from '../../src/components/diagram/tokens.ts';
import type { Flight } from '../../src/store/lanes/flights.ts';

const view = systemView;

function request(step: SystemView['requests'][number]['step'], since: number, until: number) {
  return {
    order: 7,
    customer: 7,
    attempt: 0,
    arrivedAt: 0,
    step,
    since,
    until,
    ok: true,
    page: 'none' as const,
  };
}

let kind: LayoutKind = 'wide';

function layout(v: SystemView, nowMs: number, flights: Flight[] = []) {
  const buf = new TokenBuffer();
  const geo = layoutFor(kind, v.mode);
  layoutTokens({ mode: v.mode, layout: geo, nowMs, view: v, flights, dlqOrders: [] }, buf);
  return buf;
}

/** The layout the tests of a `describe` read, as `layout()` uses it. */
const geo = (mode: SystemView['mode'] = 'sync') => layoutFor(kind, mode);

function inside(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

// The same promises in the wide layout and in the phone's tall one: tokens read positions from
// whichever layout the lane draws.
describe.each(['wide', 'tall'] as const)('token positions in the %s layout', (k) => {
  beforeEach(() => {
    kind = k;
  });

  it('put a request halfway through its card charge at the payment service', () => {
    const buf = layout(view({ requests: [request('charge', 200, 1000)] }), 600);
    expect(buf.count).toBe(1);
    expect(buf.kind[0]).toBe(KIND_CODE.request);
    expect(inside(dwellArea(geo(), 'payment'), buf.x[0]!, buf.y[0]!)).toBe(true);
  });

  it('move a request along the edge at the start of a call and stay put when time stands still', () => {
    const v = view({ requests: [request('email', 1050, 2550)] });
    const early = layout(v, 1100);
    expect(inside(geo().nodes.email, early.x[0]!, early.y[0]!)).toBe(false);
    // On its way along the edge from the server to the email service.
    const edge = geo().edges['server-email'];
    expect(early.y[0]!).toBeGreaterThanOrEqual(Math.min(...edge.map((p) => p.y)) - 0.01);
    expect(early.y[0]!).toBeLessThanOrEqual(Math.max(...edge.map((p) => p.y)) + 0.01);
    const again = layout(v, 1100);
    expect([again.x[0], again.y[0]]).toEqual([early.x[0], early.y[0]]);
  });

  it('line up requests waiting for a handler in the waiting area', () => {
    const waiting = Array.from({ length: 30 }, (_, i) => ({
      ...request('waiting', 0, -1),
      order: i + 1,
    }));
    const buf = layout(
      view({ requests: waiting, handlers: { busy: 64, total: 64, waiting: 30 } }),
      10,
    );
    expect(buf.count).toBe(30);
    for (let i = 0; i < buf.count; i++)
      expect(inside(geo().waitingArea, buf.x[i]!, buf.y[i]!)).toBe(true);
  });

  it('draw a page flying back to the customer only while its flight lasts', () => {
    const flight: Flight = {
      kind: 'success',
      order: 1,
      from: 'server',
      to: 'customer',
      startMs: 1050,
      endMs: 1500,
    };
    expect(layout(view({}), 1200, [flight]).count).toBe(1);
    expect(layout(view({}), 1500, [flight]).count).toBe(0);
    expect(layout(view({}), 1000, [flight]).count).toBe(0);
  });

  it('show a message that failed before as a retry in the queue', () => {
    const buf = layout(
      view({
        mode: 'async',
        visible: [
          { message: 1, order: 3, receives: 1, at: 0 },
          { message: 2, order: 4, receives: 0, at: 0 },
        ],
      }),
      0,
    );
    expect([buf.kind[0], buf.kind[1]]).toEqual([KIND_CODE.retry, KIND_CODE.job]);
  });

  it("leave Kafka's queue node to its partition rows: no waiting tokens there", () => {
    const visible = [{ message: 1, order: 3, receives: 0, at: 0 }];
    const sqs = layout(view({ mode: 'async', broker: 'sqs', visible }), 0);
    expect(sqs.count).toBe(1);
    expect(inside(geo('async').queueReady, sqs.x[0]!, sqs.y[0]!)).toBe(true);
    const kafka = layout(view({ mode: 'async', broker: 'kafka', visible }), 0);
    expect(kafka.count).toBe(0);
  });
});
