// The host API's dispatcher: every command, its reply, and every refusal, over a fake target.
import { describe, expect, it } from 'vitest';
import { dispatch, type ApiTarget } from '../../src/embed/dispatch.ts';
import { SOURCE, type PublicState } from '../../src/embed/protocol.ts';

const STATE: PublicState = {
  scenario: null,
  mode: 'compare',
  seed: 1,
  speed: 1,
  t: 0,
  playing: false,
  settings: {},
  query: '?v=1',
};

function fakeTarget() {
  const calls: string[] = [];
  const target: ApiTarget = {
    play: () => void calls.push('play'),
    pause: () => void calls.push('pause'),
    step: (count) => void calls.push(count === 1 ? 'step' : `step ×${count}`),
    seek: (t) => {
      if (t > 1000) return `reaching ${t} s costs too much`;
      calls.push(`seek ${t}`);
      return undefined;
    },
    getState: () => STATE,
    subscribe: () => void calls.push('subscribe'),
    reset: () => void calls.push('reset'),
    loadScenario: (id) => {
      if (id !== 'email-outage') return { problem: `unknown scenario '${id}'` };
      calls.push(`load ${id}`);
      return {};
    },
    set: (key, value) => {
      if (value === 'bad') return `${key}=${value} is not allowed`;
      calls.push(`set ${key}=${value}`);
      return undefined;
    },
    setFlow: (flow) => {
      if (flow.steps.some((s) => s.id === 'email')) return 'the lesson needs its email step';
      calls.push(`setFlow ${flow.steps.map((s) => s.id).join(',')}`);
      return undefined;
    },
    exportVideo: (fields) => {
      if (fields.format === 'avi') return 'format must be one of webm, mp4, gif';
      calls.push(`video ${JSON.stringify(fields)}`);
      return undefined;
    },
    setLanguage: (lang) => void calls.push(`setLanguage ${lang}`),
    cancelVideo: () => {
      if (!calls.some((c) => c.startsWith('video '))) return 'no video is being made';
      calls.push('cancel video');
      return undefined;
    },
  };
  return { calls, target };
}

const open = { api: true };
const closed = { api: false };

describe('the harmless commands', () => {
  for (const type of ['play', 'pause', 'step', 'subscribe'] as const) {
    it(`${type} runs and replies ok with the request's id`, () => {
      const { calls, target } = fakeTarget();
      expect(dispatch({ type, id: 4 }, target, closed)).toEqual({
        source: SOURCE,
        id: 4,
        type: 'ok',
        command: type,
      });
      expect(calls).toEqual([type]);
    });
  }

  it('seek takes simulated seconds', () => {
    const { calls, target } = fakeTarget();
    expect(dispatch({ type: 'seek', t: 2.5, id: 'a' }, target, closed)).toMatchObject({
      type: 'ok',
      id: 'a',
    });
    expect(calls).toEqual(['seek 2.5']);
  });

  it('getState replies with the state', () => {
    const { target } = fakeTarget();
    expect(dispatch({ type: 'getState', id: 'q1' }, target, closed)).toEqual({
      source: SOURCE,
      id: 'q1',
      type: 'state',
      state: STATE,
    });
  });

  it('a reply without a request id carries none', () => {
    const { target } = fakeTarget();
    expect(dispatch({ type: 'play' }, target, closed)).not.toHaveProperty('id');
  });
});

