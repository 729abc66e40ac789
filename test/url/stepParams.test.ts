// A link's step settings (`steps.<id>.latency|failureRate|where`): read against the link's flow,
// refused with the allowed values, applied to both lanes, written back in one order under one
// name (the checkout's older name where it has one), and round-tripped with a preset and a lesson.
import { describe, expect, it } from 'vitest';
import {
  OLDER_STEP_NAMES,
  SETTINGS,
  applySetting,
  buildConfig,
  checkoutFlow,
} from '../../src/engine/index.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { applyUrlState, urlStateOf } from '../../src/url/storeState.ts';
import { DEFAULT_URL_STATE, noticeText } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

type Sim = ReturnType<typeof testSimulator>;
const step = (sim: Sim, mode: 'sync' | 'async', id: string) =>
  sim.simulator.lane(mode).config.flow.steps.find((s) => s.id === id)!;
const linkOf = (sim: Sim) => serializeState(urlStateOf(sim.store.getState(), DEFAULT_URL_STATE));

function opened(search: string) {
  const { state, notices } = parseParams(search);
  const sim = testSimulator();
  applyUrlState(sim.store, state);
  return { sim, state, notices };
}

describe('a link with step settings', () => {
  it('opens a preset flow with its step time and place set, in both lanes', () => {
    const { sim, notices } = opened(
      '?flow=video&steps.transcode.latency=10000&steps.thumbnail.where=request',
    );
    expect(notices).toEqual([]);
    expect(step(sim, 'async', 'transcode').latency).toEqual({ kind: 'constant', ms: 10_000 });
    expect(step(sim, 'sync', 'transcode').latency).toEqual({ kind: 'constant', ms: 10_000 });
    expect(step(sim, 'async', 'thumbnail').where).toBe('request');
    expect(step(sim, 'async', 'transcode').where).toBe('background');
  });

  it('gives back the same link, steps in the flow’s order and each step’s fields in order', () => {
    // Written out of order on purpose: the link comes back in the one order.
    const search =
      '?v=1&flow=video&steps.thumbnail.where=request&steps.transcode.failureRate=0.1' +
      '&workers.count=3&steps.transcode.latency=exp(9000)';
    const { sim, notices } = opened(search);
    expect(notices).toEqual([]);
    expect(linkOf(sim)).toBe(
      '?v=1&flow=video&workers.count=3&steps.transcode.latency=exp(9000)' +
        '&steps.transcode.failureRate=0.1&steps.thumbnail.where=request',
    );
    const again = opened(linkOf(sim));
    expect(linkOf(again.sim)).toBe(linkOf(sim));
  });

  it('with a lesson, moves its charge to the background and writes only that back', () => {
    const search = '?v=1&scenario=checkout&steps.charge.where=background';
    const { sim, notices } = opened(search);
    expect(notices).toEqual([]);
    expect(sim.store.getState().scenarioId).toBe('checkout');
    expect(step(sim, 'async', 'charge').where).toBe('background');
    expect(linkOf(sim)).toBe(search);
  });

  it('with a lesson of its own flow, reads the step against the lesson’s flow', () => {
    const search = '?v=1&scenario=password-check&steps.password.where=request';
    const { sim, notices } = opened(search);
    expect(notices).toEqual([]);
    expect(step(sim, 'async', 'password').where).toBe('request');
    expect(linkOf(sim)).toBe(search);
    expect(
      parseParams('?scenario=password-check&steps.charge.where=background').notices.map(noticeText),
    ).toEqual([
      "Ignored steps.charge.where=background: the flow 'login' has no step 'charge'; its steps: form, account, password.",
    ]);
  });

  it('names the flow’s steps for a step it lacks and keeps the rest of the link', () => {
    const { state, notices } = parseParams(
      '?flow=video&steps.charge.latency=100&workers.count=4&steps.thumbnail.latency=700',
    );
    expect(notices.map(noticeText)).toEqual([
      "Ignored steps.charge.latency=100: the flow 'video' has no step 'charge'; its steps: store, transcode, thumbnail.",
    ]);
    expect(state.flow?.id).toBe('video');
    expect(state.settings).toEqual({ 'workers.count': '4', 'steps.thumbnail.latency': '700' });
  });

  it('names the allowed values for a bad value, field or id', () => {
    const { state, notices } = parseParams(
      '?flow=video&steps.thumbnail.where=sideways&steps.transcode.failureRate=2' +
        '&steps.transcode.latency=-5&steps.transcode.colour=red&steps.Bad.latency=5',
    );
    expect(state.settings).toEqual({});
    expect(notices.map(noticeText)).toEqual([
      'Ignored steps.thumbnail.where=sideways: one of request, background.',
      'Ignored steps.transcode.failureRate=2: a number from 0 to 1.',
      expect.stringMatching(/^Ignored steps\.transcode\.latency=-5: .+\.$/),
      'Ignored steps.transcode.colour=red: not a parameter of this page.',
      'Ignored steps.Bad.latency=5: not a parameter of this page.',
    ]);
  });
});

