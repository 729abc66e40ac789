/** RabbitMQ's close-up look (see inspect.ts): each consumer with the message in hand and its
 * prefetch buffer, and the head of the queue. Apart from inspect.ts so that it loads with the
 * RabbitMQ preset. */
import { fifoSize } from '../ring.ts';
import type { Message, SimState } from '../state.ts';
import { cellOf, headOfQueue, heldBy, pool } from './inspect.ts';
import type { RabbitConsumer, RabbitInspection } from './inspection.ts';

export function inspectRabbit(s: SimState, limit: number): RabbitInspection {
  const count = s.config.workers.count;
  let returning: Message | null = null;
  const consider = (m: Message) => {
    if (m.failures > 0 && (returning === null || m.failures > returning.failures)) returning = m;
  };
  const { items, head } = s.queue.visible;
  for (let i = head; i < items.length; i++) consider(items[i]!);
  const consumers = pool(s)
    .filter((w) => w.id < count || w.state !== 'idle')
    .slice(0, limit)
    .map((w): RabbitConsumer => {
      const inHand = heldBy(w);
      if (inHand) consider(inHand);
      for (const m of w.buffer) consider(m);
      return {
        worker: w.id,
        state: w.state,
        inHand: inHand ? cellOf(inHand) : null,
        buffer: w.buffer.slice(0, limit).map(cellOf),
        bufferMore: Math.max(0, w.buffer.length - limit),
        unacked: (inHand ? 1 : 0) + w.buffer.length,
      };
    });
  return {
    kind: 'prefetch',
    broker: s.config.queue.broker,
    now: s.now,
    prefetch: s.config.queue.prefetch,
    deliveryLimit: s.config.queue.deliveryLimit,
    deadLetter: s.config.queue.deadLetter,
    consumers,
    ready: headOfQueue(s, limit),
    readyCount: fifoSize(s.queue.visible),
    returning: returning ? cellOf(returning) : null,
    dropped: s.metrics.dropped,
    deadLetters: s.dlq.length,
  };
}
