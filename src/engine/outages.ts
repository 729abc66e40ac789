/** Outage windows as settings and flows write them: `none`, or FROM-TO in seconds. */

/** A time the service is down, from `fromMs` to `toMs` of simulated time. */
export interface OutageWindow {
  fromMs: number;
  toMs: number;
}

const MAX_SECONDS = 86_400;
export const OUTAGE_HELP = `none, or FROM-TO in seconds (e.g. 20-40), several separated by commas, within 0 to ${MAX_SECONDS}`;

/** Outage windows from `email.outage`'s text, in order, or a sentence naming what is allowed. */
export function parseOutages(raw: string): OutageWindow[] | string {
  const text = raw.trim();
  if (text === 'none' || text === '') return [];
  const windows: OutageWindow[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) return OUTAGE_HELP;
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (!(from < to) || to > MAX_SECONDS) return `${OUTAGE_HELP}, with FROM before TO`;
    // Whole microseconds, like every scheduled time: 2.007 s is 2007 ms, not 2007.0000000000002.
    windows.push({ fromMs: Math.round(from * 1e6) / 1000, toMs: Math.round(to * 1e6) / 1000 });
  }
  return windows.sort((a, b) => a.fromMs - b.fromMs);
}

/** Windows as `parseOutages` reads them back. */
export function formatOutages(windows: readonly OutageWindow[]): string {
  return windows.length === 0
    ? 'none'
    : windows.map((w) => `${w.fromMs / 1000}-${w.toMs / 1000}`).join(',');
}