describe('a flow that cannot run the link’s lesson', () => {
  it('is refused, naming the step the lesson needs, and the lesson runs on its own flow', () => {
    const { sim, notices } = opened('?scenario=email-outage&flow=password');
    expect(notices.map(noticeText)).toEqual([
      "Ignored flow=password: the lesson email-outage runs on its own flow: it sets email.outage, and the flow 'password' has no step 'email'; its steps: check.",
    ]);
    expect(step(sim, 'async', 'email').id).toBe('email');
  });
});

describe('the checkout’s older names for step settings', () => {
  it('are read as the same setting and written under the older name', () => {
    const { sim, state, notices } = opened('?steps.charge.latency=900&steps.email.failureRate=0.3');
    expect(notices).toEqual([]);
    expect(state.settings).toEqual({ 'latency.charge': '900', 'email.failureRate': '0.3' });
    expect(step(sim, 'async', 'charge').latency).toEqual({ kind: 'constant', ms: 900 });
    expect(linkOf(sim)).toBe('?v=1&latency.charge=900&email.failureRate=0.3');
  });

  it('keep old links meaning what they meant', () => {
    const search = '?v=1&latency.charge=900&latency.email=exp(2000)&email.failureRate=0.3';
    const { sim, notices } = opened(search);
    expect(notices).toEqual([]);
    expect(step(sim, 'sync', 'email').failureRate).toBe(0.3);
    expect(linkOf(sim)).toBe(search);
  });

  it('given twice under both names, read the last one and say so', () => {
    const { state, notices } = parseParams('?latency.charge=900&steps.charge.latency=1000');
    expect(state.settings).toEqual({ 'latency.charge': '1000' });
    expect(notices.map(noticeText)).toEqual([
      'Ignored latency.charge=900: steps.charge.latency is the same setting, and only the last one is read.',
    ]);
  });
});

describe('a step setting changed on the page', () => {
  it('is written to the link, before the run and during it', () => {
    const sim = testSimulator();
    applyUrlState(sim.store, parseParams('?flow=signup').state);
    const s = () => sim.store.getState();
    expect(s().change('steps.push.where', 'request')).toBeUndefined();
    s().play();
    sim.clock.advance(500);
    expect(s().simMs).toBeGreaterThan(0);
    expect(s().change('steps.analytics.latency', '250')).toBeUndefined();
    expect(s().change('steps.email.latency', '1800')).toBeUndefined();
    // Timed changes, made during the run; a link keeps their values as if made at 0 s.
    expect(s().changes.map((c) => c.key)).toEqual([
      'steps.analytics.latency',
      'steps.email.latency',
    ]);
    expect(s().changes.every((c) => c.atMs > 0)).toBe(true);
    const state = urlStateOf(s(), DEFAULT_URL_STATE);
    expect(serializeState({ ...state, t: 0 })).toBe(
      '?v=1&flow=signup&latency.email=1800&steps.push.where=request&steps.analytics.latency=250',
    );
  });
});

describe('lock with step keys', () => {
  it('locks the setting under both its names, and writes it once', () => {
    const { state, notices } = parseParams(
      '?flow=video&lock=steps.thumbnail.where,steps.nope.where,workers.count',
    );
    expect(notices.map(noticeText)).toEqual([
      "Ignored lock=steps.nope.where: the flow 'video' has no step 'nope'; its steps: store, transcode, thumbnail.",
    ]);
    expect(state.lock).toEqual(['workers.count', 'steps.thumbnail.where']);
    const checkout = parseParams('?lock=steps.email.latency');
    expect(checkout.state.lock).toEqual(['latency.email', 'steps.email.latency']);
    expect(serializeState(checkout.state)).toBe('?v=1&lock=latency.email');
  });

  it('refuses the page’s change to a locked step under either name', () => {
    const { state } = parseParams('?lock=latency.charge');
    const sim = testSimulator();
    applyUrlState(sim.store, state);
    sim.store.getState().setLocked(state.lock);
    expect(sim.store.getState().change('steps.charge.latency', '100')).toMatch(/locked/);
    expect(sim.store.getState().change('latency.charge', '100')).toMatch(/locked/);
  });
});

describe('the table of older names', () => {
  it('pairs exactly the registry settings that read and write a checkout step’s field', () => {
    // Probed, not restated: set each step field to an odd value and see which registry keys move.
    const found: Record<string, string> = {};
    for (const s of checkoutFlow().steps) {
      for (const [field, value] of [
        ['latency', '777'],
        ['failureRate', '0.123'],
        ['where', s.where === 'request' ? 'background' : 'request'],
      ] as const) {
        const key = `steps.${s.id}.${field}`;
        const before = buildConfig();
        const after = buildConfig();
        expect(applySetting(after, key, value)).toBeUndefined();
        for (const setting of SETTINGS) {
          if (setting.read(before) !== setting.read(after)) found[key] = setting.key;
        }
      }
    }
    expect(found).toEqual(OLDER_STEP_NAMES);
  });
});
