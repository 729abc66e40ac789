// Engine checkpoints: the state is plain data that structuredClone copies whole, and a run
// resumed from a checkpoint goes on exactly as the run it was taken from.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { graphDifference } from './support/sameGraph.ts';
import { BROKERS, buildConfig, Simulation, type Broker } from '../../src/engine/index.ts';

const busy = () =>
  new Simulation({
    config: buildConfig({
      'traffic.pattern': 'steady',
      'traffic.rate': 8,
      'email.failureRate': 0.2,
      'workers.crashRate': 0.05,
    }),
    mode: 'async',
    seed: 7,
    durationMs: 120_000,
    changes: [{ atMs: 30_000, key: 'workers.count', value: 16 }],
    logCapacity: 1024,
  });

/** The run's state as bytes, in the structured-clone format. */
const bytes = (sim: Simulation) => serialize(sim.checkpoint().state);

describe('a checkpoint of a run', () => {
  it('is plain data: a structuredClone round trip gives an equal copy, with nothing lost', () => {
    const sim = busy();
    sim.runUntil(45_000);
    const cp = sim.checkpoint();
    const copy = structuredClone(cp);
    expect(copy).toStrictEqual(cp);
    expect(serialize(copy)).toEqual(serialize(cp));
  });

  it('resumes exactly: restored at 45 s and run to 90 s, the state is byte for byte the run’s', () => {
    const straight = busy();
    straight.runUntil(45_000);
    const cp = straight.checkpoint();
    straight.runUntil(90_000);
    const resumed = Simulation.restore(cp);
    resumed.runUntil(90_000);
    expect(resumed.now).toBe(90_000);
    expect(bytes(resumed)).toEqual(bytes(straight));
  });

  it('stays usable: the run it came from and earlier restores do not change it', () => {
    const sim = busy();
    sim.runUntil(20_000);
    const cp = sim.checkpoint();
    const before = serialize(cp);
    sim.runUntil(60_000);
    Simulation.restore(cp).runUntil(60_000);
    expect(serialize(cp)).toEqual(before);
  });

  it('leaves the log out, and a restore may start a fresh one', () => {
    const sim = busy();
    sim.runUntil(10_000);
    const quiet = Simulation.restore(sim.checkpoint());
    quiet.runUntil(20_000);
    expect(quiet.readLog(0).entries).toEqual([]);
    const logged = Simulation.restore(sim.checkpoint(), 64);
    logged.runUntil(20_000);
    expect(logged.readLog(0).entries.length).toBeGreaterThan(0);
  });
});

describe('a restore', () => {
  /** A busy run of every broker with crashes, retries, user retries and a timeout or two, so that
   * every kind of object the state holds is there to copy. */
  const run = (mode: 'sync' | 'async', broker: Broker) =>
    new Simulation({
      config: buildConfig({
        'queue.broker': broker,
        'traffic.pattern': 'steady',
        'traffic.rate': 12,
        'email.failureRate': 0.3,
        'workers.crashRate': 0.1,
        'workers.count': 3,
        'users.retryOnError': true,
        'server.timeout': 4000,
        'email.poisonEvery': 17,
      }),
      mode,
      seed: 3,
      durationMs: 60_000,
    });

  for (const mode of ['sync', 'async'] as const) {
    for (const broker of BROKERS) {
      it(`copies a ${mode} run with ${broker} whole, shared objects shared`, () => {
        const sim = run(mode, broker);
        sim.runUntil(40_000);
        const cp = sim.checkpoint();
        const restored = Simulation.restore(cp);
        // Values, key order and sharing (bytes would also compare how V8 stores each number).
        expect(graphDifference(cp.state, restored.state)).toBeNull();
        expect(restored.state.workers.length).toBe(mode === 'async' ? 3 : 0);
      });
    }
  }

  it('copies a Kafka group with workers out of it, its membership tree included', () => {
    const sim = new Simulation({
      config: buildConfig({
        'queue.broker': 'kafka',
        'traffic.pattern': 'steady',
        'traffic.rate': 12,
        'workers.count': 6,
        'workers.crashRate': 0.3,
        'queue.sessionTimeout': 100,
        'workers.restart': 20_000,
      }),
      mode: 'async',
      seed: 3,
      durationMs: 60_000,
    });
    sim.runUntil(40_000);
    expect(sim.state.kafka.groupLeft).toBeGreaterThan(0);
    expect(sim.state.kafka.tree.length).toBeGreaterThan(0);
    const restored = Simulation.restore(sim.checkpoint());
    expect(graphDifference(sim.checkpoint().state, restored.state)).toBeNull();
    sim.runUntil(60_000);
    restored.runUntil(60_000);
    expect(bytes(restored)).toEqual(bytes(sim));
  });

  it('makes new objects: running the restored copy leaves the checkpoint as it was', () => {
    const sim = run('async', 'kafka');
    sim.runUntil(30_000);
    const cp = sim.checkpoint();
    const before = structuredClone(cp.state);
    const restored = Simulation.restore(cp);
    restored.runUntil(50_000);
    expect(restored.now).toBe(50_000);
    expect(graphDifference(before, cp.state)).toBeNull();
    expect(graphDifference(before, restored.state)).not.toBeNull();
  });
});
