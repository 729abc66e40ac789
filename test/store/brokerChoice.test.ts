/** Picking a broker whose preset has not loaded (the side panel's picker, a host's `set`): the run
 * keeps its broker until the new one is there, then restarts with it, and a choice made
 * meanwhile wins over one that arrives later. A fresh copy of the engine and the store
 * (`vi.resetModules`) has only the default broker registered, as the page has at start. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../support/simulator.ts';

type Engine = typeof import('../../src/engine/index.ts');
type Store = typeof import('../../src/store/simulatorStore.ts');

let engine: Engine;
let store: Store;

beforeEach(async () => {
  vi.resetModules();
  engine = await import('../../src/engine/index.ts');
  store = await import('../../src/store/simulatorStore.ts');
});

function fresh() {
  return store.createSimulator({ clock: manualClock(), autoplay: false });
}

const brokerOf = (s: ReturnType<typeof fresh>) => s.store.getState().values['queue.broker'];

describe('a broker chosen before it has loaded', () => {
  it('keeps the run on its broker until the new one is there, then restarts with it', async () => {
    const sim = fresh();
    expect(engine.brokerLoaded('kafka')).toBe(false);
    expect(sim.store.getState().change('queue.broker', 'kafka')).toBeUndefined();
    expect(brokerOf(sim)).toBe('sqs');
    await engine.loadBroker('kafka');
    await Promise.resolve();
    expect(brokerOf(sim)).toBe('kafka');
    expect(sim.lane('async').config.queue.broker).toBe('kafka');
    expect(sim.store.getState().errors['queue.broker']).toBeUndefined();
  });

  it('applies the latest choice, whichever broker arrives last', async () => {
    const sim = fresh();
    sim.store.getState().change('queue.broker', 'kafka');
    sim.store.getState().change('queue.broker', 'redis');
    await Promise.all([engine.loadBroker('kafka'), engine.loadBroker('redis')]);
    await Promise.resolve();
    expect(brokerOf(sim)).toBe('redis');
  });

  it('drops a pending broker when one already here is chosen after it', async () => {
    const sim = fresh();
    sim.store.getState().change('queue.broker', 'rabbitmq');
    sim.store.getState().change('queue.broker', 'sqs');
    await engine.loadBroker('rabbitmq');
    await Promise.resolve();
    expect(brokerOf(sim)).toBe('sqs');
  });

  it('drops a pending broker when a lesson opens before it arrives', async () => {
    const sim = fresh();
    const lessons = await import('../../src/scenarios/load.ts');
    await lessons.loadLesson('slow-email');
    sim.store.getState().change('queue.broker', 'redis');
    expect(sim.store.getState().loadScenario('slow-email')).toBeUndefined();
    await engine.loadBroker('redis');
    await Promise.resolve();
    expect(sim.store.getState().scenarioId).toBe('slow-email');
    expect(brokerOf(sim)).toBe('sqs');
  });

  it('refuses a value that is not a broker at once, as before', () => {
    const sim = fresh();
    expect(sim.store.getState().change('queue.broker', 'nats')).toMatch(/one of/);
    expect(brokerOf(sim)).toBe('sqs');
  });
});
