/** RabbitMQ with a quorum queue: each worker holds up to `prefetch` unacked messages; a failed
 * email is rejected with requeue, and a crash closes the channel: either way the messages go
 * back to the head of the queue at once, marked redelivered; past the delivery limit a message
 * goes to the dead-letter exchange, or is dropped when there is none. */
import { fifoShift, fifoSize } from '../ring.ts';
import type { Message, SimState } from '../state.ts';
import {
  deadLetter,
  dispatchToIdle,
  drop,
  expire,
  logLateAck,
  makeVisible,
  ack,
  receive,
  setDepth,
} from './core.ts';
import type { BrokerPolicy } from './policy.ts';
import { goIdleInLine } from './workers.ts';

function dispatch(s: SimState): void {
  dispatchToIdle(s);
  prefetch(s);
}

/** RabbitMQ pushes more messages to busy consumers, round robin, until each holds `prefetch`
 * unacked messages (the one in hand included). */
function prefetch(s: SimState): void {
  const extra = s.config.queue.prefetch - 1;
  const n = s.workers.length;
  const count = s.config.workers.count;
  let passed = 0;
  while (fifoSize(s.visible) > 0 && passed < n) {
    const worker = s.workers[s.rr % n]!;
    s.rr = (s.rr + 1) % n;
    if (worker.state === 'busy' && worker.id < count && worker.buffer.length < extra) {
      const message = fifoShift(s.visible)!;
      setDepth(s);
      receive(s, worker, message);
      worker.buffer.push(message);
      passed = 0;
    } else passed++;
  }
}

/** RabbitMQ takes a message back (a reject or a closed channel): at the delivery limit it goes
 * to the dead-letter exchange, or nowhere; otherwise to the head of the queue. The caller has
 * already taken it out of flight. */
function returnToQueue(s: SimState, message: Message): void {
  if (message.receives < s.config.queue.deliveryLimit) makeVisible(s, message, true);
  else if (s.config.queue.deadLetter) deadLetter(s, message);
  else drop(s, message);
}

/** Returns several messages keeping their order: the first ends up at the head. */
export function returnAll(s: SimState, messages: Message[]): void {
  for (let i = messages.length - 1; i >= 0; i--) {
    s.inflight--;
    returnToQueue(s, messages[i]!);
  }
}

export const rabbitmq: BrokerPolicy = {
  publish: (s, message) => makeVisible(s, message),
  dispatch,
  goIdle: goIdleInLine,
  findWork: (s) => dispatch(s),
  leaseEndsAt: () => Infinity,
  succeeded: ack,
  failed(s, message) {
    // basic.reject with requeue: back to the head of the queue at once, marked redelivered.
    s.inflight--;
    returnToQueue(s, message);
  },
  lateAck: logLateAck,
  leaseExpired: (s, message) => expire(s, message, false),
  delayEnded: (s, message) => makeVisible(s, message),
  crashed(s, worker, message) {
    // The channel closes: every unacked message goes back at once, marked redelivered.
    returnAll(s, [message, ...worker.buffer.splice(0)]);
  },
  tries: (message) => message.receives,
};
