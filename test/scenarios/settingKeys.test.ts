// Setting keys are a type: a misspelt key in a scenario, a timed change, the store's `change`,
// the link layer's state and calls, or the command line's settings does not compile. The
// `@ts-expect-error` lines are the test: `npm test` type-checks this file (tsconfig includes
// test/), and tsc fails on any of them that stops being an error, as every one does if the key
// type widens to string. Strings from outside (links, the command line, a host page) go through
// the `isSettingKey` guard.
import { describe, expect, it } from 'vitest';
import { parseArgs, type CliOptions } from '../../src/cli/args.ts';
import { planScenario } from '../../src/cli/runScenario.ts';
import { simulatorTarget } from '../../src/embed/simulatorTarget.ts';
import {
  isSettingKey,
  SETTINGS,
  unknownSetting,
  type SettingValues,
  type TimedChange,
} from '../../src/engine/index.ts';
import { type Scenario } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { allNames, valueProblem } from '../../src/url/linkSettings.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { DEFAULT_URL_STATE, type UrlState } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

/** The first lesson whole (its index entry and its content), as the command line reads it. */
const lesson = SCENARIOS.find((s) => s.id === 'checkout')!;

describe('a misspelt setting key', () => {
  it('is a type error in a scenario’s settings and timed changes', () => {
    const misspelt: Scenario = {
      ...lesson,
      settings: {
        'workers.count': 2,
        // @ts-expect-error: 'workers.cuont' is not a setting key.
        'workers.cuont': 3,
      },
      changes: [
        // @ts-expect-error: 'email.dwon' is not a setting key.
        { atSec: 5, key: 'email.dwon', value: true },
      ],
    };
    expect(isSettingKey(Object.keys(misspelt.settings)[1]!)).toBe(false);
  });

  it('is a type error in a timed change and in the settings a run is built from', () => {
    // @ts-expect-error: 'latency.emial' is not a setting key or an action.
    const change: TimedChange = { atMs: 0, key: 'latency.emial', value: 800 };
    // @ts-expect-error: 'traffic.rat' is not a setting key.
    const settings: SettingValues = { 'traffic.rat': 4 };
    expect([change.key, ...Object.keys(settings)].some(isSettingKey)).toBe(false);
  });

  it('is a type error in the store’s change, and refused if an untyped caller passes it', () => {
    const { store } = testSimulator();
    const before = store.getState().values;
    // @ts-expect-error: 'queue.brokr' is not a setting key.
    const problem = store.getState().change('queue.brokr', 'kafka');
    expect(problem).toMatch(/^unknown setting 'queue\.brokr'; known settings: /);
    expect(store.getState().values).toEqual(before);
  });
});

describe('a misspelt setting key in the link layer', () => {
  it('is a type error in the state a link is read into and written from', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      settings: {
        'workers.count': '2',
        // A step's own setting is a template type: any step id the flow may have.
        'steps.sms.latency': '40ms',
        // @ts-expect-error: 'workers.cuont' is not a setting key.
        'workers.cuont': '3',
      },
    };
    expect(serializeState(state)).toContain('workers.count=2');
  });

  it('is a type error in its calls that take a key', () => {
    expect(valueProblem('workers.count', 'many')).toMatch(/^a whole number from 0 to /);
    // @ts-expect-error: 'workers.cuont' is not a setting key.
    expect(() => valueProblem('workers.cuont', '3')).toThrow();
    expect(allNames('latency.charge').sort()).toEqual(['latency.charge', 'steps.charge.latency']);
    // @ts-expect-error: 'latency.chrage' is not a setting key.
    allNames('latency.chrage');
  });
});

describe('a misspelt setting key on the command line', () => {
  const parsed = parseArgs(['--scenario', 'checkout']);
  if (!parsed.ok) throw new Error(parsed.error);
  const options: CliOptions = parsed.options;

  it('is a type error in the settings a run is planned with, and refused if untyped', () => {
    expect(planScenario(lesson, options, { 'workers.count': 2 }).refused).toBeUndefined();
    // @ts-expect-error: 'workers.cuont' is not a setting key.
    const plan = planScenario(lesson, options, { 'workers.cuont': 2 });
    expect(plan.refused).toMatch(/unknown setting 'workers\.cuont'/);
  });

  it('is a type error in the options the parser fills, and refused as text', () => {
    // @ts-expect-error: 'queue.brokr' is not a setting key.
    const misspelt: CliOptions = { ...options, settings: { 'queue.brokr': 'kafka' } };
    expect(Object.keys(misspelt.settings)).toEqual(['queue.brokr']);
    const refused = parseArgs(['--set', 'queue.brokr=kafka']);
    expect(refused.ok).toBe(false);
  });
});

describe('isSettingKey', () => {
  it('takes every key of the registry and nothing else', () => {
    for (const setting of SETTINGS) expect(isSettingKey(setting.key)).toBe(true);
    for (const key of ['queue.brokr', 'orders.place', 'queue.redrive', '', 'workers.count '])
      expect(isSettingKey(key)).toBe(false);
  });

  it('holds for every key the lessons set or change', () => {
    for (const scenario of SCENARIOS) {
      for (const key of Object.keys(scenario.settings)) expect(isSettingKey(key), key).toBe(true);
    }
  });
});

describe('a host page’s set', () => {
  it('refuses a key that is not a setting, with the registry’s list, and changes nothing', () => {
    const t = testSimulator();
    const target = simulatorTarget(t.simulator, DEFAULT_URL_STATE, () => {});
    const before = t.store.getState().changes.length;
    expect(target.set('workers.cuont', '3')).toBe(unknownSetting('workers.cuont'));
    // An action is not a setting: a host places no orders through `set`.
    expect(target.set('orders.place', '3')).toMatch(/^unknown setting 'orders\.place'/);
    expect(t.store.getState().changes.length).toBe(before);
    expect(target.set('workers.count', '3')).toBeUndefined();
    expect(t.store.getState().values['workers.count']).toBe('3');
  });
});
