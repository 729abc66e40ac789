// What a lane tells the diagram about messages out of sight, under brokers that hold them
// differently: counted from the engine's state, so every broker is right without its own rules.
import { describe, expect, it } from 'vitest';
import { Lane } from '../../src/store/lanes/lane.ts';

const NO_TRAFFIC = { 'traffic.pattern': 'steady', 'traffic.rate': 0 };

function lane(settings: Record<string, string | number | boolean>, changes = [] as const) {
  return new Lane('async', {
    settings: { ...NO_TRAFFIC, 'workers.restart': 1000, ...settings },
    seed: 1,
    durationMs: 60_000,
    changes: [{ atMs: 0, key: 'orders.place', value: 1 }, ...changes],
  });
}

describe('messages out of sight', () => {
  it('SQS: a crashed worker’s message is hidden until its lease runs out', () => {
    const l = lane({ 'workers.crashRate': 1, 'queue.visibilityTimeout': 10_000 });
    l.runUntil(1050 + 1);
    expect(l.sim.view().hidden).toBe(0);
    l.runUntil(3000);
    expect(l.sim.report('live').workers.crashes).toBe(1);
    expect(l.sim.view().hidden).toBe(1);
    l.runUntil(11_100);
    expect(l.sim.view().hidden).toBe(0);
  });

  it('Kafka: a crash puts the record back in its partition at once, so nothing is hidden', () => {
    const l = lane({ 'queue.broker': 'kafka', 'workers.crashRate': 1 });
    l.runUntil(3000);
    expect(l.sim.report('live').workers.crashes).toBe(1);
    expect(l.sim.view().hidden).toBe(0);
  });

  it('Redis: a failed entry stays pending, out of sight, until it is claimed', () => {
    const l = lane({ 'queue.broker': 'redis', 'email.outage': '0-2', 'queue.minIdle': 5000 });
    l.runUntil(3000);
    expect(l.sim.view().hidden).toBe(1);
    l.runUntil(6100);
    expect(l.sim.view().hidden).toBe(0);
  });

  it('SQS: a slow worker whose lease ran out is not counted twice', () => {
    const l = lane({ 'latency.email': 8000, 'queue.visibilityTimeout': 5000 });
    l.runUntil(7000);
    // Worker 0 is still sending, worker 1 now holds the message: nothing is out of sight.
    expect(l.sim.view().hidden).toBe(0);
  });
});

describe('the dead-letter pile', () => {
  it('empties when the dead letters are redriven', () => {
    const l = lane({ 'email.poisonEvery': 1, 'queue.maxReceives': 1 });
    l.runUntil(3000);
    expect(l.sim.view().deadLetters).toBe(1);
    expect(l.dlqOrders).toEqual([1]);
    expect(l.change('queue.redrive', true)).toBeUndefined();
    l.runUntil(3001);
    expect(l.sim.view().deadLetters).toBe(0);
    expect(l.dlqOrders).toEqual([]);
  });
});
