// The figures of repeated benchmark runs: median and worst of each, and how they stand against a
// bar. Pure, so test/scripts/benchStats.test.ts checks it; the bench scripts print what it says.

/** The middle of `values` (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values) {
  const sorted = finite(values).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value at quantile `q` (0 to 1) of `values`, as bench:ui reads it: the sorted list's entry
 * at floor(q * n), so p95 of 100 frame intervals is the 96th smallest; NaN when empty. */
export function quantile(values, q) {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Median and worst of a figure's runs. `better` says which way is good: a score is best high,
 * a time best low, so the worst of scores is the lowest. Runs that measured nothing (NaN, null)
 * are left out and counted in `missing`. */
export function summarize(values, { better = 'lower' } = {}) {
  const kept = finite(values);
  const worst =
    kept.length === 0 ? Number.NaN : better === 'higher' ? Math.min(...kept) : Math.max(...kept);
  return { median: median(kept), worst, runs: kept.length, missing: values.length - kept.length };
}

/** Whether `value` meets `bar`: at least the bar when higher is better, at most it otherwise.
 * A value that was not measured meets nothing. */
export function meets(value, bar, { better = 'lower' } = {}) {
  if (!Number.isFinite(value)) return false;
  return better === 'higher' ? value >= bar : value <= bar;
}

/** One printed line: the figure's median and worst with its unit, and each against the bar, e.g.
 * `TBT  median 180 ms (ok), worst 240 ms (over 200 ms)`. */
export function line(label, values, { bar, unit = '', better = 'lower', digits = 0, width = 24 }) {
  const s = summarize(values, { better });
  const show = (v) => (Number.isFinite(v) ? `${v.toFixed(digits)}${unit}` : 'not measured');
  const against = (v) => {
    if (bar === undefined || !Number.isFinite(v)) return '';
    if (meets(v, bar, { better })) return ' (ok)';
    return better === 'higher' ? ` (under ${bar}${unit})` : ` (over ${bar}${unit})`;
  };
  const missing = s.missing > 0 ? `; ${s.missing} of ${values.length} runs measured nothing` : '';
  const target =
    bar === undefined ? '' : `  [bar: ${better === 'higher' ? '≥' : '≤'} ${bar}${unit}]`;
  return (
    `${label.padEnd(width)} median ${show(s.median)}${against(s.median)}, ` +
    `worst ${show(s.worst)}${against(s.worst)}${missing}${target}`
  );
}

function finite(values) {
  return values.filter((v) => typeof v === 'number' && Number.isFinite(v));
}
