// A setting's facts live in one registry entry (issue 25, item 3): every consumer (the link
// parser, live changes, the command line's warnings, What if? and the control panel's labels)
// reads them from it. Each case walks every entry of the registry, so a new setting is held to
// all of them with no second list to update; the last shows that the consumers name no setting
// keys of their own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whatIfPoints, whatIfSettingsFor, WHATIF_SETTINGS } from '../../src/analysis/whatif.ts';
import { parseWhatIfParam, WHATIF_SETTING_KEYS } from '../../src/analysis/whatifParam.ts';
import {
  ADVANCED_CONTROLS,
  BROKER_CONTROL,
  EMAIL_CONTROLS,
  LATENCY_CONTROLS,
  LOAD_CONTROLS,
} from '../../src/components/controls/controlSpecs.ts';
import { DUAL_WRITE_CONTROLS } from '../../src/components/controls/dualWriteSpecs.ts';
import { checkChange, validateChange } from '../../src/engine/changes.ts';
import {
  buildConfig,
  defaultConfig,
  findSetting,
  inertSettings,
  isSettingKey,
  numericSetting,
  parseSettingKey,
  RANKED_SWEEPS,
  SETTINGS,
  Simulation,
  type Setting,
  type SettingKey,
} from '../../src/engine/index.ts';
import { linkKeys } from '../../src/url/linkSettings.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';

const checkout = defaultConfig().flow;
const defaultOf = (s: Setting) => s.read(defaultConfig());

/** A value other than the default, where the setting has one to hand: a change to it is a real
 * change, not a no-op the engine might skip. */
function otherValue(s: Setting): string {
  const now = defaultOf(s);
  if (s.kind === 'choice') return s.choices.find((c) => c !== now) ?? now;
  if (s.kind === 'text') return '10-20';
  if (s.kind === 'latency') return String(Number(now) + 10);
  const next = s.integer ? Number(now) + 1 : (Number(now) + s.max) / 2;
  return String(next <= s.max ? next : s.min);
}

describe('every registry entry', () => {
  it.each(SETTINGS.map((s) => [s.key, s] as const))(
    '%s has a label and a description of its own',
    (_key, s) => {
      expect(s.label.trim().length).toBeGreaterThan(0);
      expect(s.description.trim().length).toBeGreaterThan(0);
      expect(SETTINGS.filter((o) => o.label === s.label).map((o) => o.key)).toEqual([s.key]);
    },
  );

  it.each(SETTINGS.map((s) => [s.key, s] as const))(
    '%s is read from a link, checked, and written back',
    (key, s) => {
      expect(linkKeys(checkout)).toContain(key);
      const value = otherValue(s);
      const { state, notices } = parseParams(`?${key}=${encodeURIComponent(value)}`);
      expect(notices).toEqual([]);
      expect(state.settings[key]).toBe(value);
      expect(serializeState(state)).toContain(`${key}=`);
      expect(parseSettingKey(key)).toEqual({ key });
    },
  );

  it.each(SETTINGS.map((s) => [s.key, s] as const))(
    '%s changes a running run as its entry says, or is refused mid-run if it must restart',
    (key, s) => {
      const value = otherValue(s);
      const problem = validateChange(null, key, value);
      if (s.live === 'restart') {
        expect(problem).toBe(
          `${key} can only be set before the run starts (restart the run with it instead)`,
        );
        return;
      }
      expect(problem).toBeUndefined();
      const sim = new Simulation({
        config: buildConfig({ 'traffic.pattern': 'steady', 'traffic.rate': 5 }),
        mode: 'async',
        seed: 1,
        durationMs: 4000,
        changes: [],
      });
      sim.runUntil(1000);
      sim.change(key, value);
      expect(findSetting(key)!.read(sim.config)).toBe(s.read(buildConfig({ [key]: value })));
      sim.runToSettle(60_000);
      expect(sim.report('facts').stopped ?? null).toBeNull();
    },
  );

  it.each(SETTINGS.map((s) => [s.key, s] as const))(
    '%s is warned about where its entry says it does nothing',
    (key, s) => {
      const sync = inertSettings([key], defaultConfig(), 'sync');
      expect(sync.some((w) => w.includes('sync mode'))).toBe(s.asyncOnly === true);
      const only = s.onlyWhen;
      if (!only) return;
      expect(isSettingKey(only.governs)).toBe(true);
      // A config in which the governing setting leaves this one idle.
      const idle = [defaultConfig(), buildConfig({ 'traffic.pattern': 'single' })].find(
        (c) => !only.holds(c),
      );
      if (idle) {
        expect(inertSettings([key], idle, 'async')).toContain(
          `${key} does nothing in this run: ${only.why}`,
        );
        expect(inertSettings([key], idle, 'async', [only.governs as SettingKey])).toEqual([]);
      }
    },
  );

  it.each(SETTINGS.map((s) => [s.key, s] as const))(
    '%s is in What if? and its link exactly when its entry ranks a sweep',
    (key, s) => {
      const ranked = s.sweep?.rank !== undefined;
      expect(WHATIF_SETTING_KEYS.includes(key)).toBe(ranked);
      expect(WHATIF_SETTINGS.some((w) => w.key === key)).toBe(ranked);
      const parsed = parseWhatIfParam(key);
      expect(typeof parsed === 'string').toBe(s.sweep === undefined);
      if (!s.sweep) return;
      expect(whatIfSettingsFor(checkout).some((w) => w.key === key)).toBe(true);
      const range = numericSetting(key)!;
      const points = whatIfPoints(key, defaultOf(s));
      expect(points.length).toBeGreaterThanOrEqual(20);
      expect(points[0]!.x).toBe(Math.max(s.sweep.from, range.min));
      expect(points.at(-1)!.x).toBeLessThanOrEqual(range.max);
    },
  );
});

describe('the control panel', () => {
  const specs = [
    ...LATENCY_CONTROLS,
    ...EMAIL_CONTROLS,
    ...LOAD_CONTROLS,
    ...ADVANCED_CONTROLS,
    BROKER_CONTROL,
    ...Object.values(DUAL_WRITE_CONTROLS),
  ];

  it.each(specs.map((spec) => [spec.key, spec] as const))(
    '%s is labelled with its registry entry’s label',
    (key, spec) => {
      expect(spec.label).toBe(findSetting(key)!.label);
    },
  );
});

describe('What if?’s list', () => {
  it('is the registry’s ranked sweeps, in rank order', () => {
    expect(WHATIF_SETTING_KEYS).toEqual(RANKED_SWEEPS.map((s) => s.key));
    const ranks = RANKED_SWEEPS.map((s) => s.sweep!.rank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('the consumers of the registry', () => {
  it('name no setting key of their own: a new setting needs no edit in them', () => {
    const files = [
      'src/engine/changes.ts',
      'src/analysis/whatifChoices.ts',
      'src/analysis/whatifParam.ts',
    ];
    const named = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return SETTINGS.filter((s) => text.includes(`'${s.key}'`)).map((s) => `${file}: ${s.key}`);
    });
    expect(named).toEqual([]);
  });

  it('catch a key that is no setting once, where it comes in, with the list of keys', () => {
    expect(parseSettingKey('workers.cuont')).toEqual({
      error: expect.stringMatching(/^unknown setting 'workers\.cuont'; known settings: /),
    });
    expect(parseSettingKey('steps.transcode.latency')).toEqual({ key: 'steps.transcode.latency' });
    expect(() => checkChange({ atMs: 0, key: 'workers.count', value: 'many' })).toThrow(
      /workers\.count=many is not allowed/,
    );
  });
});
