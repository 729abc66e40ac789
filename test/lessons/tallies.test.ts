// The lanes' tallies: which outcomes show, their numbers from the engine's report, and their words.
import { describe, expect, it } from 'vitest';
import { Simulation, report } from '../../src/engine/index.ts';
import { talliesOf } from '../../src/lessons/tallies.ts';
import { findScenario, scenarioChanges, scenarioConfig } from '../../src/scenarios/index.ts';

/** A lesson's report in one mode, run to the end as the command line runs it. */
function lessonReport(id: string, mode: 'sync' | 'async') {
  const scenario = findScenario(id)!;
  const durationMs = scenario.durationSec * 1000;
  const sim = new Simulation({
    config: scenarioConfig(scenario),
    mode,
    seed: scenario.seed,
    durationMs,
    changes: scenarioChanges(scenario),
  });
  sim.runToSettle(durationMs + 600_000);
  return report(sim.state, id);
}

describe('talliesOf', () => {
  it('counts the outage lesson as its caption asks: error pages and emails never sent', () => {
    const sync = lessonReport('email-outage', 'sync');
    const named = findScenario('email-outage')!.tallies!;
    const texts = talliesOf(sync, named).map((t) => t.text);
    expect(texts).toContain(`${sync.orders.failed} error pages`);
    expect(texts).toContain(`${sync.emails.lost} customers with no email`);
    expect(sync.orders.failed).toBeGreaterThan(0);
    const asyncTexts = talliesOf(lessonReport('email-outage', 'async'), named).map((t) => t.text);
    expect(asyncTexts).toContain('0 error pages');
    expect(asyncTexts).toContain('0 customers with no email');
  });

  it('shows a zero only when the lesson names it, and never a queue outcome in sync', () => {
    const sync = lessonReport('checkout', 'sync');
    expect(talliesOf(sync, []).map((t) => t.key)).toEqual(['emailsSent']);
    expect(talliesOf(sync, ['errorPages', 'deadLetters']).map((t) => t.key)).toEqual([
      'errorPages',
      'emailsSent',
    ]);
  });

  it('reads as a sentence in the singular too', () => {
    const one = lessonReport('checkout', 'async');
    expect(talliesOf(one, []).map((t) => t.text)).toEqual(['1 email sent']);
  });

  it('counts double charges and duplicates from the report', () => {
    const double = lessonReport('double-charge', 'sync');
    const texts = talliesOf(double, ['doubleCharged']).map((t) => t.text);
    expect(texts).toContain(`${double.orders.doubleCharged} charged twice`);
    expect(double.orders.doubleCharged).toBeGreaterThan(0);
  });
});
