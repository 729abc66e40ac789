/** Each broker's lease in its own words (`brokerLease`), held to what the run does: a message whose
 * worker crashed comes back when the named setting runs out where the words say it waits for the
 * lease, and at the crash where they say it does not. One order, two workers, server steps that
 * take no time; worker 0 takes the order at t = 0 and crashes during its 100 ms call. */
import { describe, expect, it } from 'vitest';
import { BROKERS, brokerLease, findSetting, type Broker } from '../../src/engine/index.ts';
import { entries, logged, settle, QUIET_CHECKOUT } from './support/trace.ts';

const LEASE_MS = 1000;

function crashOnce(broker: Broker) {
  const lease = brokerLease(broker);
  return settle(
    logged({
      mode: 'async',
      settings: {
        ...QUIET_CHECKOUT,
        'queue.broker': broker,
        'queue.partitions': 1,
        'workers.count': 2,
        'workers.crashRate': 1,
        'workers.restart': 100_000,
        ...(lease.setting === 'queue.consumerTimeout'
          ? {}
          : lease.setting
            ? { [lease.setting]: LEASE_MS }
            : {}),
      },
      changes: [
        { atMs: 0, key: 'orders.place', value: 1 },
        { atMs: 1, key: 'workers.crashRate', value: 0 },
      ],
    }),
  );
}

describe.each(BROKERS.map((b) => [b] as const))('the %s broker’s lease', (broker) => {
  const lease = brokerLease(broker);

  it('has a name exactly when it has a setting, and the setting is one of the registry’s', () => {
    expect(lease.name === '').toBe(lease.setting === null);
    if (lease.setting) expect(findSetting(lease.setting)?.key).toBe(lease.setting);
  });

  it(`brings a crashed worker’s message back as its words say`, () => {
    const log = entries(crashOnce(broker));
    const crash = log.find((e) => e.kind === 'workerCrashed')!;
    const received = log.filter((e) => e.kind === 'messageReceived').map((e) => e.t);
    if (broker === 'ideal' && crash.kind === 'workerCrashed' && crash.afterSend) {
      // The ideal broker knows the email went out: nothing comes back.
      expect(received).toEqual([0]);
      return;
    }
    expect(received).toHaveLength(2);
    if (!lease.crashWaitsForLease) expect(received[1]).toBe(crash.t);
    else if (broker === 'kafka') expect(received[1]).toBe(crash.t + LEASE_MS);
    else expect(received[1]).toBe(received[0]! + LEASE_MS);
  });
});
