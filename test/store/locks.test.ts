// The `lock` parameter as the store enforces it: no control, button, host, lesson or reset
// changes a locked setting; and the store keeps only a few, short setting errors.
import { describe, expect, it } from 'vitest';
import { simulatorTarget } from '../../src/embed/simulatorTarget.ts';
import type { SettingKey } from '../../src/engine/index.ts';
import { DEFAULT_URL_STATE } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

function lockedSimulator(keys: SettingKey[], settings: Record<string, string> = {}) {
  const t = testSimulator();
  const s = t.store.getState();
  if (Object.keys(settings).length > 0) s.restartWith({ settings });
  t.store.getState().setLocked(keys);
  return t;
}

const value = (t: ReturnType<typeof testSimulator>, key: string) => t.store.getState().values[key];

describe('a locked setting', () => {
  it('refuses a change from a control or a host, and keeps its value', () => {
    const t = lockedSimulator(['workers.count'], { 'workers.count': '8' });
    expect(t.store.getState().change('workers.count', '2')).toBe(
      'workers.count is locked on this page (the lock parameter)',
    );
    expect(value(t, 'workers.count')).toBe('8');
    expect(t.store.getState().change('latency.email', '900')).toBeUndefined();
  });

  it('cannot be set by the traffic spike button, whose pattern and moment are locked', () => {
    for (const key of ['traffic.pattern', 'traffic.spikeAt'] as const) {
      const t = lockedSimulator([key]);
      const before = { ...t.store.getState().values };
      expect(t.store.getState().startSpike()).toMatch(
        new RegExp(`the traffic spike would set ${key} to .*, which is locked`),
      );
      expect(t.store.getState().values).toEqual(before);
      expect(t.store.getState().changes).toEqual([]);
    }
  });

  it('keeps the spike’s own settings when they are locked', () => {
    const t = lockedSimulator(['traffic.spikeRate', 'traffic.spikeFor']);
    expect(t.store.getState().change('traffic.spikeRate', '200')).toMatch(/is locked/);
    expect(t.store.getState().change('traffic.spikeFor', '60')).toMatch(/is locked/);
  });

  it('is not changed by a setting that implies it: a rate does not start steady traffic', () => {
    const t = lockedSimulator(['traffic.pattern']);
    expect(value(t, 'traffic.pattern')).toBe('single');
    expect(t.store.getState().change('traffic.rate', '50')).toBe(
      'traffic.rate would set traffic.pattern to steady, which is locked on this page (the lock parameter)',
    );
    expect(value(t, 'traffic.pattern')).toBe('single');
    expect(t.store.getState().changes).toEqual([]);
  });

  it('is kept by loadScenario, with the lesson’s scripted changes to it left out', () => {
    const t = lockedSimulator(['workers.count'], { 'workers.count': '8' });
    expect(t.store.getState().loadScenario('too-few-workers')).toBeUndefined();
    expect(t.store.getState().scenarioId).toBe('too-few-workers');
    expect(value(t, 'workers.count')).toBe('8');
    expect(value(t, 'traffic.rate')).toBe('3');
    expect(t.store.getState().script.some((c) => c.key === 'workers.count')).toBe(false);
    expect(t.store.getState().jumpTo(70_000)).toBeUndefined();
    expect(value(t, 'workers.count')).toBe('8');
  });

  it('keeps the broker through loadScenario and refuses a broker change', () => {
    const t = lockedSimulator(['queue.broker']);
    expect(value(t, 'queue.broker')).toBe('sqs');
    t.store.getState().loadScenario('kafka-poison');
    expect(value(t, 'queue.broker')).toBe('sqs');
    expect(t.store.getState().change('queue.broker', 'kafka')).toMatch(/is locked/);
    expect(value(t, 'queue.broker')).toBe('sqs');
  });

  it('tells the host which locked values loadScenario kept', () => {
    const t = lockedSimulator(['workers.count', 'email.failureRate'], { 'workers.count': '8' });
    const target = simulatorTarget(t.simulator, DEFAULT_URL_STATE, () => {});
    expect(target.loadScenario('too-few-workers')).toEqual({
      note: 'kept workers.count=8: locked on this page (the lock parameter)',
    });
    const quiet = lockedSimulator(['email.failureRate']);
    expect(
      simulatorTarget(quiet.simulator, DEFAULT_URL_STATE, () => {}).loadScenario('checkout'),
    ).toEqual({});
  });

  it('survives reset and restoring the defaults', () => {
    const t = lockedSimulator(['workers.count'], { 'workers.count': '7' });
    t.store.getState().reset();
    expect(value(t, 'workers.count')).toBe('7');
    t.store.getState().restoreDefaults();
    expect(value(t, 'workers.count')).toBe('7');
    t.store.getState().loadScenario('checkout');
    t.store.getState().reset();
    expect(value(t, 'workers.count')).toBe('7');
  });
});

describe('the setting errors the store keeps', () => {
  it('are the latest five, and never for keys that are not settings', () => {
    const t = testSimulator();
    // Cast as an untyped caller (plain JavaScript) would pass them: the type forbids them.
    for (let i = 0; i < 5000; i++) t.store.getState().change(`junk.${i}` as SettingKey, 'x');
    expect(t.store.getState().errors).toEqual({});
    const keys: SettingKey[] = ['workers.count', 'latency.email', 'latency.save', 'server.timeout'];
    for (const key of [...keys, 'retry.base', 'queue.maxReceives'] as const) {
      t.store.getState().change(key, '-1');
    }
    expect(Object.keys(t.store.getState().errors)).toEqual([
      'latency.email',
      'latency.save',
      'server.timeout',
      'retry.base',
      'queue.maxReceives',
    ]);
  });

  it('quote a huge value cut at 60 characters, in the store and in the reply', () => {
    const t = testSimulator();
    const huge = '9'.repeat(1 << 20);
    const reply = t.store.getState().change('workers.count', huge)!;
    expect(reply.length).toBeLessThan(200);
    expect(reply).toContain(`${'9'.repeat(60)}…`);
    expect(t.store.getState().errors['workers.count']).toBe(reply);
    const unknown = t.store.getState().change('k'.repeat(1 << 20) as SettingKey, '1')!;
    expect(unknown.length).toBeLessThan(1000);
  });
});
