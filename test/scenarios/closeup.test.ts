// The lessons that open the broker close-up when they load: each shows the async lane, with a
// broker that has a close-up.
import { describe, expect, it } from 'vitest';
import { scenarioConfig, scenarioLanes } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';

describe('a lesson that opens the broker close-up', () => {
  it('shows the async lane and a broker that has a close-up (not the ideal one)', () => {
    const opening = SCENARIOS.filter((s) => s.closeup);
    expect(opening.map((s) => s.id).sort()).toEqual(
      [
        'kafka-poison',
        'poison-message',
        'rabbitmq-drop',
        'slow-email',
        'too-few-workers',
        'worker-crash',
      ].sort(),
    );
    for (const scenario of opening) {
      expect(scenarioLanes(scenario), scenario.id).toContain('async');
      expect(scenarioConfig(scenario).queue.broker, scenario.id).not.toBe('ideal');
    }
  });
});
