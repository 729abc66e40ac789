// The stage's geometry promises: tokens that dwell in a node stay inside its frame and below its
// status lines, and the diagram's level of detail keeps its smallest text readable.
import { describe, expect, it } from 'vitest';
import { READABLE_PX, SMALLEST_TEXT, detailFor } from '../../src/components/diagram/detail.ts';
import {
  TOKEN_HALF,
  coversText,
  dwellArea,
  boxOf,
  edgeOf,
  labelBelow,
  type DiagramLayout,
} from '../../src/components/diagram/geometry.ts';
import { LAYOUTS, WIDE } from '../../src/components/diagram/layouts.ts';
import { outside, overlap, within } from '../support/boxes.ts';
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

const ALL: [string, DiagramLayout][] = [
  ['wide sync', LAYOUTS.wide.sync],
  ['wide async', LAYOUTS.wide.async],
  ['tall sync', LAYOUTS.tall.sync],
  ['tall async', LAYOUTS.tall.async],
];

/** The nodes an edge joins, from its name ("server-email"). */
const ends = (id: string) => id.split('-') as [Place, Place];

describe.each(ALL)('the %s layout', (_name, l) => {
  for (const place of l.places) {
    if (place === 'queue' || place === 'worker') continue;
    it(`keeps a whole token inside ${place} and below its text`, () => {
      const node = boxOf(l, place);
      const area = dwellArea(l, place);
      expect(area.x - TOKEN_HALF).toBeGreaterThanOrEqual(node.x);
      expect(area.x + area.w + TOKEN_HALF).toBeLessThanOrEqual(node.x + node.w);
      // Text descends about a quarter of its size below the baseline.
      expect(area.y - TOKEN_HALF).toBeGreaterThanOrEqual(
        node.y + STATUS_BASELINE[place as Place] + 3,
      );
      expect(area.y + area.h + TOKEN_HALF).toBeLessThanOrEqual(node.y + node.h);
    });
  }

  it('keeps every node inside the drawing, with room between any two', () => {
    const drawing = { x: 0, y: 0, w: l.w, h: l.h };
    for (const place of l.places) expect(within(boxOf(l, place), drawing)).toBe(true);
    for (const a of l.places) {
      for (const b of l.places) {
        if (a < b) expect(overlap(boxOf(l, a), boxOf(l, b), 6), `${a} and ${b}`).toBe(false);
      }
    }
  });

  it("keeps the waiting line, the queue's areas and the dead-letter pile in their places", () => {
    for (const place of l.places) {
      expect(overlap(l.waitingArea, boxOf(l, place)), `waiting line on ${place}`).toBe(false);
    }
    if (l.places.includes('queue')) {
      expect(within(l.queueReady, l.nodes.queue)).toBe(true);
      expect(within(l.queueRetry, l.nodes.queue)).toBe(true);
      expect(overlap(l.queueReady, l.queueRetry)).toBe(false);
      expect(within(l.dlqPile, l.nodes.dlq)).toBe(true);
    }
  });

  it('puts the "waiting line" label (about 76 x 14 units) clear of every node', () => {
    const { x, y, anchor } = l.waitingLabel;
    const w = 76;
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    const label = { x: left, y: y - 11, w, h: 14 };
    expect(within(label, { x: 0, y: 0, w: l.w, h: l.h })).toBe(true);
    for (const place of l.places) expect(overlap(label, boxOf(l, place)), place).toBe(false);
  });

  for (const id of l.edgeIds) {
    it(`draws the edge ${id} from one node to the other, through no other node`, () => {
      const [from, to] = ends(id);
      const path = edgeOf(l, id);
      expect(path.length).toBeGreaterThanOrEqual(2);
      expect(outside(path[0]!, l.nodes[from])).toBeLessThanOrEqual(1);
      expect(outside(path[path.length - 1]!, l.nodes[to])).toBeLessThanOrEqual(1);
      const others = l.places.filter((p) => p !== from && p !== to).map((p) => boxOf(l, p));
      for (let i = 1; i < path.length; i++) {
        const a = path[i - 1]!;
        const b = path[i]!;
        for (let t = 0; t <= 1; t += 0.01) {
          const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
          for (const n of others) {
            const inside =
              p.x > n.x + 1 && p.x < n.x + n.w - 1 && p.y > n.y + 1 && p.y < n.y + n.h - 1;
            expect(inside, `${id} at (${p.x}, ${p.y})`).toBe(false);
          }
        }
      }
    });
  }
});

describe('the level of detail', () => {
  it('is full while its smallest text is drawn at 12 px or more, compact below', () => {
    const threshold = (READABLE_PX / SMALLEST_TEXT.full) * WIDE.w;
    expect(detailFor(threshold + 1, WIDE.w)).toBe('full');
    expect(detailFor(threshold - 1, WIDE.w)).toBe('compact');
    expect(detailFor(WIDE.w, WIDE.w)).toBe('full');
    // A 640x360 embed draws the diagram about 460 px wide: compact text is still 10 px or more.
    expect(detailFor(460, WIDE.w)).toBe('compact');
    expect((460 / WIDE.w) * SMALLEST_TEXT.compact).toBeGreaterThanOrEqual(10);
  });

  it('keeps the tall layout at full detail in a 360 px phone (a lane about 318 px wide)', () => {
    expect(detailFor(318, LAYOUTS.tall.async.w)).toBe('full');
  });
});

describe('a focused token’s "#N" label', () => {
  it('goes below a token whose label would cover a node’s words above it', () => {
    // A message waiting in the queue's ready line: above it, the "ready 1" status line.
    const ready = { x: WIDE.queueReady.x + 8, y: WIDE.queueReady.y + 8 };
    expect(coversText(WIDE, ready.x, ready.y - 21, 28, 14)).toBe(true);
    expect(labelBelow(WIDE, ready.x, ready.y)).toBe(true);
    // An email arriving at the customers' node, whose count runs along its bottom.
    const c = WIDE.nodes.customer;
    expect(labelBelow(WIDE, c.x + c.w / 2, c.y + c.h)).toBe(true);
  });

  it('stays above a token in open space, and where below is no better', () => {
    // Half-way along the edge from the server to the payment service.
    expect(labelBelow(WIDE, 395, 60)).toBe(false);
    // In a node's title band both ways: above is where a reader looks first.
    const p = WIDE.nodes.payment;
    expect(coversText(WIDE, p.x + 40, p.y + 21 + 21, 28, 14)).toBe(true);
    expect(labelBelow(WIDE, p.x + 40, p.y + 21)).toBe(false);
  });

  it('goes below a token at the very top of the tall layout, where above leaves the drawing', () => {
    const tall = LAYOUTS.tall.async;
    // On the way from the customers to the web server, near the top edge.
    expect(labelBelow(tall, 150, 20)).toBe(true);
  });
});
