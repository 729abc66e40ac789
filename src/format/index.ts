/** The one place numbers become text, for every screen, the lessons and the command line: times,
 * counts, rates and shares as short text that never reads NaN, undefined or Infinity. It imports
 * nothing, so every layer above the engine may use it. */

/** What a value that cannot be shown (not a finite number) reads as. */
export const MISSING = '—';

function isShowable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Drops trailing zeros after a decimal point: "0.50" -> "0.5", "3.0" -> "3". */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Rounds to `digits` decimals as toFixed would, as a number. */
function rounded(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** The one way a time is written, a moment or a span: seconds under a minute ("12.5 s"), then
 * minutes and seconds ("1:47.0"), then hours ("24:00:00.0", where minutes alone read
 * "1440:00.0"). Under 10 s with two decimals, so the lesson's 1.05 s and 2.55 s read as they
 * are; `digits` fixes the decimals instead (an axis whose ticks are whole seconds asks for 0:
 * "20 s", "1:40"). */
export function formatTime(ms: number | null | undefined, digits?: number): string {
  if (!isShowable(ms)) return MISSING;
  if (ms < 0) return `−${formatTime(-ms, digits)}`;
  const seconds = ms / 1000;
  const d = digits ?? (rounded(seconds, 2) < 10 ? 2 : 1);
  if (rounded(seconds, d) < 60) return `${seconds.toFixed(d)} s`;
  const [minutes, rest] = minutesAndSeconds(seconds, d);
  const secs = rest.toFixed(d).padStart(d > 0 ? d + 3 : 2, '0');
  if (minutes < 60) return `${minutes}:${secs}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${secs}`;
}

/** Whole minutes and the seconds left, rounded to `digits` first so 59.96 s becomes 1:00.0. */
function minutesAndSeconds(seconds: number, digits: number): [number, number] {
  const scale = 10 ** digits;
  const units = Math.round(seconds * scale);
  const minutes = Math.floor(units / (60 * scale));
  return [minutes, (units - minutes * 60 * scale) / scale];
}

/** The same time in words, for a screen reader (aria-valuetext): "2.55 seconds",
 * "1 minute 47.0 seconds". */
export function spokenTime(ms: number | null | undefined): string {
  if (!isShowable(ms) || ms < 0) return 'no time';
  const seconds = ms / 1000;
  const d = rounded(seconds, 2) < 10 ? 2 : 1;
  if (rounded(seconds, d) < 60) return `${seconds.toFixed(d)} seconds`;
  const [minutes, rest] = minutesAndSeconds(seconds, 1);
  const hours = Math.floor(minutes / 60);
  const m = minutes % 60;
  const spoken = `${m} ${m === 1 ? 'minute' : 'minutes'} ${rest.toFixed(1)} seconds`;
  return hours === 0 ? spoken : `${hours} ${hours === 1 ? 'hour' : 'hours'} ${spoken}`;
}

/** Whole numbers with thousands separators, made once: `toLocaleString` builds a formatter at
 * every call, and the charts and tallies write thousands of counts when they redraw. Made at the
 * first use, not when the module loads: building the two took about 30 ms of a slow phone's
 * first task, for numbers the first screen does not write. */
let whole: Intl.NumberFormat | undefined;

/** A whole count with thousands separators: "12,345". */
export function formatCount(n: number | null | undefined): string {
  if (!isShowable(n)) return MISSING;
  whole ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return whole.format(Math.round(n));
}

let short: Intl.NumberFormat | undefined;

/** A count for a node's narrow status line: whole below 10,000, then to 3 digits ("66.9K",
 * "120K"), so a heavy run's "66,921 / 100,000" does not run over the words beside it. */
export function formatShortCount(n: number | null | undefined): string {
  if (!isShowable(n)) return MISSING;
  if (Math.abs(n) < 10_000) return formatCount(n);
  short ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });
  return short.format(n);
}

/** A number with at most `digits` decimals, trailing zeros dropped: 3.20 -> "3.2". */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (!isShowable(n)) return MISSING;
  const fixed = trimZeros(n.toFixed(digits));
  return fixed === '-0' ? '0' : fixed;
}

/** A share from 0 to 1 as a percentage: "73%", or "0.4%" below one per cent. */
export function formatPercent(ratio: number | null | undefined): string {
  if (!isShowable(ratio)) return MISSING;
  const percent = ratio * 100;
  if (percent > 0 && percent < 1) return `${trimZeros(percent.toFixed(1))}%`;
  return `${Math.round(percent)}%`;
}

/** Events per second: "0.4/s", "2.0/s", "150/s". */
export function formatRate(perSec: number | null | undefined): string {
  if (!isShowable(perSec)) return MISSING;
  return `${perSec < 100 ? perSec.toFixed(1) : formatCount(perSec)}/s`;
}

/** "1 message", "3 messages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** How a goal's metric reads: a time (a metric whose path has "Ms" in it, as `emailDelayMs.max`)
 * as every time reads, else a count. */
export function formatMetric(metric: string, value: number): string {
  return metric.includes('Ms') ? formatTime(value) : formatCount(value);
}
