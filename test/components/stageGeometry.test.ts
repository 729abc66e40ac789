// The stage's geometry promises: tokens that dwell in a node stay inside its frame and below its
// status lines, and the diagram's level of detail keeps its smallest text readable.
import { describe, expect, it } from 'vitest';
import { READABLE_PX, SMALLEST_TEXT, detailFor } from '../../src/components/diagram/detail.ts';
import { labelBelow } from '../../src/components/diagram/drawTokens.ts';
import {
  NODES,
  QUEUE_READY,
  TOKEN_HALF,
  VIEW_H,
  VIEW_W,
  coversText,
  dwellArea,
} from '../../src/components/diagram/geometry.ts';
import type { Place } from '../../src/engine/index.ts';

/** The lowest status line's baseline in each node, as the status components draw them. */
const STATUS_BASELINE: Record<Place, number> = {
  customer: 56,
  server: 88,
  payment: 44,
  database: 44,
  email: 48,
  dlq: 44,
  queue: 0,
  worker: 0,
};

describe('where tokens dwell', () => {
  for (const place of ['customer', 'server', 'payment', 'database', 'email'] as const) {
    it(`keeps a whole token inside ${place} and below its text`, () => {
      const node = NODES[place];
      const area = dwellArea(place);
      expect(area.x - TOKEN_HALF).toBeGreaterThanOrEqual(node.x);
      expect(area.x + area.w + TOKEN_HALF).toBeLessThanOrEqual(node.x + node.w);
      // Text descends about a quarter of its size below the baseline.
      expect(area.y - TOKEN_HALF).toBeGreaterThanOrEqual(node.y + STATUS_BASELINE[place] + 3);
      expect(area.y + area.h + TOKEN_HALF).toBeLessThanOrEqual(node.y + node.h);
    });
  }

  it('keeps every node inside the drawing', () => {
    for (const node of Object.values(NODES)) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x + node.w).toBeLessThanOrEqual(VIEW_W);
      expect(node.y + node.h).toBeLessThanOrEqual(VIEW_H);
    }
  });
});

describe('the level of detail', () => {
  it('is full while its smallest text is drawn at 12 px or more, compact below', () => {
    const threshold = (READABLE_PX / SMALLEST_TEXT.full) * VIEW_W;
    expect(detailFor(threshold + 1)).toBe('full');
    expect(detailFor(threshold - 1)).toBe('compact');
    expect(detailFor(VIEW_W)).toBe('full');
    // A 640x360 embed draws the diagram about 460 px wide: compact text is still 10 px or more.
    expect(detailFor(460)).toBe('compact');
    expect((460 / VIEW_W) * SMALLEST_TEXT.compact).toBeGreaterThanOrEqual(10);
  });
});

describe('a focused token’s "#N" label', () => {
  it('goes below a token whose label would cover a node’s words above it', () => {
    // A message waiting in the queue's ready line: above it, the "ready 1" status line.
    const ready = { x: QUEUE_READY.x + 8, y: QUEUE_READY.y + 8 };
    expect(coversText(ready.x, ready.y - 21, 28, 14)).toBe(true);
    expect(labelBelow(ready.x, ready.y)).toBe(true);
    // An email arriving at the customers' node, whose count runs along its bottom.
    const c = NODES.customer;
    expect(labelBelow(c.x + c.w / 2, c.y + c.h)).toBe(true);
  });

  it('stays above a token in open space, and where below is no better', () => {
    // Half-way along the edge from the server to the payment service.
    expect(labelBelow(395, 60)).toBe(false);
    // In a node's title band both ways: above is where a reader looks first.
    const p = NODES.payment;
    expect(coversText(p.x + 40, p.y + 21 + 21, 28, 14)).toBe(true);
    expect(labelBelow(p.x + 40, p.y + 21)).toBe(false);
  });
});
