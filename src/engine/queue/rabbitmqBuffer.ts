/** RabbitMQ's prefetch buffers seen from a worker: taking its next prefetched message, and
 * handing everything back when its channel closes. Apart from rabbitmq.ts so that the shared
 * workers (workers.ts) can call them without importing the preset, which imports them. */
import type { Message, SimState, Worker } from '../state.ts';
import { addSample } from '../stats.ts';
import { deadLetter, drop } from './core.ts';
import { markRoom } from './rabbitmqRoom.ts';
import { returnMany, setDepth } from './visible.ts';

/** The worker's next prefetched message, if it has one (it stops waiting when it starts). */
export function takeBuffered(s: SimState, worker: Worker): Message | undefined {
  const next = worker.buffer.shift();
  if (next) {
    s.rabbitmq.buffered--;
    markRoom(s, worker);
    setDepth(s);
  }
  return next;
}

/** Past the delivery limit the message goes to the dead-letter exchange, or nowhere: true if it
 * did. `started`: it had left the prefetch buffer (its wait in the queue had ended). */
export function pastLimit(s: SimState, message: Message, started: boolean): boolean {
  if (message.failures <= s.config.queue.deliveryLimit) return false;
  // A message that never left a buffer ends its wait here, unprocessed: Little's law counts it.
  if (!started) addSample(s.metrics.queueWait, s.now - message.readyAt);
  if (s.config.queue.deadLetter) deadLetter(s, message);
  else drop(s, message);
  return true;
}

/** The channel closes (or the consumer leaves): the message in hand, if any, and everything in
 * the buffer go back in the order they were delivered, as RabbitMQ returns a channel's unacked
 * messages. `failed`: the return counts as a failed delivery (a crash), not as a consumer
 * timeout or a consumer's own nack. */
export function returnAll(
  s: SimState,
  inHand: Message | null,
  worker: Worker,
  failed: boolean,
): void {
  const buffered = worker.buffer.splice(0);
  s.rabbitmq.buffered -= buffered.length;
  // A consumer timeout leaves the worker busy on its call, with room again.
  markRoom(s, worker);
  const back: Message[] = [];
  const waitingSince: (number | undefined)[] = [];
  if (inHand) {
    s.inflight--;
    if (failed) inHand.failures++;
    if (!pastLimit(s, inHand, true)) {
      back.push(inHand);
      waitingSince.push(undefined);
    }
  }
  for (const message of buffered) {
    s.inflight--;
    if (failed) message.failures++;
    // Never started: it keeps waiting from when it first did.
    if (!pastLimit(s, message, false)) {
      back.push(message);
      waitingSince.push(message.readyAt);
    }
  }
  if (back.length > 0) returnMany(s, back, waitingSince);
  setDepth(s);
}
