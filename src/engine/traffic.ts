/** Customers placing orders: one order at t=0, or a Poisson process whose rate can step up for a
 * spike and be changed mid-run. Arrivals draw only from the `arrivals` stream, so every mode and
 * every other setting sees the same orders at the same times. */
import { EV } from './events.ts';
import { exponential } from './rng.ts';
import { acceptOrder } from './server.ts';
import { ARRIVAL_LANE, schedule, scheduleRounded } from './schedule.ts';
import type { SimState } from './state.ts';
import { roundUs } from './time.ts';

/** Orders per ms at time t (constant between breakpoints). */
function rateAt(s: SimState, t: number): number {
  const { pattern, ratePerSec, spikeAtSec, spikeForSec, spikeRatePerSec } = s.config.traffic;
  if (pattern === 'single') return 0;
  if (pattern === 'spike' && t >= spikeAtSec * 1000 && t < (spikeAtSec + spikeForSec) * 1000) {
    return spikeRatePerSec / 1000;
  }
  return ratePerSec / 1000;
}

/** The next moment after t at which the rate may change (Infinity if none). */
function nextBreakpoint(s: SimState, t: number): number {
  const { pattern, spikeAtSec, spikeForSec } = s.config.traffic;
  const points = [s.durationMs];
  if (pattern === 'spike') points.push(spikeAtSec * 1000, (spikeAtSec + spikeForSec) * 1000);
  let next = Infinity;
  for (const p of points) if (p > t && p < next) next = p;
  return next;
}

function limitReached(s: SimState): boolean {
  const limit = s.config.traffic.orders;
  return limit > 0 && s.arrivals.placed >= limit;
}

/** The time at which the integrated rate from `from` reaches `budget`, or Infinity if arrivals
 * end first. Walking the piecewise-constant rate keeps a time-varying Poisson process exact. */
function timeOfBudget(s: SimState, from: number, budget: number): number {
  if (s.config.traffic.pattern === 'steady') {
    // The common case, without walking breakpoints.
    const t = from + budget / rateAt(s, from);
    return t < s.durationMs ? t : Infinity;
  }
  let t = from;
  let left = budget;
  while (t < s.durationMs) {
    const rate = rateAt(s, t);
    const end = Math.min(nextBreakpoint(s, t), s.durationMs);
    if (rate > 0 && left <= rate * (end - t)) return t + left / rate;
    left -= rate * (end - t);
    t = end;
  }
  return Infinity;
}

function integratedRate(s: SimState, from: number, to: number): number {
  let area = 0;
  let t = from;
  while (t < to) {
    const end = Math.min(nextBreakpoint(s, t), to);
    area += rateAt(s, t) * (end - t);
    t = end;
  }
  return area;
}

function scheduleNextArrival(s: SimState): void {
  const a = s.arrivals;
  a.gen++;
  a.pending = false;
  if (limitReached(s)) return;
  const t = timeOfBudget(s, a.fromMs, a.budget);
  if (t === Infinity) return;
  a.pending = true;
  scheduleRounded(s, EV.arrival, roundUs(t), null, a.gen, ARRIVAL_LANE);
}

/** Called once when the run starts. */
export function startTraffic(s: SimState): void {
  if (s.config.traffic.pattern === 'single') {
    s.arrivals.pending = true;
    schedule(s, EV.arrival, 0, null, s.arrivals.gen);
    return;
  }
  s.arrivals.fromMs = 0;
  s.arrivals.budget = exponential(s.streams.arrivals);
  scheduleNextArrival(s);
}

export function onArrival(s: SimState, gen: number): void {
  if (gen !== s.arrivals.gen) return;
  s.arrivals.placed++;
  acceptOrder(s);
  if (s.config.traffic.pattern === 'single') {
    s.arrivals.pending = false;
    return;
  }
  s.arrivals.fromMs = s.now;
  s.arrivals.budget = exponential(s.streams.arrivals);
  scheduleNextArrival(s);
}

/** Before a traffic setting changes: spend the budget used so far under the old rate. */
export function pauseTraffic(s: SimState): void {
  const a = s.arrivals;
  if (!a.pending) return;
  a.budget = Math.max(0, a.budget - integratedRate(s, a.fromMs, s.now));
  a.fromMs = s.now;
}

/** After a traffic setting changed: the pending arrival moves to where the new rate puts it. */
export function resumeTraffic(s: SimState): void {
  const a = s.arrivals;
  if (!a.pending) {
    // Traffic that had stopped (rate 0, or the single pattern) starts afresh from now.
    if (s.config.traffic.pattern === 'single' || s.now >= s.durationMs) return;
    a.fromMs = s.now;
    a.budget = exponential(s.streams.arrivals);
  }
  scheduleNextArrival(s);
}

/** The "place an order now" action: extra orders outside the Poisson process. */
export function placeOrdersNow(s: SimState, count: number): void {
  for (let i = 0; i < count; i++) {
    s.arrivals.placed++;
    acceptOrder(s);
  }
}

export function arrivalsPending(s: SimState): boolean {
  return s.arrivals.pending;
}
