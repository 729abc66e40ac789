/** How long customers waited for a page: a histogram of response times with p50/p95/p99, one
 * lane or two (Compare mode) on a shared axis. */
import type { DistributionLane } from '../../analysis/histogram.ts';
import { DistributionChart } from './DistributionChart.tsx';
import { useT } from '../../i18n/react.tsx';

export interface ResponseChartProps {
  /** Per lane: `label`, `samples` = LaneAnalysis.responses.samples and
   * `errors` = LaneAnalysis.responses.errors. */
  lanes: readonly DistributionLane[];
  width?: number;
}

export function ResponseChart({ lanes, width = 640 }: ResponseChartProps) {
  const t = useT();
  return (
    <DistributionChart
      title={t('analysis.response.title')}
      description={t('analysis.response.description')}
      lanes={lanes}
      emptyText={t('analysis.response.empty')}
      noun="response"
      errorLabel={t('analysis.response.errorPages')}
      width={width}
    />
  );
}
