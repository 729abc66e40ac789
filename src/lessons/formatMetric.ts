/** How a goal metric reads on screen: times in seconds as everywhere else, counts as numbers. */
import { formatSeconds } from '../components/format.ts';

export function formatMetric(metric: string, value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (metric.includes('Ms')) return formatSeconds(value);
  return value.toLocaleString('en');
}
