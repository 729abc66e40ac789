/** Number formatting shared by the analysis panels: durations, moments, counts, rates and shares
 * as short text that never reads NaN, undefined or Infinity. */

/** What a value that cannot be shown (not a finite number) reads as. */
export const MISSING = '—';

function isShowable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Drops trailing zeros after a decimal point: "0.50" -> "0.5", "3.0" -> "3". */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A span of time: "0.5 ms", "850 ms", "2.55 s", "30.0 s", "2 min 05 s", "1 h 02 min".
 * Under a second milliseconds read more clearly; under 10 s two decimals match the lesson. */
export function formatDuration(ms: number | null | undefined): string {
  if (!isShowable(ms)) return MISSING;
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms === 0) return '0 ms';
  if (ms < 10) return `${trimZeros(ms.toFixed(1))} ms`;
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (Number(seconds.toFixed(2)) < 10) return `${seconds.toFixed(2)} s`;
  if (Number(seconds.toFixed(1)) < 60) return `${seconds.toFixed(1)} s`;
  const wholeSeconds = Math.round(seconds);
  if (wholeSeconds < 3600) {
    const minutes = Math.floor(wholeSeconds / 60);
    return `${minutes} min ${String(wholeSeconds % 60).padStart(2, '0')} s`;
  }
  const wholeMinutes = Math.round(seconds / 60);
  const hours = Math.floor(wholeMinutes / 60);
  return `${hours} h ${String(wholeMinutes % 60).padStart(2, '0')} min`;
}

/** A moment of simulated time, counted from the start of the run. */
export function formatMoment(ms: number | null | undefined): string {
  return formatDuration(ms);
}

/** A whole count with thousands separators: "12,345". */
export function formatCount(n: number | null | undefined): string {
  if (!isShowable(n)) return MISSING;
  return Math.round(n).toLocaleString('en-US');
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
  return `${perSec < 100 ? perSec.toFixed(1) : Math.round(perSec).toLocaleString('en-US')}/s`;
}

/** "1 message", "3 messages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
