/** When the scheduled email outage in force now ends, if one is: what the "Email service outage"
 * switch says while `email.outage` has the service down and the switch itself is off. */
import { parseOutages } from '../../engine/index.ts';
import type { SimulatorState } from '../simulatorTypes.ts';

let lastRaw = '';
let lastWindows: ReturnType<typeof parseOutages> = [];

/** The end, in simulated ms, of the outage window that holds `nowMs` (from included, to not, as
 * the engine has it), or null. */
export function scheduledOutageEnd(raw: string, nowMs: number): number | null {
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastWindows = parseOutages(raw);
  }
  if (typeof lastWindows === 'string') return null;
  const now = lastWindows.find((w) => w.fromMs <= nowMs && nowMs < w.toMs);
  return now ? now.toMs : null;
}

export const selectScheduledOutageEnd = (s: Pick<SimulatorState, 'values' | 'simMs'>) =>
  scheduledOutageEnd(s.values['email.outage'] ?? 'none', s.simMs);
