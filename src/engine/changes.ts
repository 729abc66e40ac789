/** A setting change in a running model: checking it (a bad value changes nothing), applying it,
 * and what it sets off (handlers refilled, workers resized, outage windows scheduled). */
import { EV } from './events.ts';
import { redrive, resizeWorkers, scheduleRedrive } from './queue/index.ts';
import { fillHandlers, rescheduleSweep, setHandlersBusy } from './server.ts';
import {
  ACTIONS,
  applySetting,
  beforeStartOnly,
  clip,
  defaultConfig,
  findSetting,
  parseDecimal,
  SettingError,
  type LiveEffect,
  type OutageWindow,
  type SettingValue,
  type TimedChange,
} from './settings.ts';
import { log } from './log.ts';
import { schedule } from './schedule.ts';
import type { SimState } from './state.ts';
import { pauseTraffic, placeOrdersNow, resumeTraffic } from './traffic.ts';

/** Checks a timed change against the run's config (`s`: its flow decides which step settings
 * exist), or the defaults without one. */
export function checkChange(change: TimedChange, s: SimState | null = null): void {
  if (!(change.atMs >= 0) || !Number.isFinite(change.atMs)) {
    throw new SettingError(`a timed change of ${change.key} has no valid time (${change.atMs} ms)`);
  }
  const problem = validateChange(s, change.key, change.value);
  if (problem) throw new SettingError(problem);
}

export function validateChange(
  s: SimState | null,
  key: string,
  value: SettingValue,
): string | undefined {
  if (key === ACTIONS.placeOrders) {
    const n = parseDecimal(String(value));
    return Number.isInteger(n) && n >= 1 && n <= 1000
      ? undefined
      : `${key}=${clip(String(value))} is not allowed: a whole number from 1 to 1000`;
  }
  if (key === ACTIONS.redrive) return undefined;
  if (beforeStartOnly(key)) {
    return `${key} can only be set before the run starts (restart the run with it instead)`;
  }
  // Validate against a scratch copy so that a bad value changes nothing.
  return applySetting(structuredClone(s?.config ?? defaultConfig()), key, value);
}

export function applyChange(s: SimState, change: TimedChange): void {
  const { key, value } = change;
  if (s.log) log(s.log, { t: s.now, kind: 'settingChanged', key, value: String(value) });
  if (key === ACTIONS.placeOrders) {
    placeOrdersNow(s, Number(value));
    return;
  }
  if (key === ACTIONS.redrive) {
    redrive(s);
    return;
  }
  const live = LIVE[findSetting(key)?.live ?? 'set'];
  live.before?.(s);
  applySetting(s.config, key, value);
  live.after?.(s);
}

/** What each kind of live change sets off around the write (the registry's `live` names it for
 * every setting), so that no change needs a branch on its key here. */
const LIVE: Readonly<
  Record<LiveEffect, { before?: (s: SimState) => void; after?: (s: SimState) => void }>
> = {
  set: {},
  // Refused before it gets here (validateChange); a replay never holds one.
  restart: {},
  retimeTraffic: { before: pauseTraffic, after: resumeTraffic },
  refillHandlers: {
    after(s) {
      setHandlersBusy(s, s.server.handlersBusy);
      fillHandlers(s);
    },
  },
  rescheduleTimeouts: { after: rescheduleSweep },
  resizeWorkers: { after: resizeWorkers },
  scheduleOutages: { after: scheduleOutages },
  scheduleRedrive: { after: scheduleRedrive },
  logEmailService: {
    after(s) {
      if (s.log) {
        log(s.log, {
          t: s.now,
          kind: 'emailService',
          down: s.config.email.down || s.email.inOutage,
        });
      }
    },
  },
};

/** The email service's outage windows: its step's (none when the flow has no step `email`). */
function emailOutages(s: SimState): readonly OutageWindow[] {
  return s.config.flow.steps.find((step) => step.id === 'email')?.outages ?? [];
}

/** Outage windows become events, so the log and the view show the service going down and up. */
export function scheduleOutages(s: SimState): void {
  const gen = ++s.email.outageGen;
  const outages = emailOutages(s);
  const inside = outages.some((w) => w.fromMs <= s.now && s.now < w.toMs);
  if (inside !== s.email.inOutage) onOutage(s, gen);
  for (const w of outages) {
    if (w.fromMs > s.now) schedule(s, EV.outage, w.fromMs, null, gen);
    if (w.toMs > s.now) schedule(s, EV.outage, w.toMs, null, gen);
  }
}

/** At a window's edge: is the service inside any window now? */
export function onOutage(s: SimState, gen: number): void {
  if (gen !== s.email.outageGen) return;
  const inside = emailOutages(s).some((w) => w.fromMs <= s.now && s.now < w.toMs);
  if (inside === s.email.inOutage) return;
  s.email.inOutage = inside;
  if (s.log) log(s.log, { t: s.now, kind: 'emailService', down: s.config.email.down || inside });
}
