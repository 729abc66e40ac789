// @vitest-environment jsdom
// The lease close-up names the lease in the broker's own words, read from the broker's policy.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  brokerLease,
  buildConfig,
  Simulation,
  type LeaseInspection,
} from '../../src/engine/index.ts';
import { LeaseCloseup } from '../../src/components/diagram/closeup/LeaseCloseup.tsx';

afterEach(cleanup);

function inspection(broker: 'sqs' | 'redis'): LeaseInspection {
  const sim = new Simulation({
    config: buildConfig({ 'queue.broker': broker, 'queue.minIdle': 2500 }),
    mode: 'async',
    seed: 1,
    durationMs: 5000,
  });
  sim.runUntil(3000);
  return sim.inspectBroker(8) as LeaseInspection;
}

describe.each(['sqs', 'redis'] as const)('the %s close-up', (broker) => {
  it('names the lease as the broker’s policy does, with its length', () => {
    const state = inspection(broker);
    render(<LeaseCloseup state={state} />);
    const note = screen.getByText(new RegExp(brokerLease(broker).name));
    expect(note.textContent).toMatch(
      broker === 'sqs' ? /visibility timeout \(/ : /min-idle time \(2\.50 s\)/,
    );
  });
});
