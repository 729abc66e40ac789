/** Every kind of scheduled event in one table: its code in the event list, its priority among
 * events at the same moment, and the type of what it refers to, so that `schedule` takes the
 * right subject for each kind and `fire` hands it on without a cast. */
import type { EventList } from './eventList.ts';
import type { Message, Order, Worker } from './entities.ts';

/** One kind of event. `subject` is never set: it only carries the type of the event's subject. */
export interface EventKind<R> {
  readonly code: number;
  readonly priority: number;
  readonly subject?: R;
}

function kind<R>(code: number, priority: number): EventKind<R> {
  return { code, priority };
}

/** Lower priorities run first among events at the same time: settings change before anything else
 * happens at that moment; work that finishes beats a user's patience running out at the same
 * instant; new arrivals come last. The number `n` that every event also carries is a generation,
 * lease, job or index that lets a superseded event recognise itself and do nothing (lazy
 * cancellation, cheaper than deleting from the heap). */
export const EV = {
  /** A scripted setting change; `n` is its index in the run's changes. */
  change: kind<null>(0, 0),
  outage: kind<null>(1, 1),
  stepDone: kind<Order>(2, 2),
  emailDone: kind<Worker>(3, 2),
  workerCrash: kind<Worker>(4, 2),
  workerRestart: kind<Worker>(5, 2),
  messageVisible: kind<Message>(6, 2),
  timeoutSweep: kind<null>(7, 3),
  arrival: kind<null>(8, 4),
  userRetry: kind<Order>(9, 4),
  redrive: kind<null>(10, 2),
  sessionTimeout: kind<Worker>(11, 2),
  /** The outbox relay polls its table (outbox.ts). */
  outboxPoll: kind<null>(12, 2),
} as const;

type SubjectOf<K> = K extends EventKind<infer R> ? R : never;
/** What any event may refer to. */
export type EventSubject = SubjectOf<(typeof EV)[keyof typeof EV]>;

/** The subject of the event in `slot`, as its kind says. `schedule` stored it with that kind
 * (its type checks the subject against the kind), so this one cast cannot lie. */
export function subjectOf<R extends EventSubject>(
  list: EventList<EventSubject>,
  slot: number,
  _kind: EventKind<R>,
): R {
  return list.refs[slot] as R;
}
