// The poster's layout: each lane under the title, full width, in its own shape.
import { describe, expect, it } from 'vitest';
import { posterLayout } from '../../src/components/share/poster.ts';

describe('the poster layout', () => {
  it('stacks the lanes under the title at the diagram’s aspect ratio', () => {
    const { height, boxes } = posterLayout([900 / 336, 900 / 336]);
    expect(boxes).toHaveLength(2);
    const [a, b] = boxes;
    expect(a!.w).toBe(1504);
    expect(a!.h).toBe(Math.round(1504 / (900 / 336)));
    expect(b!.y).toBeGreaterThan(a!.y + a!.h);
    expect(height).toBeGreaterThan(b!.y + b!.h);
  });
});
