/** The analysis panels: how long customers waited and when emails went out, the queue over time,
 * the outcome ledger, the workers, Little's law and the event log. Memoized: it renders only when
 * its (deferred) data or its width change. */
// The area's English words load with it, before anything of it renders.
import '../i18n/parts/analysis.ts';
import { memo } from 'react';
import { useT } from '../i18n/react.tsx';
import {
  EmailDelayChart,
  EventLog,
  LittlesLaw,
  OutcomeLedger,
  QueueDepthChart,
  ResponseChart,
  ResponseTrendChart,
  WorkerUtilization,
} from './analysis/index.ts';
import type { LaneData } from '../store/react/useAnalysis.ts';

interface Props {
  data: { nowMs: number; lanes: readonly LaneData[] };
  width: number;
}

export const AnalysisPanels = memo(function AnalysisPanels({ data, width }: Props) {
  const t = useT();
  const { nowMs, lanes: given } = data;
  // The lanes are named in the language on (the store names them in English).
  const lanes = given.map((l) => ({
    ...l,
    label: t(l.mode === 'sync' ? 'mode.sync' : 'mode.async'),
  }));
  const wide = width >= 760;
  const chartWidth = wide ? Math.floor((width - 24) / 2) : width;
  const asyncLane = lanes.find((l) => l.mode === 'async');
  return (
    <div className={`analysis-grid${wide ? ' analysis-wide' : ''}`}>
      <ResponseChart
        lanes={lanes.map((l) => ({
          label: l.label,
          samples: l.analysis.responses.samples,
          errors: l.analysis.responses.errors,
        }))}
        width={chartWidth}
      />
      <EmailDelayChart
        lanes={lanes.map((l) => ({ label: l.label, samples: l.analysis.emailDelays }))}
        width={chartWidth}
      />
      <QueueDepthChart
        lanes={lanes.map((l) => ({ label: l.label, levels: l.analysis.levels }))}
        nowMs={nowMs}
        width={chartWidth}
      />
      <ResponseTrendChart
        lanes={lanes.map((l) => ({ label: l.label, points: l.analysis.percentiles }))}
        nowMs={nowMs}
        width={chartWidth}
      />
      <div className="analysis-cell">
        <OutcomeLedger lanes={lanes.map((l) => ({ label: l.label, report: l.report }))} />
      </div>
      <div className="analysis-cell">
        {asyncLane && (
          <>
            <WorkerUtilization
              report={asyncLane.report}
              view={asyncLane.view}
              {...(lanes.length > 1 ? { label: asyncLane.label } : {})}
            />
            <LittlesLaw
              mode="async"
              law={asyncLane.report.littlesLaw}
              queue={asyncLane.analysis.queue}
              workersAvailable={
                asyncLane.view.totals.workers.idle + asyncLane.view.totals.workers.busy
              }
              nowMs={nowMs}
            />
          </>
        )}
      </div>
      {lanes.map((l) => (
        <div key={l.mode} className="analysis-cell">
          <EventLog
            events={l.analysis.events}
            label={t('eventLog.titleOf', { mode: l.mode })}
            limit={60}
          />
        </div>
      ))}
    </div>
  );
});
