// @vitest-environment jsdom
// The UI's one table of close-ups keyed by broker agrees with the engine: a broker has a close-up
// component exactly when its runs have something to show (and a title for it), and the component
// draws that broker's inspection rather than nothing; the catalog words each close-up as the
// engine does in English.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BROKERS,
  brokerFacts,
  brokerLease,
  buildConfig,
  Simulation,
} from '../../src/engine/index.ts';
import { CLOSEUP_TITLES, CLOSEUPS } from '../../src/components/diagram/closeup/closeups.tsx';
import { LEASE_WORDS } from '../../src/components/diagram/closeup/LeaseCloseup.tsx';
import type { MessageId } from '../../src/i18n/runtime.ts';
import { english } from '../support/translate.ts';

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

describe('the close-ups’ words in the catalog', () => {
  it('give each close-up the engine’s heading, in English', () => {
    for (const broker of BROKERS) {
      const id = CLOSEUP_TITLES[broker];
      expect(id === null ? null : english(id)).toBe(brokerFacts(broker).closeupTitle);
    }
  });

  it('word each lease broker’s leases as its policy does, in English', () => {
    for (const broker of BROKERS) {
      const words = brokerFacts(broker).leaseWords;
      if (!words) continue;
      const say = (word: string, values?: Record<string, string | number>) =>
        english(`closeup.${broker}.${word}` as MessageId, values);
      expect(say('leaseName')).toBe(brokerLease(broker).name);
      expect(say('deadLetter')).toBe(brokerFacts(broker).deadLetter);
      expect(say('inFlight')).toBe(words.title);
      expect(say('overdue')).toBe(words.overdue);
      expect(say('expired')).toBe(words.expired);
      expect(say('ready')).toBe(words.ready);
      expect(say('holderDown')).toBe(words.holderDown);
      expect(say('count', { count: 3 })).toBe(words.count(3));
      expect(say('explain', { lease: 'lease (30.0 s)' })).toBe(words.explain('lease (30.0 s)'));
      expect(say('leaseLeft', { time: '4.0 s' })).toBe(`${words.lease} 4.0 s`);
      // Every word the close-up asks for is in the catalog (a missing one reads as its id).
      for (const word of LEASE_WORDS) {
        expect(say(word, { count: 1, lease: 'x', time: 'y' })).not.toBe(
          `closeup.${broker}.${word}`,
        );
      }
    }
  });
});