describe('the state-changing commands', () => {
  it('are refused without api=1, and change nothing', () => {
    for (const message of [
      { type: 'reset', id: 1 },
      { type: 'loadScenario', scenario: 'email-outage', id: 2 },
      { type: 'set', key: 'workers.count', value: 8, id: 3 },
      { type: 'setFlow', flow: 'signup', id: 4 },
    ]) {
      const { calls, target } = fakeTarget();
      const reply = dispatch(message, target, closed);
      expect(reply).toMatchObject({ type: 'error', id: message.id, command: message.type });
      expect(JSON.stringify(reply)).toContain('api=1');
      expect(calls).toEqual([]);
    }
  });

  it('run with api=1', () => {
    const { calls, target } = fakeTarget();
    expect(dispatch({ type: 'reset', id: 1 }, target, open)).toMatchObject({ type: 'ok', id: 1 });
    expect(
      dispatch({ type: 'loadScenario', scenario: 'email-outage' }, target, open),
    ).toMatchObject({ type: 'ok', command: 'loadScenario' });
    expect(dispatch({ type: 'set', key: 'workers.count', value: 8 }, target, open)).toMatchObject({
      type: 'ok',
    });
    expect(calls).toEqual(['reset', 'load email-outage', 'set workers.count=8']);
  });

  it('loadScenario also takes the scenario as its id', () => {
    const { calls, target } = fakeTarget();
    expect(dispatch({ type: 'loadScenario', id: 'email-outage' }, target, open)).toMatchObject({
      type: 'ok',
      id: 'email-outage',
    });
    expect(calls).toEqual(['load email-outage']);
  });

  it('pass on the simulator’s refusal as an error', () => {
    const { target } = fakeTarget();
    expect(dispatch({ type: 'loadScenario', scenario: 'nope', id: 9 }, target, open)).toEqual({
      source: SOURCE,
      id: 9,
      type: 'error',
      command: 'loadScenario',
      message: "unknown scenario 'nope'",
    });
    expect(dispatch({ type: 'set', key: 'k', value: 'bad' }, target, open)).toMatchObject({
      type: 'error',
    });
  });

  it('pass on the target’s refusal, quoting the input cut at 60 characters', () => {
    const { target } = fakeTarget();
    const key = 'k'.repeat(100);
    const reply = dispatch({ type: 'set', key, value: 'bad', id: 5 }, target, open);
    expect(reply).toEqual({
      source: SOURCE,
      id: 5,
      type: 'error',
      command: 'set',
      message: `${'k'.repeat(60)}…=bad is not allowed`,
    });
  });

  it('refuse a 1 MB value in a short reply, before it reaches the simulator', () => {
    const { calls, target } = fakeTarget();
    const value = 'x'.repeat(1 << 20);
    const reply = dispatch({ type: 'set', key: 'workers.count', value, id: 6 }, target, open);
    expect(reply).toMatchObject({
      type: 'error',
      id: 6,
      message: 'value is too long (1048576 characters; at most 1000)',
    });
    expect(JSON.stringify(reply).length).toBeLessThan(200);
    expect(calls).toEqual([]);
  });
});

describe('a seek', () => {
  it('that costs more than the replay budget is refused with the target’s sentence', () => {
    const { calls, target } = fakeTarget();
    expect(dispatch({ type: 'seek', t: 5000, id: 2 }, target, closed)).toEqual({
      source: SOURCE,
      id: 2,
      type: 'error',
      command: 'seek',
      message: 'reaching 5000 s costs too much',
    });
    expect(calls).toEqual([]);
  });
});

describe('a malformed message', () => {
  const cases: [string, unknown][] = [
    ['a string', 'play'],
    ['null', null],
    ['an array', [{ type: 'play' }]],
    ['no type', { id: 1 }],
    ['an unknown type', { type: 'explode', id: 1 }],
    ['a seek without t', { type: 'seek', id: 1 }],
    ['a negative seek', { type: 'seek', t: -1, id: 1 }],
    ['a seek to NaN', { type: 'seek', t: Number.NaN, id: 1 }],
    ['a set without a value', { type: 'set', key: 'workers.count', id: 1 }],
    ['a set with an object value', { type: 'set', key: 'a', value: {}, id: 1 }],
    ['a loadScenario without a scenario', { type: 'loadScenario', id: 1 }],
    ['a setFlow without a flow', { type: 'setFlow', id: 1 }],
    ['a setFlow with a number', { type: 'setFlow', flow: 3, id: 1 }],
    ['a setLanguage without a lang', { type: 'setLanguage', id: 1 }],
    ['a setLanguage with a language the page lacks', { type: 'setLanguage', lang: 'fr', id: 1 }],
    ['an object id', { type: 'play', id: {} }],
    ['a class instance', new Date()],
  ];
  for (const [name, message] of cases) {
    it(`gets an error reply and changes nothing: ${name}`, () => {
      const { calls, target } = fakeTarget();
      const reply = dispatch(message, target, open);
      expect(reply.type).toBe('error');
      expect(reply.source).toBe(SOURCE);
      expect(calls).toEqual([]);
    });
  }

  it('keeps its id in the error when the id itself is fine', () => {
    const { target } = fakeTarget();
    expect(dispatch({ type: 'explode', id: 'x' }, target, open)).toMatchObject({ id: 'x' });
  });
});

