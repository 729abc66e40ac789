// Floods of valid host messages against the real store: they cost about what as many unknown
// messages cost. Work is counted (seeks run, changes recorded, the store's notifications), never
// timed.
import { describe, expect, it } from 'vitest';
import { runQueue, queued } from '../../src/embed/queue.ts';
import { simulatorTarget } from '../../src/embed/simulatorTarget.ts';
import { DEFAULT_URL_STATE } from '../../src/url/urlState.ts';
import type { ApiTarget } from '../../src/embed/dispatch.ts';
import { testSimulator } from '../support/simulator.ts';

const open = { api: true };

/** The real target on a fresh simulator, counting its seeks and the store's notifications. */
function flooded(settings: Record<string, string> = {}) {
  const t = testSimulator({ settings });
  const real = simulatorTarget(t.simulator, DEFAULT_URL_STATE, () => {});
  const seeks: number[] = [];
  const target: ApiTarget = { ...real, seek: (s) => (seeks.push(s), real.seek(s)) };
  let notified = 0;
  t.store.subscribe(() => notified++);
  const send = (messages: unknown[]) =>
    runQueue(
      messages.map((m, i) => queued(m, i)),
      target,
      open,
    );
  return { ...t, send, seeks, notified: () => notified };
}

describe('a flood of seeks with pauses between them', () => {
  it('runs one seek, the last, and lands there paused', () => {
    const f = flooded({ 'traffic.pattern': 'steady', 'traffic.rate': '20' });
    const messages = Array.from({ length: 3000 }, (_, i) =>
      i % 2 === 1 ? { type: 'pause', id: i } : { type: 'seek', t: i % 4 === 0 ? 115 : 5, id: i },
    );
    const replies = f.send(messages);
    expect(f.seeks).toEqual([5]);
    // The seek's landing notifies the store; 1,500 pauses of a paused page do not.
    expect(f.notified()).toBeLessThan(10);
    expect(replies).toHaveLength(3000);
    expect(replies.filter((r) => r.reply.type === 'error')).toEqual([]);
    f.clock.advance(1000);
    expect(f.store.getState()).toMatchObject({ simMs: 5000, playing: false, jump: null });
  });

  it('lets a pause after a long seek keep the seek: it lands there, paused', () => {
    const f = flooded({ 'traffic.pattern': 'steady', 'traffic.rate': '20' });
    // A clock that moves 5 ms each time it is read, so the jump is sliced across frames.
    const wall = f.clock.now;
    let skew = 0;
    f.clock.now = () => wall() + (skew += 5);
    f.store.getState().play();
    f.clock.advance(100);
    f.send([{ type: 'seek', t: 200 }, { type: 'pause' }]);
    expect(f.store.getState().jump).not.toBeNull();
    f.clock.advance(60_000);
    expect(f.store.getState()).toMatchObject({ simMs: 200_000, playing: false, jump: null });
  });
});

describe('a flood of sets', () => {
  it('records each key once, at its last value, for 2,000 valid sets on two keys', () => {
    const f = flooded();
    const messages = Array.from({ length: 2000 }, (_, i) =>
      i % 2 === 0
        ? { type: 'set', key: 'workers.count', value: 1 + (i % 40), id: i }
        : { type: 'set', key: 'email.failureRate', value: (i % 100) / 100, id: i },
    );
    const replies = f.send(messages);
    expect(replies.every((r) => r.reply.type === 'ok')).toBe(true);
    const s = f.store.getState();
    expect(s.changes.map((c) => `${c.key}=${c.value}`)).toEqual([
      'workers.count=39',
      'email.failureRate=0.99',
    ]);
    expect(s.values['workers.count']).toBe('39');
    // Each applied change notifies the store a few times; the other 1,998 sets not at all.
    expect(f.notified()).toBeLessThan(20);
  });

  it('renders nothing for 5,000 refused sets on a real key, and answers each', () => {
    const f = flooded();
    const messages = Array.from({ length: 5000 }, (_, i) => ({
      type: 'set',
      key: 'workers.count',
      value: -1 - i,
      id: i,
    }));
    const replies = f.send(messages);
    expect(replies.map((r) => r.reply.type)).toEqual(messages.map(() => 'error'));
    expect(replies[4]!.reply).toMatchObject({
      id: 4,
      message: expect.stringMatching(/^workers\.count=-5 is not allowed/),
    });
    expect(f.notified()).toBe(0);
    expect(f.store.getState().errors).toEqual({});
    expect(f.store.getState().changes).toEqual([]);
  });
});

describe('a seek past what a jump may reach', () => {
  it('is refused with the range a jump reaches, written as every time is', () => {
    const f = flooded();
    const [reply] = f.send([{ type: 'seek', t: 1e12, id: 'far' }]);
    expect(reply!.reply).toMatchObject({ type: 'error', id: 'far', command: 'seek' });
    const message = (reply!.reply as { message: string }).message;
    expect(message).toMatch(/is past the furthest a jump may reach/);
    expect(message).toMatch(/a jump reaches from 0 s to 24:00:00\.0$/);
    expect(message).not.toMatch(/\d{3,}:\d\d\.\d/);
    expect(f.store.getState().simMs).toBe(0);
    expect(f.notified()).toBe(0);
  });

  it('names the budget’s own limit when the settings bind first', () => {
    const f = flooded({ 'traffic.pattern': 'steady', 'traffic.rate': '1000' });
    const [reply] = f.send([{ type: 'seek', t: 90_000 }]);
    expect((reply!.reply as { message: string }).message).toMatch(
      /a jump reaches from 0 s to 1:40\.0$/,
    );
  });
});
