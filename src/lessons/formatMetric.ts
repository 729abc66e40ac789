/** How a goal metric reads on screen: times in seconds as everywhere else, counts as numbers. */
import { formatTime } from '../analysis/format.ts';

export function formatMetric(metric: string, value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (metric.includes('Ms')) return formatTime(value);
  return value.toLocaleString('en');
}
