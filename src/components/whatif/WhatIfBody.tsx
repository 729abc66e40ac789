/** The open "What if?" panel: pick a setting and a metric, see both lanes' curves over the
 * setting's values with the current value marked, and click a value to set it. Loaded lazily
 * with its worker, so the first page load does not carry it. */
import { useId, useState } from 'react';
import {
  whatIfMetricsFor,
  whatIfPoints,
  whatIfSettingsFor,
  type WhatIfSetting,
} from '../../analysis/whatif.ts';
import { formatCount, formatTime } from '../../format/index.ts';
import { findSetting } from '../../engine/index.ts';
import { useActions, useSim, useSimulator } from '../../store/react/hooks.ts';
import { useElementWidth } from '../useElementWidth.ts';
import { useLaneFlow } from '../useLaneFlow.ts';
import { WhatIfChart } from './WhatIfChart.tsx';
import { useWhatIfCurves, WHATIF_MODES } from './useWhatIfCurves.ts';

function formatSetting(setting: WhatIfSetting, x: number): string {
  switch (setting.unit) {
    case 'ms':
      return formatTime(x);
    case 'share':
      return `${Math.round(x * 100)} %`;
    case 'rate':
      return `${formatCount(x)}/s`;
    default:
      return formatCount(x);
  }
}

export interface WhatIfBodyProps {
  initialSetting: string;
  initialMetric: string;
}

export default function WhatIfBody({ initialSetting, initialMetric }: WhatIfBodyProps) {
  const id = useId();
  const [settingKey, setSettingKey] = useState(initialSetting);
  const [metricId, setMetricId] = useState(initialMetric);
  // A login has no email to set or measure: its choices are the flow's own.
  const flow = useLaneFlow('async');
  const settings = whatIfSettingsFor(flow);
  const metrics = whatIfMetricsFor(flow);
  const setting = settings.find((s) => s.key === settingKey) ?? settings[0]!;
  const metric = metrics.find((m) => m.id === metricId) ?? metrics[0]!;
  const simulator = useSimulator();
  // A step's own setting (`steps.transcode.latency`) is not among the store's values: read the lane.
  const current = useSim(
    (s) =>
      s.values[setting.key] ?? findSetting(setting.key)?.read(simulator.lane('async').config) ?? '',
  );
  const curves = useWhatIfCurves(setting.key, current);
  const { change } = useActions();
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const currentX =
    whatIfPoints(setting.key, current).find((p) => p.value === current)?.x ?? Number(current);
  const formatX = (x: number) => formatSetting(setting, x);
  const formatY = (y: number) => (metric.unit === 'ms' ? formatTime(y) : formatCount(y));
  const refused = curves.key === setting.key ? curves.refused : null;
  const stopped = curves.key === setting.key ? curves.stopped : null;
  const done =
    (curves.elapsedMs !== null || refused !== null || stopped !== null) &&
    curves.key === setting.key;
  const status = refused
    ? refused
    : stopped
      ? stopped
      : done
        ? `${curves.results.length} values per lane, computed in ${Math.round(curves.elapsedMs!)} ms${curves.where === 'main thread' ? ' (on the page: no worker here)' : ''}.`
        : `Running the lesson at each value: ${curves.results.length} of ${curves.total || '…'}.`;
  return (
    <div className="whatif-body" ref={ref}>
      <div className="whatif-pickers">
        <label htmlFor={`${id}-setting`}>Setting</label>
        <select
          id={`${id}-setting`}
          value={setting.key}
          onChange={(e) => setSettingKey(e.target.value)}
        >
          {settings.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-metric`}>Metric</label>
        <select id={`${id}-metric`} value={metric.id} onChange={(e) => setMetricId(e.target.value)}>
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <p className="an-description">
        The whole run again at each value of {setting.phrase ?? setting.label.toLowerCase()}, for
        both lanes, with the same seed and your other settings. Now: {formatX(currentX)}.
        {refused ? null : ' Click a value to set it.'}
      </p>
      {/* Busy while points arrive, so that a screen reader hears the finished line, not each count. */}
      <p
        className="whatif-status"
        role="status"
        aria-busy={!done}
        data-done={done ? 'true' : 'false'}
      >
        {status}
      </p>
      {curves.results.length > 0 && curves.key === setting.key && !refused ? (
        <WhatIfChart
          results={curves.results}
          metric={metric.id}
          modes={WHATIF_MODES}
          currentX={currentX}
          width={Math.max(280, width)}
          formatX={formatX}
          formatY={formatY}
          yKind={metric.unit === 'ms' ? 'time' : 'count'}
          settingLabel={setting.label}
          metricLabel={metric.label}
          onPick={(r) => change(setting.key, r.value)}
        />
      ) : null}
    </div>
  );
}
