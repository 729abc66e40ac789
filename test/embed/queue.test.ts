// Coalescing a burst of host messages: steps merge, a later seek supersedes an earlier one, and
// repeated getStates read the state once; every request with an id still gets its reply.
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
    expect(calls).toEqual([
      'step ×2',
      'play',
      'step ×1',
      'seek 4',
      'set workers.count=3',
      'seek 5',
    ]);
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
