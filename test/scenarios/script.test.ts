// Captions that tell the truth: every beat of every lesson is walked against the engine, and what
// each caption claims must hold in the lanes at the moment it shows.
import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { beatMs } from '../../src/scenarios/beats.ts';
import { describeFact, LaneProbe, ordersIn, type Fact } from '../../src/scenarios/facts.ts';
import {
  findScenario,
  scenarioLanes,
  scenarioRecipe,
  type Beat,
  type Scenario,
} from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import {
  resolveScript,
  SCRIPT_EVENT_BUDGET,
  whenOf,
  WHEN_GRID_MS,
} from '../../src/scenarios/script.ts';

/** Every fact a beat names: its `when` and its claims. */
const factsOf = (beat: Beat): Fact[] => [...whenOf(beat), ...(beat.claims ?? [])];

/** The beat as it would be bound to its clock time: what it waits for becomes what it claims. */
function onTheClock(beat: Beat): Beat {
  const clocked: Beat = { ...beat, claims: factsOf(beat) };
  delete clocked.when;
  return clocked;
}

/** Both lanes of a lesson's own run, probed for the orders its captions name. */
function probesOf(scenario: Scenario) {
  const recipe = scenarioRecipe(scenario);
  const watched = ordersIn(scenario.beats.flatMap(factsOf));
  return {
    sync: new LaneProbe(Simulation.fromRecipe(recipe, 'sync'), watched),
    async: new LaneProbe(Simulation.fromRecipe(recipe, 'async'), watched),
  };
}

