/** The brokers' registry as the page uses it: only the default broker (SQS) is registered when the
 * engine loads, a run of another refuses to start with a sentence that says how to load it, and
 * once `loadBroker` has loaded it a seeded run reports exactly what the statically imported
 * presets (all.ts, which the command line and the other tests use) give. Each test takes a fresh
 * copy of the engine's modules (`vi.resetModules`), so nothing registered elsewhere leaks in. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BROKERS,
  buildConfig,
  Simulation,
  type Broker,
  type Report,
} from '../../src/engine/index.ts';

type Engine = typeof import('../../src/engine/index.ts');

/** A fresh engine, as the page has it at start: its modules evaluated anew. */
async function freshEngine(): Promise<Engine> {
  vi.resetModules();
  return import('../../src/engine/index.ts');
}

/** A seeded run with crashes and failures, so that each broker's own rules (leases, returns,
 * rewinds, claims) decide its report. */
function seededReport(engine: Pick<Engine, 'buildConfig' | 'Simulation'>, broker: Broker): Report {
  const sim = new engine.Simulation({
    mode: 'async',
    seed: 7,
    durationMs: 20_000,
    config: engine.buildConfig({
      'queue.broker': broker,
      'traffic.rate': 5,
      'workers.count': 3,
      'workers.crashRate': 0.05,
      'email.failureRate': 0.2,
    }),
  });
  sim.runUntil(Infinity);
  return sim.report(broker);
}

describe('the brokers loaded on demand', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await freshEngine();
  });

  it('has only the default broker registered at start', () => {
    expect(BROKERS.filter((b) => engine.brokerLoaded(b))).toEqual([engine.DEFAULT_BROKER]);
  });

  it.each(BROKERS.filter((b) => b !== 'sqs'))(
    'refuses a %s run before the broker has loaded, naming loadBroker',
    (broker) => {
      const config = engine.buildConfig({ 'queue.broker': broker });
      const start = () =>
        new engine.Simulation({ mode: 'async', seed: 1, durationMs: 1000, config });
      expect(start).toThrow(`the broker '${broker}' has not loaded yet`);
      expect(start).toThrow(`await loadBroker('${broker}')`);
      expect(() => engine.brokerFacts(broker)).toThrow(`await loadBroker('${broker}')`);
    },
  );

  it('refuses the sync lane of an unloaded broker too (its workers are set up all the same)', () => {
    const config = engine.buildConfig({ 'queue.broker': 'kafka' });
    expect(
      () => new engine.Simulation({ mode: 'sync', seed: 1, durationMs: 1000, config }),
    ).toThrow("await loadBroker('kafka')");
  });

  it.each([...BROKERS])(
    'gives a %s run, once loaded, the report of the statically imported preset',
    async (broker) => {
      await engine.loadBroker(broker);
      expect(engine.brokerLoaded(broker)).toBe(true);
      const loaded = seededReport(engine, broker);
      const statically = seededReport({ buildConfig, Simulation }, broker);
      expect(loaded.emails.sent).toBeGreaterThan(0);
      expect(loaded).toEqual(statically);
    },
  );

  it('loads a broker once, however many ask at the same time', async () => {
    const [a, b] = [engine.loadBroker('redis'), engine.loadBroker('redis')];
    expect(a).toBe(b);
    await a;
    expect(engine.brokerLoaded('redis')).toBe(true);
  });

  it('leaves brokersOf (every broker’s settings) to code that registered them all', async () => {
    expect(() =>
      engine.inertSettings(['queue.partitions'], engine.buildConfig({}), 'async'),
    ).toThrow('import queue/all.ts');
    await engine.loadAllBrokers();
    expect(engine.inertSettings(['queue.partitions'], engine.buildConfig({}), 'async')).toEqual([
      'queue.partitions does nothing with queue.broker=sqs; it applies to kafka',
    ]);
  });
});
