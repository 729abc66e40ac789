// A host page's `setFlow` against the real store: the run restarts on the flow (both lanes), the
// link in its state writes it, and a bad flow, a lesson that needs another flow's step or a lock
// on a step the flow lacks is refused in the reply while the page runs on as it was.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/embed/dispatch.ts';
import { simulatorTarget } from '../../src/embed/simulatorTarget.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { applyUrlState } from '../../src/url/storeState.ts';
import { testSimulator } from '../support/simulator.ts';

function host(search = '') {
  const t = testSimulator();
  const { state } = parseParams(search);
  applyUrlState(t.store, state);
  t.store.getState().setLocked(state.lock);
  const target = simulatorTarget(t.simulator, state, () => {});
  const send = (message: object) => dispatch(message, target, { api: true });
  const ids = (mode: 'sync' | 'async') => t.simulator.lane(mode).config.flow.steps.map((s) => s.id);
  return { ...t, target, send, ids };
}

const PHOTO = {
  steps: [
    { id: 'store', label: 'Store the photo', latency: 300, where: 'request' },
    { id: 'resize', label: 'Resize it', latency: 1500, where: 'background' },
  ],
};

describe('a host’s setFlow', () => {
  it('restarts both lanes on a flow object, and the state’s link writes its steps', () => {
    const h = host('?workers.count=3');
    h.store.getState().jumpTo(5000);
    expect(h.send({ type: 'setFlow', flow: PHOTO, id: 1 })).toMatchObject({ type: 'ok', id: 1 });
    expect(h.ids('sync')).toEqual(['store', 'resize']);
    expect(h.ids('async')).toEqual(['store', 'resize']);
    const state = h.target.getState();
    expect(state.t).toBe(0);
    expect(state.settings['workers.count']).toBe('3');
    expect(state.settings['steps.resize.where']).toBe('background');
    expect(state.query).toBe(
      '?v=1&flow=store:Store+the+photo:300:request,resize:Resize+it:1500:background&workers.count=3',
    );
  });

  it('keeps a flow object’s own id and name in the link', () => {
    const h = host();
    const flow = { id: 'photo', label: 'Photo upload', ...PHOTO };
    expect(h.send({ type: 'setFlow', flow })).toMatchObject({ type: 'ok' });
    const { query } = h.target.getState();
    expect(query).toBe(
      '?v=1&flow=photo:Photo+upload,store:Store+the+photo:300:request,resize:Resize+it:1500:background',
    );
    expect(parseParams(query).state.flow).toEqual(h.store.getState().flow);
  });

  it('takes a preset by id, and the checkout back writes no flow at all', () => {
    const h = host();
    expect(h.send({ type: 'setFlow', flow: 'signup' })).toMatchObject({ type: 'ok' });
    expect(h.ids('async')).toEqual(['createAccount', 'email', 'push', 'analytics']);
    expect(h.target.getState().query).toBe('?v=1&flow=signup');
    expect(h.send({ type: 'setFlow', flow: 'checkout' })).toMatchObject({ type: 'ok' });
    expect(h.store.getState().flow).toBeNull();
    expect(h.target.getState().query).toBe('?v=1');
  });

  it('leaves behind the old flow’s step settings a reset wrote, instead of failing on them', () => {
    const h = host('?latency.charge=500');
    h.store.getState().reset();
    expect(h.store.getState().base['latency.charge']).toBe('500');
    expect(h.send({ type: 'setFlow', flow: 'video' })).toMatchObject({ type: 'ok' });
    expect(h.store.getState().base).not.toHaveProperty('latency.charge');
    expect(h.ids('async')).toEqual(['store', 'transcode', 'thumbnail']);
  });

  it('refuses a bad flow with parseFlow’s line, and the run goes on as it was', () => {
    const h = host('?flow=video');
    h.store.getState().jumpTo(4000);
    const before = h.target.getState();
    const reply = h.send({
      type: 'setFlow',
      flow: { steps: [PHOTO.steps[0], PHOTO.steps[0]] },
    });
    expect(reply).toMatchObject({
      type: 'error',
      message: "two steps have the id 'store'; each step needs an id of its own",
    });
    expect(h.target.getState()).toEqual(before);
    expect(h.ids('async')).toEqual(['store', 'transcode', 'thumbnail']);
  });

  it('refuses a flow the loaded lesson cannot run on, naming the setting it needs', () => {
    const h = host('?scenario=email-outage');
    expect(h.send({ type: 'setFlow', flow: PHOTO })).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^the lesson email-outage runs on its own flow: it sets /),
    });
    expect(h.ids('async')).toEqual(['validate', 'charge', 'save', 'email']);
  });

  it('refuses a flow without a step the page locks', () => {
    const h = host('?lock=steps.charge.where');
    expect(h.send({ type: 'setFlow', flow: PHOTO })).toMatchObject({
      type: 'error',
      message: expect.stringContaining('is locked on this page (the lock parameter), and'),
    });
    expect(h.ids('async')).toContain('charge');
  });
});
