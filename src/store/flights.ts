/** Short-lived tokens that the event log implies but the engine's view does not hold: a page going
 * back to the customer, an email arriving in the inbox, a failed call, a job dropping into the
 * dead-letter queue. Each is a pure function of its log entry, so seeking replays them exactly. */
import type { LogEntry, Place } from '../engine/index.ts';

export type FlightKind = 'success' | 'error' | 'email' | 'duplicate' | 'failed' | 'dead';

export interface Flight {
  kind: FlightKind;
  order: number;
  from: Place;
  to: Place;
  startMs: number;
  endMs: number;
}

/** How long, in simulated ms, each kind of flight stays on screen. */
export const FLIGHT_MS: Record<FlightKind, number> = {
  success: 450,
  error: 450,
  email: 600,
  duplicate: 600,
  failed: 350,
  dead: 450,
};

function flight(kind: FlightKind, order: number, from: Place, to: Place, t: number): Flight {
  return { kind, order, from, to, startMs: t, endMs: t + FLIGHT_MS[kind] };
}

/** The flight a log entry starts, if any. */
export function flightOf(entry: LogEntry): Flight | null {
  switch (entry.kind) {
    case 'pageShown':
      return flight(entry.page, entry.order, 'server', 'customer', entry.t);
    case 'emailSent':
      return flight(
        entry.duplicate ? 'duplicate' : 'email',
        entry.order,
        'email',
        'customer',
        entry.t,
      );
    case 'emailFailed':
      return flight('failed', entry.order, 'email', 'email', entry.t);
    case 'deadLettered':
      return flight('dead', entry.order, 'queue', 'dlq', entry.t);
    default:
      return null;
  }
}

/** Lets go of the oldest flights, those over by `nowMs` at the front, in place. One that ends later
 * keeps the shorter ones behind it until it ends too (drawing skips what is over), so a prune
 * touches only what goes: a heavy run holds thousands of flights and reads its log many times a
 * frame, and a full pass each time cost tens of ms a frame. Which flights are kept at a moment
 * is the same however the log was read up to it. */
export function pruneFlights(flights: Flight[], nowMs: number): void {
  let over = 0;
  while (over < flights.length && flights[over]!.endMs <= nowMs) over++;
  if (over > 0) flights.splice(0, over);
}
