// Where a waterfall's labels go (waterfallLayout.ts): inside the plot whatever the bar's place,
// on two lines when one would not fit, and one span for two traces.
import { describe, expect, it } from 'vitest';
import {
  placeLabel,
  textWidth,
  traceEndMs,
} from '../../src/components/analysis/waterfallLayout.ts';
import type { OrderTrace } from '../../src/analysis/trace.ts';

describe('placeLabel', () => {
  const text = 'Email attempt 1 · worker 2 — failed · 1.50 s';

  it('starts a label at its bar when it fits', () => {
    expect(placeLabel(text, 40, 12, 600)).toEqual({ x: 40, lines: [text] });
  });

  it('slides a label left so that it ends inside the plot, never past its left edge', () => {
    const placed = placeLabel(text, 560, 12, 600);
    expect(placed.lines).toEqual([text]);
    expect(placed.x + textWidth(text)).toBeCloseTo(600, 6);
    expect(placed.x).toBeGreaterThanOrEqual(12);
  });

  it('counts a Chinese character as a whole em, not as a narrow Latin letter', () => {
    expect(textWidth('订单时间线')).toBeCloseTo(5 * 12, 6);
    expect(textWidth('Order')).toBeLessThan(textWidth('订单时间线'));
  });

  it('breaks Chinese, which has no spaces, between two characters when it has no separator', () => {
    const chinese = '邮件服务暂时不可用所以这封确认邮件稍后由消费者重新发送给顾客';
    const placed = placeLabel(chinese, 40, 12, 300);
    expect(placed.lines).toHaveLength(2);
    expect(placed.lines.join('')).toBe(chinese);
    for (const line of placed.lines) expect(textWidth(line)).toBeLessThanOrEqual(300 - 12);
  });

  it('breaks a label too wide for the whole plot in two at a separator', () => {
    const placed = placeLabel(text, 200, 12, 250);
    expect(placed.lines).toEqual(['Email attempt 1', 'worker 2 — failed · 1.50 s']);
    expect(placed.x).toBeGreaterThanOrEqual(12);
    for (const line of placed.lines) expect(placed.x + textWidth(line)).toBeLessThanOrEqual(250);
  });
});

describe('traceEndMs', () => {
  const trace = (rows: { startMs: number; endMs: number | null }[]): OrderTrace => ({
    order: 1,
    customer: 1,
    attempt: 0,
    placedAtMs: 1000,
    complete: true,
    rows: rows.map((r) => ({
      kind: 'queueWait',
      label: 'Wait in the queue',
      words: { id: 'queueWait' },
      instant: false,
      status: r.endMs === null ? 'running' : 'ok',
      where: 'queue',
      ...r,
    })),
    page: null,
    emailAtMs: null,
    charged: false,
    sendsEmail: true,
    summary: '',
  });

  it('ends at the latest row, an unfinished one at now', () => {
    expect(traceEndMs(trace([{ startMs: 1000, endMs: 3550 }]), 9000)).toBe(2550);
    expect(traceEndMs(trace([{ startMs: 2000, endMs: null }]), 9000)).toBe(8000);
    expect(traceEndMs(null, 9000)).toBe(0);
  });
});
