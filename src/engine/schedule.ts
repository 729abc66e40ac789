/** Putting an event on a run's event list: `schedule` checks the subject against the event's kind
 * (events.ts), and the list's lanes keep the events that come in order. */
import { eventKey, pushEvent } from './eventList.ts';
import type { EventKind, EventSubject } from './events.ts';
import type { SimState } from './state.ts';
import { roundUs } from './time.ts';

/** The event list keeps a lane for arrivals (the next is scheduled when the last one fires, so
 * they come in order) and one per step a handler runs (lane 1 + the step's index): with a fixed
 * latency, every order's step ends in the order it started, and a lane holds such events more
 * cheaply than the heap. As many lanes as the run's steps need, since finding the earliest lane
 * head looks at each lane after every event a lane fires. */
export const ARRIVAL_LANE = 0;
export const FIRST_STEP_LANE = 1;

export function schedule<R extends EventSubject>(
  s: SimState,
  kind: EventKind<R>,
  t: number,
  subject: NoInfer<R>,
  n = 0,
): void {
  pushEvent(s.heap, roundUs(t), eventKey(kind.priority, s.seq++), kind.code, subject, n);
}

/** `schedule` for a time already on the microsecond grid (from roundUs, which rounding again
 * would not change): one division less on the busiest paths. `lane`: see eventList.ts. */
export function scheduleRounded<R extends EventSubject>(
  s: SimState,
  kind: EventKind<R>,
  tUs: number,
  subject: NoInfer<R>,
  n = 0,
  lane = -1,
): void {
  pushEvent(s.heap, tUs, eventKey(kind.priority, s.seq++), kind.code, subject, n, lane);
}
