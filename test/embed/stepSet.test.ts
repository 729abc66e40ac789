// A host page's `set` with a step's key (`steps.<id>.latency|failureRate|where`) against the real
// store: applied to the run, shown in the state it is sent, and refused with the flow's steps or
// the allowed values when bad.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/embed/dispatch.ts';
import { simulatorTarget } from '../../src/embed/simulatorTarget.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { applyUrlState } from '../../src/url/storeState.ts';
import { testSimulator } from '../support/simulator.ts';

const open = { api: true };

function host(search = '') {
  const t = testSimulator();
  const { state } = parseParams(search);
  applyUrlState(t.store, state);
  const target = simulatorTarget(t.simulator, state, () => {});
  const send = (message: object) => dispatch(message, target, open);
  const step = (id: string) =>
    t.simulator.lane('async').config.flow.steps.find((s) => s.id === id)!;
  return { ...t, target, send, step };
}

describe('a host’s set with a step key', () => {
  it('moves a step to the request and restarts the run with it', () => {
    const h = host('?flow=video');
    const reply = h.send({ type: 'set', key: 'steps.thumbnail.where', value: 'request', id: 1 });
    expect(reply).toMatchObject({ type: 'ok', command: 'set', id: 1 });
    expect(h.step('thumbnail').where).toBe('request');
    const state = h.target.getState();
    expect(state.settings['steps.thumbnail.where']).toBe('request');
    expect(state.query).toBe('?v=1&flow=video&steps.thumbnail.where=request');
  });

  it('sets a step’s time and failure rate, a number as well as text', () => {
    const h = host('?flow=video');
    expect(h.send({ type: 'set', key: 'steps.transcode.latency', value: 12000 })).toMatchObject({
      type: 'ok',
    });
    expect(h.send({ type: 'set', key: 'steps.transcode.failureRate', value: '0.2' })).toMatchObject(
      {
        type: 'ok',
      },
    );
    expect(h.step('transcode').latency).toEqual({ kind: 'constant', ms: 12_000 });
    expect(h.step('transcode').failureRate).toBe(0.2);
  });

  it('refuses a step the flow lacks, naming its steps, and changes nothing', () => {
    const h = host('?flow=video');
    const before = h.store.getState().changes.length;
    const reply = h.send({ type: 'set', key: 'steps.charge.where', value: 'background' });
    expect(reply).toMatchObject({
      type: 'error',
      command: 'set',
      message: expect.stringContaining(
        "the flow 'video' has no step 'charge'; its steps: store, transcode, thumbnail",
      ),
    });
    expect(h.store.getState().changes.length).toBe(before);
  });

  it('refuses a bad value with the allowed values', () => {
    const h = host('?flow=video');
    expect(h.send({ type: 'set', key: 'steps.thumbnail.where', value: 'sideways' })).toMatchObject({
      type: 'error',
      message: expect.stringContaining('one of request, background'),
    });
    expect(h.send({ type: 'set', key: 'steps.thumbnail.failureRate', value: 3 })).toMatchObject({
      type: 'error',
      message: expect.stringContaining('a number from 0 to 1'),
    });
    expect(h.step('thumbnail').where).toBe('background');
    expect(h.step('thumbnail').failureRate).toBe(0);
  });

  it('refuses a field no step has as an unknown setting', () => {
    const h = host();
    expect(h.send({ type: 'set', key: 'steps.charge.colour', value: 'red' })).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^unknown setting 'steps\.charge\.colour'; known settings: /),
    });
  });

  it('is refused on a step locked by the link, under either of its names', () => {
    const h = host('?lock=latency.charge');
    h.store.getState().setLocked(parseParams('?lock=latency.charge').state.lock);
    expect(h.send({ type: 'set', key: 'steps.charge.latency', value: 100 })).toMatchObject({
      type: 'error',
      message: expect.stringContaining('locked'),
    });
  });
});
