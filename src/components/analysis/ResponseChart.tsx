/** How long customers waited for a page: a histogram of response times with p50/p95/p99, one
 * lane or two (Compare mode) on a shared axis. */
import type { DistributionLane } from '../../analysis/histogram.ts';
import { DistributionChart } from './DistributionChart.tsx';

export interface ResponseChartProps {
  /** Per lane: `label`, `samples` = LaneAnalysis.responses.samples and
   * `errors` = LaneAnalysis.responses.errors. */
  lanes: readonly DistributionLane[];
  width?: number;
}

export function ResponseChart({ lanes, width = 640 }: ResponseChartProps) {
  return (
    <DistributionChart
      title="How long customers waited for a page"
      description="Each bar counts the latest responses that took that long; the lines mark the median (p50) and the slowest 5% and 1% (p95, p99)."
      lanes={lanes}
      emptyText="No customer has seen a page yet."
      noun="response"
      errorLabel="error pages"
      width={width}
    />
  );
}
