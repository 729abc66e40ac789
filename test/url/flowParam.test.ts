// A link's `flow`: read, applied to the store's lanes, written back only when it differs from the
// lesson's own flow, and a bad id or a setting of a step the flow lacks named in a notice.
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { applyUrlState, urlStateOf } from '../../src/url/storeState.ts';
import { DEFAULT_URL_STATE, noticeText } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

const stepIds = (sim: ReturnType<typeof testSimulator>, mode: 'sync' | 'async') =>
  sim.simulator.lane(mode).config.flow.steps.map((s) => s.id);

describe('a link with flow=', () => {
  it('runs both lanes on the preset and writes it back', () => {
    const search = '?v=1&mode=compare&flow=signup';
    const { state, notices } = parseParams(search);
    expect(notices).toEqual([]);
    expect(state.flow?.id).toBe('signup');
    const sim = testSimulator();
    applyUrlState(sim.store, state);
    expect(sim.store.getState().flow?.id).toBe('signup');
    expect(stepIds(sim, 'sync')).toEqual(['createAccount', 'email', 'push', 'analytics']);
    expect(stepIds(sim, 'async')).toEqual(['createAccount', 'email', 'push', 'analytics']);
    expect(sim.simulator.recipe().flow?.id).toBe('signup');
    expect(serializeState(urlStateOf(sim.store.getState(), DEFAULT_URL_STATE))).toBe(
      '?v=1&flow=signup',
    );
  });

  it('keeps the flow through a reset and a restart with another seed', () => {
    const sim = testSimulator();
    applyUrlState(sim.store, parseParams('?flow=video').state);
    sim.store.getState().reset();
    expect(stepIds(sim, 'async')).toEqual(['store', 'transcode', 'thumbnail']);
    sim.store.getState().restartWith({ seed: 4 });
    expect(stepIds(sim, 'sync')).toEqual(['store', 'transcode', 'thumbnail']);
  });

  it('without it, means the checkout, as every link did before flows', () => {
    const sim = testSimulator();
    applyUrlState(sim.store, parseParams('?v=1&workers.count=8').state);
    expect(sim.store.getState().flow).toBeNull();
    expect(stepIds(sim, 'async')).toEqual(['validate', 'charge', 'save', 'email']);
    expect(sim.simulator.recipe()).not.toHaveProperty('flow');
    const link = serializeState(urlStateOf(sim.store.getState(), DEFAULT_URL_STATE));
    expect(link).not.toContain('flow');
  });

  it('names the allowed ids for one it does not know, and runs the checkout', () => {
    const { state, notices } = parseParams('?flow=lunch');
    expect(state.flow).toBeNull();
    expect(notices.map(noticeText)).toEqual([
      'Ignored flow=lunch: one of checkout, password, signup, video, or steps ID:LABEL:LATENCY:WHERE separated by commas (store:Store the photo:300:request,resize:Resize it:1500:background).',
    ]);
  });

  it('ignores a setting of a step the flow does not have, naming its steps', () => {
    const { state, notices } = parseParams('?latency.charge=500&flow=password&workers.count=3');
    expect(state.settings).toEqual({ 'workers.count': '3' });
    expect(notices.map(noticeText)).toEqual([
      "Ignored latency.charge=500: the flow 'password' has no step 'charge'; its steps: check.",
    ]);
    const sim = testSimulator();
    applyUrlState(sim.store, state);
    expect(sim.store.getState().values['workers.count']).toBe('3');
  });
});
