// @vitest-environment jsdom
// The UI's one table of close-ups keyed by broker agrees with the engine: a broker has a close-up
// component exactly when its runs have something to show (and a title for it), and the component
// draws that broker's inspection rather than nothing.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BROKERS, brokerFacts, buildConfig, Simulation } from '../../src/engine/index.ts';
import { CLOSEUPS } from '../../src/components/diagram/closeup/closeups.tsx';

afterEach(cleanup);

function inspection(broker: (typeof BROKERS)[number]) {
  const sim = new Simulation({
    config: buildConfig({ 'queue.broker': broker }),
    mode: 'async',
    seed: 1,
    durationMs: 5000,
  });
  sim.runUntil(3000);
  return sim.inspectBroker(8);
}

describe.each(BROKERS.map((b) => [b] as const))('the %s close-up', (broker) => {
  it('is in the table exactly when the engine has a close-up for the broker', () => {
    const state = inspection(broker);
    const Body = CLOSEUPS[broker];
    expect(Body !== null).toBe(state !== null);
    expect(brokerFacts(broker).closeupTitle !== null).toBe(Body !== null);
    if (!Body || !state) return;
    const { container } = render(<Body state={state} lastDrop={null} />);
    expect(container.querySelector('.closeup-body')).not.toBeNull();
    expect(container.textContent).not.toMatch(/NaN|undefined/);
  });
});
