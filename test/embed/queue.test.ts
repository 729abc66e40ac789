// Coalescing a burst of host messages: steps merge, the last seek supersedes every earlier one,
// each key's sets run once, and repeated getStates read the state once; every request with an id
// still gets its reply.
import { describe, expect, it } from 'vitest';
import type { ApiTarget } from '../../src/embed/dispatch.ts';
import type { PublicState } from '../../src/embed/protocol.ts';
import { queued, runQueue } from '../../src/embed/queue.ts';

function countingTarget() {
  const calls: string[] = [];
  let reads = 0;
  const target: ApiTarget = {
    play: () => void calls.push('play'),
    pause: () => void calls.push('pause'),
    step: (count) => void calls.push(`step ×${count}`),
    seek: (t) => void calls.push(`seek ${t}`),
    getState: () => {
      reads++;
      return { t: reads } as unknown as PublicState;
    },
    subscribe: () => void calls.push('subscribe'),
    reset: () => void calls.push('reset'),
    loadScenario: () => ({}),
    set: (key, value) => void calls.push(`set ${key}=${value}`),
    setFlow: (flow) => void calls.push(`setFlow ${flow.id}`),
    exportVideo: () => void calls.push('exportVideo'),
    setLanguage: (lang) => void calls.push(`setLanguage ${lang}`),
    cancelVideo: () => void calls.push('cancelVideo'),
  };
  return { calls, target, reads: () => reads };
}

const burst = (messages: unknown[]) => messages.map((m, i) => queued(m, i));
const open = { api: true };

describe('a burst of host messages', () => {
  it('merges consecutive steps into one run of steps, replying ok to each', () => {
    const { calls, target } = countingTarget();
    const steps = Array.from({ length: 5000 }, (_, i) => ({ type: 'step', id: i }));
    const replies = runQueue(burst(steps), target, open);
    expect(calls).toEqual(['step ×5000']);
    expect(replies).toHaveLength(5000);
    expect(replies.map((r) => r.reply.id)).toEqual(steps.map((s) => s.id));
    expect(replies.every((r) => r.reply.type === 'ok')).toBe(true);
  });

  it('lets a later seek supersede an earlier one, and says so in the earlier reply', () => {
    const { calls, target } = countingTarget();
    const replies = runQueue(
      burst([
        { type: 'seek', t: 1, id: 'a' },
        { type: 'seek', t: 2, id: 'b' },
        { type: 'seek', t: 3, id: 'c' },
      ]),
      target,
      open,
    );
    expect(calls).toEqual(['seek 3']);
    expect(replies.map((r) => r.reply)).toEqual([
      expect.objectContaining({ id: 'a', type: 'ok', note: 'superseded by a later seek' }),
      expect.objectContaining({ id: 'b', type: 'ok', note: 'superseded by a later seek' }),
      expect.not.objectContaining({ note: expect.anything() }),
    ]);
  });

  it('reads the state once for repeated getStates, answering each id and id-less ones once', () => {
    const { target, reads } = countingTarget();
    const replies = runQueue(
      burst([
        { type: 'getState', id: 1 },
        { type: 'getState' },
        { type: 'getState' },
        { type: 'getState', id: 2 },
      ]),
      target,
      open,
    );
    expect(reads()).toBe(1);
    expect(replies.map((r) => [r.reply.type, r.reply.id, r.to])).toEqual([
      ['state', 1, 0],
      ['state', undefined, 1],
      ['state', 2, 3],
    ]);
  });

  it('lets the last seek supersede every earlier one, whatever comes between', () => {
    const { calls, target } = countingTarget();
    const messages = Array.from({ length: 3000 }, (_, i) =>
      i % 2 === 1 ? { type: 'pause', id: i } : { type: 'seek', t: i % 4 === 0 ? 115 : 5, id: i },
    );
    const replies = runQueue(burst(messages), target, open);
    expect(calls.filter((c) => c.startsWith('seek'))).toEqual(['seek 5']);
    expect(calls.filter((c) => c === 'pause')).toHaveLength(1500);
    expect(replies.map((r) => r.reply.id)).toEqual(messages.map((m) => m.id));
    expect(replies[0]!.reply).toMatchObject({ type: 'ok', note: 'superseded by a later seek' });
    expect(replies[2998]!.reply).toEqual({
      source: 'sync-vs-async',
      id: 2998,
      type: 'ok',
      command: 'seek',
    });
  });

  it('sets each key once, to the last value the page takes; the earlier ones are superseded', () => {
    const calls: string[] = [];
    const { target } = countingTarget();
    // This target refuses negative values, as the registry would.
    target.set = (key, value) => {
      calls.push(`${key}=${value}`);
      return Number(value) < 0 ? `${key}=${value} is not allowed` : undefined;
    };
    const messages = [
      { type: 'set', key: 'workers.count', value: 3, id: 'a' },
      { type: 'set', key: 'server.handlers', value: 9, id: 'b' },
      { type: 'pause', id: 'c' },
      { type: 'set', key: 'workers.count', value: 5, id: 'd' },
      { type: 'set', key: 'workers.count', value: -1, id: 'e' },
      { type: 'set', key: 'server.handlers', value: 7, id: 'f' },
    ];
    const replies = runQueue(burst(messages), target, open);
    // workers.count: -1 is refused, so 5 is the last value taken; 3 never runs.
    expect(calls).toEqual(['workers.count=-1', 'workers.count=5', 'server.handlers=7']);
    expect(
      replies.map((r) => [r.reply.id, r.reply.type, 'note' in r.reply ? r.reply.note : '']),
    ).toEqual([
      ['a', 'ok', 'superseded by a later set of workers.count'],
      ['b', 'ok', 'superseded by a later set of server.handlers'],
      ['c', 'ok', ''],
      ['d', 'ok', ''],
      ['e', 'error', ''],
      ['f', 'ok', ''],
    ]);
  });

  it('tries each refused set of a flood once, answering each with its refusal', () => {
    const { target } = countingTarget();
    let tried = 0;
    target.set = (key, value) => (tried++, `${key}=${value} is not allowed`);
    const messages = Array.from({ length: 5000 }, (_, i) => ({
      type: 'set',
      key: 'workers.count',
      value: -i,
      id: i,
    }));
    const replies = runQueue(burst(messages), target, open);
    expect(tried).toBe(5000);
    expect(replies.every((r) => r.reply.type === 'error')).toBe(true);
    expect(replies[7]!.reply).toMatchObject({ id: 7, message: 'workers.count=-7 is not allowed' });
  });

  it('keeps the order of what it does not merge, and the state read after the steps', () => {
    const { calls, target } = countingTarget();
    const replies = runQueue(
      burst([
        { type: 'step' },
        { type: 'step' },
        { type: 'play' },
        'junk',
        { type: 'step' },
        { type: 'seek', t: 4 },
        { type: 'set', key: 'workers.count', value: 3 },
        { type: 'seek', t: 5 },
      ]),
      target,
      open,
    );
    // The seek to 4 s is superseded by the one to 5 s, the set between them notwithstanding.
    expect(calls).toEqual(['step ×2', 'play', 'step ×1', 'set workers.count=3', 'seek 5']);
    expect(replies.map((r) => r.to)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(replies[3]!.reply.type).toBe('error');
  });

  it('still refuses changes on a page without api=1', () => {
    const { calls, target } = countingTarget();
    const replies = runQueue(burst([{ type: 'set', key: 'workers.count', value: 3 }]), target, {
      api: false,
    });
    expect(calls).toEqual([]);
    expect(replies[0]!.reply).toMatchObject({ type: 'error', command: 'set' });
  });
});