describe('setFlow', () => {
  const step = (id: string, latency: unknown = 100, where = 'request') => ({ id, latency, where });

  it('takes a preset id, a link’s steps, or a flow object, checked before the target sees it', () => {
    const { calls, target } = fakeTarget();
    for (const flow of [
      'video',
      'store:Store the photo:300:request,resize:Resize it:1500:background',
      {
        label: 'Photo upload',
        steps: [step('store', 300), step('resize', 'exp(1500)', 'background')],
      },
    ]) {
      expect(dispatch({ type: 'setFlow', flow, id: 7 }, target, open)).toEqual({
        source: SOURCE,
        id: 7,
        type: 'ok',
        command: 'setFlow',
      });
    }
    expect(calls).toEqual([
      'setFlow store,transcode,thumbnail',
      'setFlow store,resize',
      'setFlow store,resize',
    ]);
  });

  const bad: [string, unknown, string][] = [
    ['no steps', { steps: [] }, 'a flow needs 1 to 8 steps in "steps"; this one has none'],
    [
      'more than 8',
      { steps: Array.from({ length: 9 }, (_, i) => step(`s${i}`)) },
      'a flow has 1 to 8 steps; this one has 9',
    ],
    [
      'two steps with one id',
      { steps: [step('save'), step('save')] },
      "two steps have the id 'save'; each step needs an id of its own",
    ],
    [
      'a negative latency',
      { steps: [step('save', -5)] },
      "step 'save''s latency -5 is not allowed: expected a number of ms (e.g. 200), exp(MEAN), uniform(MIN,MAX) or lognormal(MEAN,SD), all in ms from 0 to 3600000",
    ],
    [
      'an unknown where',
      { steps: [step('save', 5, 'later')] },
      `step 'save''s where "later" is not allowed: one of request, background`,
    ],
    [
      'an unknown preset',
      'lunch',
      'one of checkout, password, signup, video, or steps ID:LABEL:LATENCY:WHERE separated by commas (store:Store the photo:300:request,resize:Resize it:1500:background)',
    ],
  ];
  for (const [name, flow, message] of bad) {
    it(`refuses ${name} with parseFlow’s line, and changes nothing`, () => {
      const { calls, target } = fakeTarget();
      expect(dispatch({ type: 'setFlow', flow, id: 2 }, target, open)).toEqual({
        source: SOURCE,
        id: 2,
        type: 'error',
        message,
      });
      expect(calls).toEqual([]);
    });
  }

  it('refuses a flow too big to read before reading it', () => {
    const { calls, target } = fakeTarget();
    const flow = { steps: [{ id: 'a', latency: 1, label: 'x'.repeat(20_000) }] };
    const reply = dispatch({ type: 'setFlow', flow }, target, open);
    expect(reply).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^flow is too long \(20\d{3} characters; at most 10000\)$/),
    });
    expect(calls).toEqual([]);
  });

  it('passes on the target’s refusal', () => {
    const { calls, target } = fakeTarget();
    expect(dispatch({ type: 'setFlow', flow: 'signup' }, target, open)).toMatchObject({
      type: 'error',
      command: 'setFlow',
      message: 'the lesson needs its email step',
    });
    expect(calls).toEqual([]);
  });
});

describe('exportVideo', () => {
  it('starts a video on any page (it only reads the run), its fields read when the job starts', () => {
    const { calls, target } = fakeTarget();
    const message = { type: 'exportVideo', id: 'v1', format: 'mp4', size: '1280x720', to: 9 };
    expect(dispatch(message, target, closed)).toEqual({
      source: SOURCE,
      id: 'v1',
      type: 'ok',
      command: 'exportVideo',
      note: 'started',
    });
    expect(calls).toEqual([`video ${JSON.stringify(message)}`]);
  });

  it('passes on the target’s refusal', () => {
    const { target } = fakeTarget();
    expect(dispatch({ type: 'exportVideo', format: 'avi' }, target, closed)).toEqual({
      source: SOURCE,
      type: 'error',
      command: 'exportVideo',
      message: 'format must be one of webm, mp4, gif',
    });
  });
});

describe('setLanguage', () => {
  it('switches the language on any page (it changes no run)', () => {
    const { calls, target } = fakeTarget();
    expect(dispatch({ type: 'setLanguage', lang: 'zh-CN', id: 2 }, target, closed)).toEqual({
      source: SOURCE,
      id: 2,
      type: 'ok',
      command: 'setLanguage',
    });
    expect(calls).toEqual(['setLanguage zh-CN']);
  });

  it('names the languages there are when given another', () => {
    const { calls, target } = fakeTarget();
    expect(dispatch({ type: 'setLanguage', lang: 'fr' }, target, closed)).toMatchObject({
      type: 'error',
      message: 'setLanguage needs lang, one of en, es, zh-CN, en-XA',
    });
    expect(calls).toEqual([]);
  });
});

describe('cancelVideo', () => {
  it('stops the video being made, on any page, and says ok', () => {
    const { calls, target } = fakeTarget();
    dispatch({ type: 'exportVideo', id: 'v1' }, target, closed);
    expect(dispatch({ type: 'cancelVideo', id: 'c1' }, target, closed)).toEqual({
      source: SOURCE,
      id: 'c1',
      type: 'ok',
      command: 'cancelVideo',
    });
    expect(calls.at(-1)).toBe('cancel video');
  });

  it('says so when no video is being made', () => {
    const { target } = fakeTarget();
    expect(dispatch({ type: 'cancelVideo' }, target, closed)).toEqual({
      source: SOURCE,
      type: 'error',
      command: 'cancelVideo',
      message: 'no video is being made',
    });
  });
});
