/** Short-lived tokens that the event log implies but the engine's view does not hold: a page going
 * back to the customer, an email arriving in the inbox, a failed call, a job dropping into the
 * dead-letter queue. Each is a pure function of its log entry, so seeking replays them exactly. */
import type { LogEntry, Place } from '../../engine/index.ts';

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

/** Flights of one kind kept at most, the newest: as many as the diagram draws of a pile. A retry
 * storm (1 µs email calls that all fail) starts hundreds of thousands within a flight's 350 ms,
 * all drawn at one spot, and pruning them at every read of the log grew with their number. */
export const FLIGHTS_PER_KIND = 600;

/** Flights still on screen at `nowMs`, at most FLIGHTS_PER_KIND of a kind, in place (the array is
 * reused). The newest of a kind are kept, and a kind's flights all last as long, so which are
 * kept depends on the log and the moment only, not on how often this runs (seeks replay it). */
export function pruneFlights(flights: Flight[], nowMs: number): void {
  const excess: Record<FlightKind, number> = {
    success: -FLIGHTS_PER_KIND,
    error: -FLIGHTS_PER_KIND,
    email: -FLIGHTS_PER_KIND,
    duplicate: -FLIGHTS_PER_KIND,
    failed: -FLIGHTS_PER_KIND,
    dead: -FLIGHTS_PER_KIND,
  };
  for (const f of flights) if (f.endMs > nowMs) excess[f.kind]++;
  let kept = 0;
  for (const f of flights) {
    // The log is in time order, so the oldest of a kind come first: they are the ones to go.
    if (f.endMs > nowMs && excess[f.kind]-- <= 0) flights[kept++] = f;
  }
  flights.length = kept;
}
