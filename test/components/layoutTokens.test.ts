import { describe, expect, it } from 'vitest';
import type { SystemView } from '../../src/engine/index.ts';
import { systemView } from '../support/systemView.ts';
import {
  NODES,
  QUEUE_READY,
  WAITING_AREA,
  dwellArea,
  type Box,
} from '../../src/components/diagram/geometry.ts';
import { TokenBuffer, layoutTokens } from '../../src/components/diagram/layoutTokens.ts';
import { KIND_CODE } from '../../src/components/diagram/tokens.ts';
import type { Flight } from '../../src/store/flights.ts';

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

function layout(v: SystemView, nowMs: number, flights: Flight[] = []) {
  const buf = new TokenBuffer();
  layoutTokens({ mode: v.mode, nowMs, view: v, flights, dlqOrders: [] }, buf);
  return buf;
}

function inside(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

describe('token positions', () => {
  it('put a request halfway through its card charge at the payment service', () => {
    const buf = layout(view({ requests: [request('charge', 200, 1000)] }), 600);
    expect(buf.count).toBe(1);
    expect(buf.kind[0]).toBe(KIND_CODE.request);
    expect(inside(dwellArea('payment'), buf.x[0]!, buf.y[0]!)).toBe(true);
  });

  it('move a request along the edge at the start of a call and stay put when time stands still', () => {
    const v = view({ requests: [request('email', 1050, 2550)] });
    const early = layout(v, 1100);
    expect(inside(NODES.email, early.x[0]!, early.y[0]!)).toBe(false);
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
      expect(inside(WAITING_AREA, buf.x[i]!, buf.y[i]!)).toBe(true);
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
    expect(inside(QUEUE_READY, sqs.x[0]!, sqs.y[0]!)).toBe(true);
    const kafka = layout(view({ mode: 'async', broker: 'kafka', visible }), 0);
    expect(kafka.count).toBe(0);
  });
});
