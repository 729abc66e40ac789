// @vitest-environment jsdom
// What if?'s y axis: a count's ticks are whole numbers, each written once, since a count of 0.4
// customers is no count at all; a time's ticks are in seconds.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WhatIfChart, type WhatIfChartProps } from '../../src/components/whatif/WhatIfChart.tsx';
import { formatCount, formatTime } from '../../src/format/index.ts';

afterEach(cleanup);

function yLabels(props: Partial<WhatIfChartProps> & Pick<WhatIfChartProps, 'results'>): string[] {
  const { container } = render(
    <WhatIfChart
      metric="m"
      modes={['sync', 'async']}
      currentX={0}
      width={640}
      formatX={String}
      formatY={formatCount}
      yKind="count"
      settingLabel="Failure rate"
      metricLabel="customers"
      onPick={() => undefined}
      {...props}
    />,
  );
  const axis = container.querySelectorAll('svg > .an-axis')[0]!;
  return [...axis.querySelectorAll('text')].map((t) => t.textContent ?? '');
}

const point = (x: number, sync: number, async: number) => ({
  x,
  value: String(x),
  metrics: { sync: { m: sync }, async: { m: async } },
});

describe("What if?'s y axis", () => {
  it('gives a small count whole-number ticks, each once', () => {
    const labels = yLabels({ results: [point(0, 0, 0), point(0.5, 1, 0), point(1, 1, 1)] });
    expect(labels).toEqual(['0', '1']);
  });

  it('gives a larger count round whole numbers', () => {
    const labels = yLabels({ results: [point(0, 0, 3), point(1, 230, 7)] });
    expect(labels.length).toBeGreaterThan(2);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^\d[\d,]*$/);
  });

  it('gives a time seconds', () => {
    const labels = yLabels({
      results: [point(0, 250, 250), point(1, 2550, 1050)],
      formatY: formatTime,
      yKind: 'time',
    });
    expect(labels[0]).toMatch(/^0(\.0+)? s$/);
    expect(labels.at(-1)).toMatch(/ s$/);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
