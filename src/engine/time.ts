/** The engine's clock grid. Every time the engine schedules is a whole number of microseconds, so
 * sums of latencies stay exact (2.55 s is exactly 2550 ms); whatever writes a time the engine will
 * read back (a recorded change, an export's cell, a sample) rounds with this one helper. */
export function roundUs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
