// The layout of a flow other than the checkout is made by code the page loads on demand
// (layouts.ts, FLOW_LAYOUT): before it has loaded, layoutFor says so instead of drawing the
// checkout in its place; the checkout never waits.
import { describe, expect, it } from 'vitest';
import {
  canLayOut,
  FLOW_LAYOUT,
  LAYOUTS,
  layoutFor,
} from '../../src/components/diagram/layouts.ts';
import { checkoutFlow, FLOW_PRESETS } from '../../src/engine/index.ts';

describe('a flow layout loaded on demand', () => {
  it('is refused by name before it loads, and drawn from the flow once it has', async () => {
    const signup = FLOW_PRESETS.signup!();
    expect(canLayOut(checkoutFlow())).toBe(true);
    expect(layoutFor('wide', 'async', checkoutFlow())).toBe(LAYOUTS.wide.async);
    expect(canLayOut(signup)).toBe(false);
    expect(() => layoutFor('wide', 'async', signup)).toThrow(
      `the layout of the flow "${signup.label}" has not loaded yet`,
    );
    await FLOW_LAYOUT.load();
    expect(canLayOut(signup)).toBe(true);
    const layout = layoutFor('wide', 'async', signup);
    expect(layout).not.toBe(LAYOUTS.wide.async);
    for (const step of signup.steps) {
      const places = step.where === 'request' ? layout.requestSteps : layout.jobSteps;
      expect(places[step.id], step.id).toBeDefined();
    }
  });
});
