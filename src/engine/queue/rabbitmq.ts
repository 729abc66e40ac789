/** RabbitMQ 4.3 with a quorum queue: each worker holds up to `prefetch` unacked messages; a
 * failed email is rejected with requeue, and a crash closes the channel: either way the
 * messages go back to the head of the queue at once, marked redelivered, and count as failed
 * deliveries (x-delivery-count). A message that fails more often than the delivery limit goes to
 * the dead-letter exchange, or is dropped when there is none. A delivery left unacked for the
 * consumer timeout closes the channel too, but (since 4.3) counts as no failure. */
import { fifoSize } from '../ring.ts';
import { log } from '../log.ts';
import type { Message, SimState } from '../state.ts';
import { ack, holderOf, logLateAck, receive } from './core.ts';
import { inspectRabbit } from './inspectRabbit.ts';
import { makeVisible, setDepth, takeVisible } from './visible.ts';
import type { BrokerPolicy } from './policy.ts';
import { pastLimit, returnAll } from './rabbitmqBuffer.ts';
import { clearRoom, markAllIfChanged, markRoom, nextMarked } from './rabbitmqRoom.ts';
import { dispatchToIdle, goIdleInLine } from './workers.ts';

function dispatch(s: SimState): void {
  dispatchToIdle(s, markRoom);
  prefetch(s);
}

/** RabbitMQ pushes more messages to busy consumers, round robin by id, until each holds
 * `prefetch` unacked messages (the one in hand included). They wait in the consumer's buffer.
 * Only workers that may have room are looked at (rabbitmqRoom.ts). */
function prefetch(s: SimState): void {
  markAllIfChanged(s);
  const extra = s.config.queue.prefetch - 1;
  const n = s.workers.length;
  const count = s.config.workers.count;
  if (n === 0) return;
  while (fifoSize(s.queue.visible) > 0) {
    const id = nextMarked(s, s.queue.rr % n);
    if (id < 0) return;
    const worker = s.workers[id]!;
    if (worker.state === 'busy' && worker.id < count && worker.buffer.length < extra) {
      const message = takeVisible(s);
      receive(s, worker, message);
      worker.buffer.push(message);
      s.rabbitmq.buffered++;
      setDepth(s);
      s.queue.rr = (id + 1) % n;
    } else clearRoom(s, id);
  }
}

/** RabbitMQ takes a message back: past the delivery limit it goes to the dead-letter exchange,
 * or nowhere; otherwise behind the messages returned before it, all served before the rest of the
 * queue (a quorum queue's returns). The caller has taken it out of flight. A message that never
 * left a prefetch buffer keeps waiting from when it first did. */
function returnToQueue(s: SimState, message: Message): void {
  if (!pastLimit(s, message, true)) makeVisible(s, message, 'returned');
}

/** The consumer timeout: the delivery in hand has gone unacked too long, so the broker closes
 * the worker's channel. The call goes on; its ack will find the channel gone. */
function consumerTimedOut(s: SimState, message: Message): void {
  s.metrics.visibilityExpired++;
  if (s.log)
    log(s.log, { t: s.now, kind: 'visibilityExpired', message: message.id, order: message.order });
  const worker = holderOf(s, message);
  if (worker) returnAll(s, message, worker, false);
  else {
    s.inflight--;
    returnToQueue(s, message);
  }
}

export const rabbitmq: BrokerPolicy = {
  // A slow call runs into the consumer timeout; a crash closes the channel and returns at once.
  lease: {
    name: 'consumer timeout',
    setting: 'queue.consumerTimeout',
    callSetting: 'queue.consumerTimeout',
    wait: null,
    crashWaitsForLease: false,
  },
  // No queue.maxReceives (RabbitMQ counts with its delivery limit) and no retry.* (a failure
  // comes back at once, with no backoff).
  settings: [
    {
      key: 'queue.prefetch',
      control: {
        label: 'Prefetch per worker',
        hint: 'Unacked messages one worker may hold at once (basic.qos).',
        real: 'RabbitMQ’s default is unlimited.',
      },
    },
    {
      key: 'queue.deliveryLimit',
      control: {
        label: 'Delivery limit',
        hint: 'Deliveries before the queue gives a message up.',
        real: '20 by default since RabbitMQ 4.0.',
      },
    },
    {
      key: 'queue.deadLetter',
      control: {
        label: 'Dead-letter exchange configured',
        hint: 'Without one, a message at the delivery limit is dropped: that customer never gets an email.',
      },
    },
    { key: 'queue.consumerTimeout' },
  ],
  deadLetter: 'dead-letter exchange',
  note: 'A delivery unacked for the consumer timeout (30 min, as in RabbitMQ) closes the worker’s channel, and its messages go back to the queue.',
  closeupTitle: 'Inside RabbitMQ: each consumer’s prefetch',
  prefetches: true,
  drops: true,
  inspect: inspectRabbit,
  publish: (s, message) => makeVisible(s, message),
  dispatch,
  goIdle: goIdleInLine,
  findWork: (s) => dispatch(s),
  // A crash closes the channel first; only a call that outlasts the timeout needs the timer.
  leaseEndsAt(s, worker, message) {
    const endsAt = message.receivedAt + s.config.queue.consumerTimeoutMs;
    return worker.until >= endsAt ? endsAt : Infinity;
  },
  succeeded: ack,
  failed(s, message) {
    // basic.reject with requeue: a failed delivery, back at the head of the queue at once.
    s.inflight--;
    returnToQueue(s, message);
  },
  lateAck: logLateAck,
  leaseExpired: consumerTimedOut,
  delayEnded: (s, message) => makeVisible(s, message),
  crashed(s, worker, message) {
    // A message the consumer timeout already took back is no longer this channel's to return
    // (it may even be back in this worker's buffer by now).
    const inHand = message.state === 'inflight' && message.lease === worker.lease ? message : null;
    returnAll(s, inHand, worker, true);
  },
  tries: (message) => message.failures,
};
