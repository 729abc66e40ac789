// A link's flow of one's own (`flow=ID:LABEL:LATENCY:WHERE,…`): read through parseFlow, run on both
// lanes, written back by the store's link, and every bad flow named in one notice while the rest
// of the link still applies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_FLOW_STEPS } from '../../src/engine/index.ts';
import { MAX_FLOW_PARAM_CHARS, readFlowParam, writeFlowParam } from '../../src/url/flowParam.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { applyUrlState, urlStateOf } from '../../src/url/storeState.ts';
import { DEFAULT_URL_STATE, noticeText } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

const PHOTO =
  'store:Store the photo:300:request,resize:Resize it:1500:background,notify:Notify followers:400:background';

function open(search: string) {
  const { state, notices } = parseParams(search);
  const sim = testSimulator();
  applyUrlState(sim.store, state);
  const link = () => serializeState(urlStateOf(sim.store.getState(), DEFAULT_URL_STATE));
  const steps = (mode: 'sync' | 'async') => sim.simulator.lane(mode).config.flow.steps;
  return { state, notices, sim, link, steps };
}

describe('a link with a flow of its own', () => {
  it('runs its steps, as written, on both lanes', () => {
    const { notices, steps, sim } = open(`?flow=${encodeURIComponent(PHOTO)}`);
    expect(notices).toEqual([]);
    for (const mode of ['sync', 'async'] as const) {
      expect(steps(mode).map((s) => [s.id, s.label, s.where])).toEqual([
        ['store', 'Store the photo', 'request'],
        ['resize', 'Resize it', 'background'],
        ['notify', 'Notify followers', 'background'],
      ]);
    }
    expect(steps('async')[1]!.latency).toEqual({ kind: 'constant', ms: 1500 });
    expect(sim.store.getState().flow?.label).toBe('Custom flow');
  });

  it('round-trips: the store writes the same link, which reads back the same flow', () => {
    const first = open(`?v=1&flow=${encodeURIComponent(PHOTO)}`);
    const link = first.link();
    expect(link).toBe(`?v=1&flow=${PHOTO.replace(/ /g, '+')}`);
    const again = open(link);
    expect(again.notices).toEqual([]);
    expect(again.sim.store.getState().flow).toEqual(first.sim.store.getState().flow);
    expect(again.link()).toBe(link);
  });

  it('takes a name for the flow first, ID:NAME, and writes it back', () => {
    const search = `?v=1&flow=photo:Photo+upload,${PHOTO.replace(/ /g, '+')}`;
    const { notices, sim, link } = open(search);
    expect(notices).toEqual([]);
    expect(sim.store.getState().flow).toMatchObject({ id: 'photo', label: 'Photo upload' });
    expect(sim.store.getState().flow?.steps).toHaveLength(3);
    expect(link()).toBe(search);
  });

  it('reads a first part that looks like ID:LATENCY as a step missing its label, not a name', () => {
    expect(readFlowParam('store:300,resize:Resize it:1500:background')).toBe(
      "step 1 ('store:300') is not allowed: each step is ID:LABEL:LATENCY, then :request or :background",
    );
    expect(readFlowParam('photo:Photo upload')).toBe(
      'a flow needs 1 to 8 steps in "steps"; this one has none',
    );
  });

  it('takes step settings on top, and writes them after the flow', () => {
    const search = `?v=1&flow=${PHOTO.replace(/ /g, '+')}&steps.resize.where=request&steps.notify.failureRate=0.2`;
    const { notices, steps, link } = open(search);
    expect(notices).toEqual([]);
    expect(steps('async').map((s) => s.where)).toEqual(['request', 'request', 'background']);
    expect(steps('async')[2]!.failureRate).toBe(0.2);
    expect(link()).toBe(search);
  });

  it('keeps every field of a step: latency forms, failure rate, needsResult, outages, escaped labels', () => {
    const flow = readFlowParam(
      'pay:Pay%3A card%2C then receipt:uniform(100,300):background:failureRate=0.1:needsResult=true:outages=(20-40,60-80),log:Log:exp(50):request:needsResult=false',
    );
    if (typeof flow === 'string') throw new Error(flow);
    expect(flow.steps[0]).toMatchObject({
      label: 'Pay: card, then receipt',
      latency: { kind: 'uniform', minMs: 100, maxMs: 300 },
      failureRate: 0.1,
      needsResult: true,
      outages: [
        { fromMs: 20_000, toMs: 40_000 },
        { fromMs: 60_000, toMs: 80_000 },
      ],
    });
    expect(flow.steps[1]).toMatchObject({ where: 'request', needsResult: false });
    expect(readFlowParam(writeFlowParam(flow))).toEqual(flow);
    const { link } = open(`?flow=${encodeURIComponent(writeFlowParam(flow))}`);
    expect(parseParams(link()).state.flow).toEqual(flow);
  });

  it('writes a preset by its id, and a preset’s steps under another name as steps', () => {
    const { state, link } = open(
      `?flow=${encodeURIComponent('check:Check the password:120:request')}`,
    );
    expect(state.flow?.id).toBe('custom');
    expect(link()).toBe(`?v=1&flow=check:Check+the+password:120:request`);
    expect(writeFlowParam(readFlowParam('video') as never)).toBe('video');
  });

  it('with a lesson whose settings need a step it lacks, runs the lesson’s flow and says why', () => {
    const { notices, steps } = open(`?scenario=email-outage&flow=${encodeURIComponent(PHOTO)}`);
    expect(notices.map(noticeText)).toEqual([
      expect.stringMatching(
        /^Ignored flow=store:Store the photo.*: the lesson email-outage runs on its own flow: it sets email\.outage, /,
      ),
    ]);
    expect(steps('async').map((s) => s.id)).toEqual(['validate', 'charge', 'save', 'email']);
  });
});

