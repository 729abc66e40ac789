/** How long after ordering the confirmation email arrived: a histogram of email delays with
 * p50/p95/p99, one lane or two (Compare mode) on a shared axis. */
import type { DistributionLane } from '../../analysis/histogram.ts';
import { DistributionChart } from './DistributionChart.tsx';
import { useT } from '../../i18n/react.tsx';

export interface EmailDelayChartProps {
  /** Per lane: `label` and `samples` = LaneAnalysis.emailDelays. */
  lanes: readonly DistributionLane[];
  width?: number;
}

export function EmailDelayChart({ lanes, width = 640 }: EmailDelayChartProps) {
  const t = useT();
  return (
    <DistributionChart
      title={t('analysis.emailDelay.title')}
      description={t('analysis.emailDelay.description')}
      lanes={lanes}
      emptyText={t('analysis.emailDelay.empty')}
      noun="email"
      width={width}
    />
  );
}
