import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation, type Report } from '../../src/engine/index.ts';
import { testSimulator } from '../support/simulator.ts';

/** A run's report without the event count, which a replay's timed changes add to. */
function outcome(r: Report) {
  return { ...r, events: 0 };
}

describe('the simulator store', () => {
  it('starts paused at 0 s with the lesson’s single order placed in both lanes', () => {
    const { store } = testSimulator();
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.simMs).toBe(0);
    expect(s.lanesShown).toBe('compare');
    expect(s.lanes.sync.screen.phase).toBe('waiting');
    expect(s.lanes.async.screen.phase).toBe('waiting');
    expect(s.lanes.sync.screen.order).toBe(1);
  });

  it('plays the lesson: sync page at 2.55 s, async at 1.05 s, both emails at 2.55 s', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(5000);
    const { sync, async } = store.getState().lanes;
    expect(sync.screen).toMatchObject({
      phase: 'success',
      pageMs: 2550,
      email: 'sent',
      emailMs: 2550,
    });
    expect(async.screen).toMatchObject({
      phase: 'success',
      pageMs: 1050,
      email: 'sent',
      emailMs: 2550,
    });
  });

  it('pauses by itself a little after nothing more can happen', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(10_000);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.simMs).toBe(2550 + 1200);
    expect(s.furthestMs).toBe(3750);
  });

  it('turns wall time times speed into simulated time', () => {
    const { store, clock } = testSimulator({ speed: 0.5 });
    store.getState().play();
    clock.advance(1000);
    expect(store.getState().simMs).toBeCloseTo(500, 5);
    store.getState().setSpeed(2);
    clock.advance(500);
    expect(store.getState().simMs).toBeCloseTo(1500, 5);
    store.getState().pause();
    clock.advance(1000);
    expect(store.getState().simMs).toBeCloseTo(1500, 5);
  });

  it('steps to the next moment at which something happens', () => {
    const { store } = testSimulator();
    store.getState().stepEvent();
    expect(store.getState().simMs).toBe(200);
    store.getState().stepEvent();
    expect(store.getState().simMs).toBe(1000);
  });

  it('does not step into empty time once nothing more can happen', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(10_000);
    store.getState().stepEvent();
    expect(store.getState().simMs).toBe(3750);
  });

  it('seeks backwards by replaying, landing on the same state', () => {
    const { store, simulator, clock } = testSimulator();
    store.getState().change('traffic.rate', '20');
    store.getState().play();
    clock.advance(3000);
    store.getState().pause();
    const at = store.getState().simMs;
    const before = outcome(simulator.lane('async').report('x'));
    store.getState().seek(500);
    expect(store.getState().simMs).toBe(500);
    store.getState().seek(at);
    expect(outcome(simulator.lane('async').report('x'))).toEqual(before);
  });

  it('records changes as timed changes that replay exactly, even at an event’s moment', () => {
    const { store, simulator, clock } = testSimulator();
    const s = () => store.getState();
    s().change('traffic.rate', '15');
    s().play();
    clock.advance(800);
    s().change('email.failureRate', '0.3');
    clock.advance(700);
    s().stepEvent(); // paused exactly where events just ran
    s().change('latency.email', '700');
    s().placeOrder();
    s().play();
    clock.advance(1500);
    s().change('workers.count', '2');
    clock.advance(1000);
    s().pause();
    const end = s().simMs;
    const live = outcome(simulator.lane('async').report('x'));
    const replay = new Simulation({
      config: buildConfig(s().base),
      mode: 'async',
      seed: s().seed,
      durationMs: 600_000,
      changes: s().changes,
    });
    replay.runUntil(end);
    expect(outcome(report(replay.state, 'x'))).toEqual(live);
    expect(s().changes.map((c) => c.key)).toEqual([
      'traffic.pattern',
      'traffic.rate',
      'email.failureRate',
      'latency.email',
      'orders.place',
      'workers.count',
    ]);
  });

  it('refuses a bad value with the registry’s sentence and changes nothing', () => {
    const { store } = testSimulator();
    const problem = store.getState().change('workers.count', '-3');
    expect(problem).toMatch(/workers\.count=-3 is not allowed: a whole number from 0 to 10000/);
    expect(store.getState().errors['workers.count']).toBe(problem);
    expect(store.getState().values['workers.count']).toBe('4');
    expect(store.getState().changes).toHaveLength(0);
    store.getState().change('workers.count', '6');
    expect(store.getState().errors['workers.count']).toBeUndefined();
    expect(store.getState().values['workers.count']).toBe('6');
  });

  it('drops the changes after the moment when a change is made in the past', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(1000);
    store.getState().change('latency.email', '900');
    clock.advance(1000);
    store.getState().change('latency.email', '600');
    store.getState().pause();
    store.getState().seek(500);
    store.getState().change('workers.count', '8');
    const { changes, furthestMs, values } = store.getState();
    expect(changes.map((c) => c.key)).toEqual(['workers.count']);
    expect(furthestMs).toBe(500);
    expect(values['latency.email']).toBe('1500');
  });

  it('shows the values in force at the moment it has sought to', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(1000);
    store.getState().change('latency.email', '900');
    clock.advance(500);
    store.getState().pause();
    store.getState().seek(100);
    expect(store.getState().values['latency.email']).toBe('1500');
    store.getState().seek(1400);
    expect(store.getState().values['latency.email']).toBe('900');
  });

  it('follows an order placed by hand on the customers’ screens', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(500);
    store.getState().placeOrder();
    expect(store.getState().tracked).toBe(2);
    expect(store.getState().lanes.sync.screen.order).toBe(2);
  });

  it('switches the one-order pattern to steady traffic when orders per second rise above 0', () => {
    const { store } = testSimulator();
    expect(store.getState().values['traffic.rate']).toBe('0');
    store.getState().change('traffic.rate', '5');
    expect(store.getState().values['traffic.pattern']).toBe('steady');
    expect(store.getState().values['traffic.rate']).toBe('5');
  });

  it('starts a spike from the current moment', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(2000);
    store.getState().startSpike();
    const { values, simMs } = store.getState();
    expect(values['traffic.pattern']).toBe('spike');
    expect(Number(values['traffic.spikeAt']) * 1000).toBeCloseTo(simMs, 1);
  });

  it('resets to 0 s keeping the settings in force', () => {
    const { store, clock } = testSimulator();
    store.getState().change('latency.email', '300');
    store.getState().play();
    clock.advance(1000);
    store.getState().reset();
    const s = store.getState();
    expect(s.simMs).toBe(0);
    expect(s.playing).toBe(false);
    expect(s.changes).toHaveLength(0);
    expect(s.values['latency.email']).toBe('300');
    s.restoreDefaults();
    expect(store.getState().values['latency.email']).toBe('1500');
  });

  it('follows the same customer after a seek as when it played there', () => {
    const { store, clock } = testSimulator({ speed: 4 });
    store.getState().change('traffic.rate', '3');
    store.getState().play();
    clock.advance(6000);
    store.getState().pause();
    const { simMs, tracked } = store.getState();
    expect(tracked).toBeGreaterThan(1);
    store.getState().seek(0);
    expect(store.getState().tracked).toBe(1);
    store.getState().seek(simMs);
    expect(store.getState().tracked).toBe(tracked);
  });
});
