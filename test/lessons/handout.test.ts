// A lesson's handout as data (lessons/handout.ts): its numbers are the engine's for the lesson's
// own run, as the command line computes them once the run has settled and as a run stopped at
// the last caption reads; its captions sit at the moments the engine resolves, not at their
// written `atSec`; and every lesson has a question, an answer and discussion questions.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import { runScenario } from '../../src/cli/runScenario.ts';
import { Simulation, type Report } from '../../src/engine/index.ts';
import { formatMetric, formatTime } from '../../src/format/index.ts';
import { handoutOf } from '../../src/lessons/handout.ts';
import { talliesOf } from '../../src/lessons/tallies.ts';
import { beatMs } from '../../src/scenarios/beats.ts';
import {
  findScenario,
  readMetric,
  scenarioChanges,
  scenarioConfig,
  scenarioLanes,
  scenarioRecipe,
  type Lane,
  type Scenario,
} from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { resolveScript } from '../../src/scenarios/script.ts';

/** The lane as `npm run simulate -- --scenario ID --mode LANE` reports it (drained 600 s). */
function fromCommandLine(scenario: Scenario, lane: Lane): Report {
  const parsed = parseArgs(['--scenario', scenario.id, '--mode', lane]);
  if (!parsed.ok) throw new Error(parsed.error);
  return runScenario(scenario, parsed.options);
}

/** The lane's report at `atMs`, from a simulation built from the scenario's config. */
function at(scenario: Scenario, lane: Lane, atMs: number): Report {
  const sim = new Simulation({
    config: scenarioConfig(scenario),
    mode: lane,
    seed: scenario.seed,
    durationMs: scenario.durationSec * 1000,
    changes: scenarioChanges(scenario),
  });
  sim.runUntil(atMs);
  return sim.report(scenario.id);
}

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('the %s handout', (_id, scenario) => {
  const handout = handoutOf(scenario);
  const { reveal } = scenario.prediction;

  it('gives the reveal and the tallies the command line gives once the run has settled', () => {
    expect(handout.end.settled).toBe(true);
    expect(handout.reveal.atEnd).toBe(
      formatMetric(
        reveal.metric,
        readMetric(fromCommandLine(scenario, reveal.lane), reveal.metric),
      ),
    );
    expect(handout.lanes.map((l) => l.lane)).toEqual(scenarioLanes(scenario));
    for (const lane of handout.lanes) {
      const cli = fromCommandLine(scenario, lane.lane);
      expect(lane.atEnd).toEqual(talliesOf(cli, scenario.tallies).map((t) => t.text));
    }
  });

  it('gives the numbers of a run stopped at its last caption, at that caption’s moment', () => {
    const last = handout.captions.at(-1)!;
    expect(handout.lastCaption.atMs).toBe(last.atMs);
    expect(handout.lastCaption.label).toContain(formatTime(last.atMs));
    expect(handout.reveal.atLastCaption).toBe(
      formatMetric(reveal.metric, readMetric(at(scenario, reveal.lane, last.atMs), reveal.metric)),
    );
    for (const lane of handout.lanes) {
      const report = at(scenario, lane.lane, last.atMs);
      expect(lane.atLastCaption).toEqual(talliesOf(report, scenario.tallies).map((t) => t.text));
    }
  });

  it('lists every caption once, in order, none left out, with the answer and 3-4 questions', () => {
    // As the lesson shows them: resolved against its run, the broker's words filled in.
    const shown = resolveScript(scenario, scenarioRecipe(scenario)).beats;
    expect(handout.captions.map((c) => c.text)).toEqual(shown.map((b) => b.caption));
    expect(handout.captions).toHaveLength(scenario.beats.length);
    expect(handout.leftOut).toEqual([]);
    const moments = handout.captions.map((c) => c.atMs);
    expect([...moments].sort((a, b) => a - b)).toEqual(moments);
    for (const c of handout.captions) expect(c.at).toBe(formatTime(c.atMs));
    expect(scenario.prediction.options.map((o) => o.label)).toContain(handout.answer);
    expect(handout.discussion.length).toBeGreaterThanOrEqual(3);
    expect(handout.discussion.length).toBeLessThanOrEqual(4);
    for (const q of handout.discussion) expect(q).toContain('?');
    expect(JSON.stringify(handout)).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the captions’ moments', () => {
  it('are the engine’s resolved moments, not the written clock times', () => {
    // Order 47's caption waits for its async email to fail, 30.35 s, not its written 30 s.
    const outage = findScenario('email-outage')!;
    const written = outage.beats[2]!;
    const shown = handoutOf(outage).captions[2]!;
    expect(shown.text).toBe(written.caption);
    expect(shown.atMs).toBeGreaterThan(beatMs(written));
    expect(shown.at).not.toBe(formatTime(beatMs(written)));
  });
});
