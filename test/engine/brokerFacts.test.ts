/** Every registered broker's facts are complete, and hold to what its runs do: the settings it
 * lists are the registry's, each control has its words, its close-up's title is there exactly when
 * a run has something to show, the lease words are there for a close-up of leases, a partitioned
 * broker's close-up shows partitions and a prefetching one's shows prefetch, and a broker that
 * says it drops drops a message with no dead-letter target while the others keep it. */
import { describe, expect, it } from 'vitest';
import {
  BROKER_NAMES,
  BROKERS,
  brokerFacts,
  findSetting,
  type Broker,
} from '../../src/engine/index.ts';
import { logged, settle, QUIET_CHECKOUT } from './support/trace.ts';

/** A run of one order whose email fails every time, held at 50 ms, while the first delivery is
 * in hand. */
function holding(broker: Broker) {
  const sim = logged({
    mode: 'async',
    settings: {
      ...QUIET_CHECKOUT,
      'queue.broker': broker,
      'queue.partitions': 1,
      'email.failureRate': 1,
    },
    changes: [{ atMs: 0, key: 'orders.place', value: 1 }],
  });
  sim.runUntil(50);
  return sim;
}

/** The same order with no dead-letter target and small limits, run until it settles. */
function givenUp(broker: Broker) {
  return settle(
    logged({
      mode: 'async',
      settings: {
        ...QUIET_CHECKOUT,
        'queue.broker': broker,
        'queue.partitions': 1,
        'email.failureRate': 1,
        'queue.deadLetter': false,
        'queue.maxReceives': 2,
        'queue.deliveryLimit': 2,
        'retry.base': 10,
      },
      changes: [
        { atMs: 0, key: 'orders.place', value: 1 },
        // Let it recover once the limits are past, so that brokers that keep the message settle.
        { atMs: 60_000, key: 'email.failureRate', value: 0 },
      ],
    }),
  );
}

describe.each(BROKERS.map((b) => [b] as const))('the %s broker’s facts', (broker) => {
  const facts = brokerFacts(broker);
  const names = BROKER_NAMES[broker];

  it('has its names and its dead-letter target', () => {
    for (const word of [names.label, names.short, names.queueNoun, names.help, facts.deadLetter]) {
      expect(word.trim()).not.toBe('');
    }
    expect(names.help.startsWith(broker)).toBe(true);
  });

  it('lists settings of the registry, each once, each control with a label and a hint', () => {
    const keys = facts.settings.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { key, control } of facts.settings) {
      expect(findSetting(key), key).toBeDefined();
      if (control) {
        expect(control.label.trim()).not.toBe('');
        expect(control.hint.trim()).not.toBe('');
      }
    }
    for (const key of [facts.lease.setting, facts.lease.callSetting]) {
      if (key !== null) expect(findSetting(key), key).toBeDefined();
    }
  });

  it('has a close-up title exactly when a run has something to show, in the words it needs', () => {
    const seen = holding(broker).inspectBroker(12);
    expect(facts.closeupTitle !== null).toBe(seen !== null);
    expect(facts.leaseWords !== undefined).toBe(seen?.kind === 'leases');
    expect(names.partitioned).toBe(seen?.kind === 'partitions');
    expect(facts.prefetches).toBe(seen?.kind === 'prefetch');
    if (seen) expect(seen.broker).toBe(broker);
  });

  it('drops a message past its limit with no dead-letter target exactly when it says it drops', () => {
    const r = givenUp(broker).report(broker);
    expect(r.emails.dropped > 0).toBe(facts.drops);
  });
});
