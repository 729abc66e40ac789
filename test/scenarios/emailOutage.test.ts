// The outage lesson promises that async loses no email. Its retry budget is sized to the
// outage, so the promise holds for any worker count a student may try, not just the default.
import { describe, expect, it } from 'vitest';
import { report, Simulation } from '../../src/engine/index.ts';
import { findScenario, scenarioChanges, scenarioConfig } from '../../src/scenarios/index.ts';

const scenario = findScenario('email-outage')!;

describe('the email-outage lesson in async mode', () => {
  it('emails every customer, dead-letters nothing, with any worker count from 1 to 50', () => {
    const failures: string[] = [];
    for (let workers = 1; workers <= 50; workers++) {
      const sim = new Simulation({
        config: scenarioConfig(scenario, { 'workers.count': workers }),
        mode: 'async',
        seed: scenario.seed,
        durationMs: scenario.durationSec * 1000,
        changes: scenarioChanges(scenario),
      });
      expect(sim.runToSettle(scenario.durationSec * 1000 + 600_000)).toBe(true);
      const r = report(sim.state, scenario.id);
      if (r.emails.deadLettered > 0 || r.orders.notEmailed > 0 || r.orders.emailed === 0) {
        failures.push(
          `${workers} workers: ${r.emails.deadLettered} dead, ${r.orders.notEmailed} not emailed`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('would lose emails with the default budget of 5 receives and 20 workers (why it is 8)', () => {
    const sim = new Simulation({
      config: scenarioConfig(scenario, { 'workers.count': 20, 'queue.maxReceives': 5 }),
      mode: 'async',
      seed: scenario.seed,
      durationMs: scenario.durationSec * 1000,
      changes: scenarioChanges(scenario),
    });
    sim.runToSettle(scenario.durationSec * 1000 + 600_000);
    expect(report(sim.state, scenario.id).emails.deadLettered).toBeGreaterThan(0);
  });
});
