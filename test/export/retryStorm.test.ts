// A retry storm writes more log entries in a moment than the log ring holds (every email fails in
// 1 µs and is retried at once). The customer's screen and the orders export read that log: they
// must still agree with the engine's own counts, or say that they cannot.
import { describe, expect, it } from 'vitest';
import {
  LaneReplay,
  ORDER_COLUMNS,
  ordersCsv,
  REPLAY_PIECE_EVENTS,
  runOf,
  runOfSliced,
} from '../../src/export/index.ts';
import { Lane } from '../../src/store/lanes/lane.ts';
import { screenOf } from '../../src/store/publish/snapshot.ts';
import { testSimulator } from '../support/simulator.ts';

/** `?v=1&scenario=checkout&mode=async&email.failureRate=1&retry.backoff=none&
 * queue.deadLetter=false&latency.email=0.001&autoplay=0&t=…`, at 1.1 s rather than 1.3 s: the
 * storm starts with the email job at 1.05 s, and 50 ms of it (about 200,000 entries) already
 * overflowed the ring in one read, at a fifth of the work. */
const STORM = {
  'email.failureRate': '1',
  'retry.backoff': 'none',
  'queue.deadLetter': 'false',
  'latency.email': '0.001',
};
const AT_MS = 1100;

function stormLink() {
  const sim = testSimulator();
  const s = sim.store.getState();
  expect(s.loadScenario('checkout')).toBeUndefined();
  s.restartWith({ settings: STORM });
  s.setLanesShown('async');
  expect(sim.store.getState().jumpTo(AT_MS)).toBeUndefined();
  // The test's clock stands still within a frame, so the jump lands in the first one.
  sim.clock.advance(16);
  expect(sim.store.getState().jump).toBeNull();
  expect(sim.store.getState().simMs).toBe(AT_MS);
  return sim;
}

describe('a link into a 1 µs retry storm', () => {
  const sim = stormLink();
  const lane = sim.simulator.lane('async');
  const live = lane.report('live');
  const view = lane.view();
  /** Email calls started: the failed ones and the ones in progress now. */
  const calls =
    live.emails.failedAttempts +
    live.emails.sent +
    view.workers.filter((w) => w.state === 'busy').length;

  it('is a storm: tens of thousands of failed email calls in 50 ms', () => {
    expect(live.emails.failedAttempts).toBeGreaterThan(40_000);
    expect(live.orders.succeeded).toBe(1);
    expect(live.responseMs.max).toBe(1050);
  });

  it('lost no log entry in the lane', () => {
    expect(lane.dropped).toBe(0);
    expect(lane.lost).toBeNull();
  });

  it("shows the customer's page at 1.05 s and the email not sent, as the engine counts them", () => {
    const { screen } = sim.store.getState().lanes.async;
    expect(screen).toMatchObject({ order: 1, phase: 'success', pageMs: live.responseMs.max });
    expect(screen.email).toBe('pending');
    expect(live.emails.pending).toBe(1);
  });

  it('exports the order as the engine counts it: page, response time and every email call', () => {
    const run = runOf(sim.store.getState(), ['async']);
    const [async] = run.lanes;
    expect(async!.lostEntries).toBe(0);
    expect(async!.orders).toHaveLength(1);
    expect(async!.orders[0]).toMatchObject({
      page: 'success',
      responseMs: 1050,
      outcome: 'success',
      email: 'pending',
      emailAttempts: calls,
    });
    const [header, row] = ordersCsv(run.lanes).trimEnd().split('\r\n');
    const cell = (name: string) => row!.split(',')[ORDER_COLUMNS.indexOf(name as never)];
    expect(header).toBe(ORDER_COLUMNS.join(','));
    expect(cell('page')).toBe('success');
    expect(cell('response_ms')).toBe('1050');
    expect(cell('outcome')).toBe('success');
    expect(Number(cell('email_attempts'))).toBe(calls);
    // The export's own replay is the live run, call for call.
    expect(async!.ledger.emails).toEqual(live.emails);
  });

  it('exports in slices, giving the page a turn between them, to the same result', async () => {
    let wallMs = 0;
    let pauses = 0;
    const progress: number[] = [];
    // A clock that moves 10 ms each time it is read: a 40 ms slice replays 3 pieces of work at
    // most before it pauses, however heavy the run.
    const run = await runOfSliced(sim.store.getState(), ['async'], {
      now: () => (wallMs += 10),
      pause: async () => void pauses++,
      progress: (done) => progress.push(done),
    });
    const events = run!.lanes[0]!.ledger.events;
    expect(pauses).toBeGreaterThanOrEqual(Math.ceil(events / (3 * REPLAY_PIECE_EVENTS)) - 1);
    expect(pauses).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(run).toEqual(runOf(sim.store.getState(), ['async']));
  });

  it('stops a sliced export when asked', async () => {
    const controller = new AbortController();
    const run = await runOfSliced(sim.store.getState(), ['async'], {
      now: (() => {
        let ms = 0;
        return () => (ms += 10);
      })(),
      pause: async () => controller.abort(),
      signal: controller.signal,
    });
    expect(run).toBeNull();
  });
});

describe('when log entries are lost all the same', () => {
  it('the export counts them, so that it can say it is incomplete', () => {
    const s = testSimulator().store.getState();
    s.restartWith({ settings: STORM });
    // A log of 64 entries read every 4,096 events loses most of them.
    const replay = new LaneReplay(
      { settings: { ...STORM }, seed: s.seed, durationMs: s.durationMs, changes: [] },
      'async',
      AT_MS,
      'free',
      undefined,
      64,
    );
    while (!replay.advance());
    expect(replay.result().lostEntries).toBeGreaterThan(0);
  });

  it("the customer's screen says it cannot know an order whose events went", () => {
    const sim = testSimulator();
    sim.store.getState().play();
    sim.clock.advance(5000);
    // A lane of the store's own, run as the store's: the test marks a span of its log lost.
    const lane = new Lane('async', sim.simulator.recipe());
    lane.runUntil(sim.store.getState().simMs);
    expect(screenOf(lane, 1).phase).toBe('success');
    // Entries lost while order 1 waited for its page: its screen claims nothing.
    lane.lost = { fromMs: 500, toMs: 600 };
    expect(screenOf(lane, 1)).toMatchObject({ phase: 'unknown', pageMs: -1, email: 'none' });
    // Lost after its story was over (page at 1.05 s, email at 2.55 s): it is known.
    lane.lost = { fromMs: 3000, toMs: 4000 };
    expect(screenOf(lane, 1).phase).toBe('success');
  });
});
