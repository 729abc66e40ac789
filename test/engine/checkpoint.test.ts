// Engine checkpoints: the state is plain data that structuredClone copies whole, and a run
// resumed from a checkpoint goes on exactly as the run it was taken from.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildConfig, Simulation } from '../../src/engine/index.ts';

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
