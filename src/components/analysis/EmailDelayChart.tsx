/** How long after ordering the confirmation email arrived: a histogram of email delays with
 * p50/p95/p99, one lane or two (Compare mode) on a shared axis. */
import type { DistributionLane } from '../../analysis/histogram.ts';
import { DistributionChart } from './DistributionChart.tsx';

export interface EmailDelayChartProps {
  /** Per lane: `label` and `samples` = LaneAnalysis.emailDelays. */
  lanes: readonly DistributionLane[];
  width?: number;
}

export function EmailDelayChart({ lanes, width = 640 }: EmailDelayChartProps) {
  return (
    <DistributionChart
      title="How long until the confirmation email arrived"
      description="Time from placing the order to the first confirmation email, for the latest emails sent. Going async does not make this shorter: the customer just stops waiting for it."
      lanes={lanes}
      emptyText="No confirmation email has been sent yet."
      noun="email"
      width={width}
    />
  );
}