describe('every lesson’s script, resolved against its own run', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: keeps every caption, each at a moment where all it claims holds`, () => {
      const script = resolveScript(scenario, scenarioRecipe(scenario));
      expect(script.leftOut.map((l) => `${l.index}: ${l.why}`)).toEqual([]);
      expect(script.beats).toHaveLength(scenario.beats.length);
      // Words that follow the broker are filled in: no "{lease}" reaches the screen.
      expect(script.beats.filter((b) => /[{}]/.test(b.caption))).toEqual([]);

      // Walk the beats again with a fresh run, independently of the resolver: at each resolved
      // moment, every claim and every `when` fact holds in its lane.
      const probes = probesOf(scenario);
      let claims = 0;
      let previous = -1;
      for (const beat of script.beats) {
        const t = beatMs(beat);
        expect(t, `${scenario.id}: captions in order`).toBeGreaterThan(previous);
        previous = t;
        probes.sync.advanceTo(t);
        probes.async.advanceTo(t);
        for (const fact of factsOf(beat)) {
          claims++;
          expect(
            probes[fact.lane].holds(fact, scenario.id),
            `${scenario.id} at ${t / 1000} s: ${describeFact(fact)}`,
          ).toBe(true);
        }
      }
      expect(claims).toBeGreaterThan(0);
    });
  }

  it('shows a caption bound to a fact at the first moment of the grid at which it holds', () => {
    for (const scenario of SCENARIOS) {
      const script = resolveScript(scenario, scenarioRecipe(scenario));
      const probes = probesOf(scenario);
      script.beats.forEach((beat, i) => {
        const when = whenOf(scenario.beats[i]!);
        const t = beatMs(beat);
        const before = t - WHEN_GRID_MS;
        // Only where the caption was moved later than its earliest moment by its fact.
        if (when.length === 0 || before < beatMs(scenario.beats[i]!)) return;
        probes.sync.advanceTo(before);
        probes.async.advanceTo(before);
        const heldBefore = when.every((f) => probes[f.lane].holds(f, scenario.id) === true);
        expect(heldBefore, `${scenario.id}: "${beat.caption}" one grid step early`).toBe(false);
        probes.sync.advanceTo(t);
        probes.async.advanceTo(t);
      });
    }
  });
});

describe('a caption ahead of its picture', () => {
  it('is left out, naming the claim that fails (traffic-spike’s give-ups, on the old clock time)', () => {
    const spike = findScenario('traffic-spike')!;
    // The caption as it was: at 27 s, with what it says as claims rather than as its trigger.
    const beats = spike.beats.map(onTheClock);
    const script = resolveScript({ ...spike, beats }, scenarioRecipe(spike));
    expect(script.leftOut).toHaveLength(1);
    expect(script.leftOut[0]!.index).toBe(4);
    expect(script.leftOut[0]!.why).toBe(
      'it no longer holds at 27 s (sync orders.timedOut is at least 1)',
    );
  });

  it('double-charge’s second charge, on the old clock time of 8 s, is left out', () => {
    const lesson = findScenario('double-charge')!;
    const script = resolveScript(
      { ...lesson, beats: lesson.beats.map(onTheClock) },
      scenarioRecipe(lesson),
    );
    expect(script.leftOut.map((l) => l.index)).toEqual([1, 2, 3]);
  });

  it('a run the user changed leaves out the captions that no longer happen, and says why', () => {
    const spike = findScenario('traffic-spike')!;
    // Enough handlers for the whole spike: nobody gives up.
    const recipe = scenarioRecipe(spike, { 'server.handlers': 400 });
    const script = resolveScript(spike, recipe);
    const why = script.leftOut.map((l) => `${l.index}: ${l.why}`);
    expect(why).toContain('3: it no longer holds at 20 s (sync server.handlers is 50)');
    expect(why.some((w) => w.startsWith('4: it never happens in this run'))).toBe(true);
    expect(script.beats.map((b) => b.caption)).toContain(spike.beats[0]!.caption);
  });

  it('a change too heavy to check leaves the later captions out as such, within its budget', () => {
    const spike = findScenario('traffic-spike')!;
    const heavy = scenarioRecipe(spike, { 'traffic.rate': 10_000 });
    // Count the events the resolution's two runs spend.
    const made: Simulation[] = [];
    const fromRecipe = Simulation.fromRecipe.bind(Simulation);
    const spy = vi.spyOn(Simulation, 'fromRecipe').mockImplementation((...args) => {
      const sim = fromRecipe(...args);
      made.push(sim);
      return sim;
    });
    const script = resolveScript(spike, heavy);
    spy.mockRestore();
    const spent = made.reduce((n, sim) => n + sim.events, 0);
    // Each lane's engine stops at half the budget, checked every 65,536 events.
    expect(spent).toBeLessThanOrEqual(SCRIPT_EVENT_BUDGET + 2 * 65_536);
    expect(script.leftOut.length).toBeGreaterThan(0);
    const last = script.leftOut[script.leftOut.length - 1]!;
    expect(last.index).toBe(spike.beats.length);
    expect(last.why).toBe('the run is too heavy to check this caption against');
  });
});

describe('what captions claim', () => {
  /** Words that state a number, a count, an order or a comparison. */
  const STATES_SOMETHING = /\d|\b(more|less|fewer|largest|most|none|every|each|all|twice|again)\b/i;

  it('every caption that says a number, an order or a comparison has a claim', () => {
    for (const scenario of SCENARIOS) {
      for (const beat of scenario.beats) {
        if (!STATES_SOMETHING.test(beat.caption)) continue;
        expect(factsOf(beat).length, `${scenario.id}: "${beat.caption}"`).toBeGreaterThan(0);
      }
    }
  });

  it('claims only what the lesson’s lanes show', () => {
    for (const scenario of SCENARIOS) {
      const lanes = scenarioLanes(scenario);
      for (const beat of scenario.beats) {
        for (const fact of factsOf(beat)) {
          expect(lanes, `${scenario.id}: ${describeFact(fact)}`).toContain(fact.lane);
        }
      }
    }
  });

  it('a caption that names an order claims something about that order', () => {
    for (const scenario of SCENARIOS) {
      for (const beat of scenario.beats) {
        const named = /\b[Oo]rder (\d+)/.exec(beat.caption);
        if (!named) continue;
        expect(ordersIn(factsOf(beat)), `${scenario.id}: "${beat.caption}"`).toContain(
          Number(named[1]),
        );
      }
    }
  });

  it('count, in all: beats and claims walked', () => {
    const beats = SCENARIOS.reduce((n, s) => n + s.beats.length, 0);
    const claims = SCENARIOS.reduce((n, s) => n + s.beats.flatMap(factsOf).length, 0);
    // Printed for the record (the closing note reports it); the walk above checks each.
    console.info(`script: ${beats} beats, ${claims} facts in ${SCENARIOS.length} lessons`);
    expect(claims).toBeGreaterThanOrEqual(beats);
  });
});

describe('captions in the broker’s own words', () => {
  const crash = findScenario('worker-crash')!;
  const under = (broker: string) =>
    resolveScript(crash, scenarioRecipe(crash, { 'queue.broker': broker as 'sqs' }));

  it('name SQS’s visibility timeout and Redis’ min-idle time, with the length in force', () => {
    expect(under('sqs').beats[1]!.caption).toMatch(/until its 10 s visibility timeout runs out/);
    const redis = under('redis');
    expect(redis.leftOut).toEqual([]);
    expect(redis.beats[1]!.caption).toMatch(/until its 30 s min-idle time runs out/);
    expect(redis.beats[2]!.caption).toMatch(/^Order 9’s min-idle time ran out/);
  });

  it('leave out the lease captions where the broker gives a crashed worker’s message back at once', () => {
    const rabbit = under('rabbitmq');
    expect(rabbit.leftOut.map((l) => l.index)).toEqual([2, 3]);
    expect(rabbit.leftOut[0]!.why).toMatch(/holds a crashed worker's message/);
    expect(rabbit.beats.every((b) => !b.caption.includes('{'))).toBe(true);
  });
});
