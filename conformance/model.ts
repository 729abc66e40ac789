/** A conformance trace run through the model: the engine with the trace's settings (server steps
 * that take no time, so orders reach the queue at t = 0), its log projected to the events the
 * real client records. */
// Every broker registered: this runs any of them, with no first load to keep small.
import '../src/engine/queue/all.ts';
import {
  buildConfig,
  Simulation,
  type SettingValue,
  type TimedChange,
} from '../src/engine/index.ts';

export interface ModelSpec {
  settings: Record<string, SettingValue>;
  changes?: TimedChange[];
  orders: number;
}

export function runModel(broker: 'redis' | 'rabbitmq', spec: ModelSpec): string[] {
  const sim = new Simulation({
    config: buildConfig({
      'traffic.pattern': 'steady',
      'traffic.rate': 0,
      'latency.validate': 0,
      'latency.charge': 0,
      'latency.save': 0,
      'latency.enqueue': 0,
      'queue.broker': broker,
      ...spec.settings,
    }),
    mode: 'async',
    seed: 1,
    durationMs: 0,
    changes: [{ atMs: 0, key: 'orders.place', value: spec.orders }, ...(spec.changes ?? [])],
    logCapacity: 100_000,
  });
  sim.runToSettle(600_000);
  const events: string[] = [];
  for (const e of sim.readLog(0).entries) {
    switch (e.kind) {
      case 'messageReceived': {
        const count = broker === 'redis' ? e.receive : (e.deliveryCount ?? 0);
        events.push(`deliver ${e.message} to c${e.worker} (${count})`);
        break;
      }
      case 'messageAcked':
        events.push(`ack ${e.message} by c${e.worker}`);
        break;
      case 'lateAck':
        events.push(`stale-ack ${e.message} by c${e.worker}`);
        break;
      case 'deadLettered':
        events.push(`dead ${e.message}`);
        break;
      case 'messageDropped':
        events.push(`drop ${e.message}`);
        break;
      default:
    }
  }
  return events;
}