describe('the worked example in docs/instructors.md', () => {
  it('opens with no notice on a named six-step flow, two steps in the request', () => {
    const doc = readFileSync(new URL('../../docs/instructors.md', import.meta.url), 'utf8');
    const example = doc.split('\n').find((line) => line.startsWith('?v=1&flow=photo:'));
    expect(example).toBeDefined();
    const { notices, state } = parseParams(example!);
    expect(notices).toEqual([]);
    expect(state.flow?.label).toBe('Photo upload');
    expect(state.flow?.steps.map((s) => s.where)).toEqual([
      'request',
      'request',
      'background',
      'background',
      'background',
      'background',
    ]);
  });
});

/** The notice a bad flow gets, with the rest of the link (workers.count=3) still applied. */
function badFlow(flow: string): string {
  const { state, notices, sim } = open(`?flow=${encodeURIComponent(flow)}&workers.count=3`);
  expect(state.flow).toBeNull();
  expect(sim.store.getState().values['workers.count']).toBe('3');
  expect(sim.simulator.lane('async').config.flow.id).toBe('checkout');
  expect(notices).toHaveLength(1);
  const text = noticeText(notices[0]!);
  expect(text.startsWith('Ignored flow=')).toBe(true);
  return text.slice(text.indexOf(': ') + 2);
}

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => `s${i}:Step ${i}:100:request`).join(',');

describe('a bad flow in a link gets one line naming the problem and what is allowed', () => {
  it('no steps', () => {
    expect(badFlow('')).toBe(
      `a flow needs 1 to ${MAX_FLOW_STEPS} steps in "steps"; this one has none.`,
    );
  });

  it('more than 8', () => {
    expect(badFlow(many(9))).toBe('a flow has 1 to 8 steps; this one has 9.');
    expect(open(`?flow=${encodeURIComponent(many(8))}`).notices).toEqual([]);
  });

  it('two steps with one id', () => {
    expect(badFlow('save:Save:50:request,save:Save again:50:background')).toBe(
      "two steps have the id 'save'; each step needs an id of its own.",
    );
  });

  it('a negative latency', () => {
    expect(badFlow('save:Save:-50:request')).toMatch(
      /^step 'save''s latency -50 is not allowed: expected a number of ms \(e\.g\. 200\), exp\(MEAN\)/,
    );
  });

  it('an unknown where', () => {
    expect(badFlow('save:Save:50:later')).toBe(
      `step 'save''s where "later" is not allowed: one of request, background.`,
    );
  });

  it('a step it cannot split, an extra it does not know, an unknown preset', () => {
    expect(badFlow('save:50')).toBe(
      "step 1 ('save:50') is not allowed: each step is ID:LABEL:LATENCY, then :request or :background.",
    );
    expect(badFlow('save:Save:50:request:colour=red')).toBe(
      "step 1's field 'colour' is not allowed: after WHERE, a step takes failureRate=…, needsResult=…, outages=….",
    );
    expect(badFlow('lunch')).toMatch(/^one of checkout, password, signup, video, or steps ID:/);
  });

  it('a parameter past its bound, before reading any of it', () => {
    const long = `a:${'x'.repeat(MAX_FLOW_PARAM_CHARS)}:1:request`;
    expect(badFlow(long)).toBe(
      `a flow in a link is at most ${MAX_FLOW_PARAM_CHARS} characters, and this one has ${long.length}; give it shorter labels or fewer steps.`,
    );
  });
});
