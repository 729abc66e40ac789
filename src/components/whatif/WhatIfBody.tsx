/** The open "What if?" panel: pick a setting and a metric, see both lanes' curves over the
 * setting's values with the current value marked, and click a value to set it. Loaded lazily
 * with its worker, so the first page load does not carry it. */
// The words of "What if?" and of the settings it names load with it.
import '../../i18n/parts/analysis.ts';
import '../../i18n/parts/controls.ts';
import { useId, useState } from 'react';
import {
  whatIfMetricsFor,
  whatIfPoints,
  whatIfSettingsFor,
  type WhatIfSetting,
} from '../../analysis/whatif.ts';
import { findSetting, stepIdOf, type Flow } from '../../engine/index.ts';
import { localTime } from '../../i18n/format.ts';
import { localCount } from '../../i18n/numbers.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { stepName } from '../flowWords.ts';
import { useActions, useSim, useSimulator } from '../../store/react/hooks.ts';
import { useElementWidth } from '../useElementWidth.ts';
import { useLaneFlow } from '../useLaneFlow.ts';
import { WhatIfChart } from './WhatIfChart.tsx';
import { useWhatIfCurves, WHATIF_MODES } from './useWhatIfCurves.ts';

function formatSetting(t: Translate, setting: WhatIfSetting, x: number): string {
  switch (setting.unit) {
    case 'ms':
      return localTime(t, x);
    case 'share':
      return t('whatif.share', { percent: Math.round(x * 100) });
    case 'rate':
      return t('analysis.perSecond', { figure: localCount(t, x) });
    default:
      return localCount(t, x);
  }
}

/** A catalog message, or `fallback` where the catalog has none (a setting it does not name). */
function messageOr(t: Translate, id: string, fallback: string): string {
  const text = t(id as MessageId);
  return text === id ? fallback : text;
}

/** A setting's name in the language on, and the same inside a sentence: a step's time or failure
 * rate named after the step, a registry setting by the controls' own label. */
function settingWords(
  t: Translate,
  flow: Flow,
  s: WhatIfSetting,
): { label: string; phrase: string } {
  const stepId = stepIdOf(s.key);
  const step = stepId === undefined ? undefined : flow.steps.find((f) => f.id === stepId);
  if (step && s.phrase !== undefined) {
    const name = stepName(t, flow, step);
    const does = name.charAt(0).toLowerCase() + name.slice(1);
    return s.unit === 'ms'
      ? {
          label: t('whatif.stepTime', { step: name }),
          phrase: t('whatif.stepTimePhrase', { step: does }),
        }
      : {
          label: t('whatif.stepFailure', { step: name }),
          phrase: t('whatif.stepFailurePhrase', { step: does }),
        };
  }
  const label = messageOr(t, `setting.${s.key}.label`, s.label);
  return { label, phrase: label.charAt(0).toLowerCase() + label.slice(1) };
}

export interface WhatIfBodyProps {
  initialSetting: string;
  initialMetric: string;
}

export default function WhatIfBody({ initialSetting, initialMetric }: WhatIfBodyProps) {
  const id = useId();
  const t = useT();
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
  const formatX = (x: number) => formatSetting(t, setting, x);
  const formatY = (y: number) => (metric.unit === 'ms' ? localTime(t, y) : localCount(t, y));
  const words = settingWords(t, flow, setting);
  const metricLabel = (m: { id: string; label: string }) =>
    messageOr(t, `whatif.metric.${m.id}`, m.label);
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
        ? t('whatif.done', {
            count: curves.results.length,
            ms: Math.round(curves.elapsedMs!),
            where: curves.where === 'main thread' ? 'page' : 'worker',
          })
        : t('whatif.running', {
            done: curves.results.length,
            total: curves.total ? localCount(t, curves.total) : '…',
          });
  return (
    <div className="whatif-body" ref={ref}>
      <div className="whatif-pickers">
        <label htmlFor={`${id}-setting`}>{t('whatif.setting')}</label>
        <select
          id={`${id}-setting`}
          value={setting.key}
          onChange={(e) => setSettingKey(e.target.value)}
        >
          {settings.map((s) => (
            <option key={s.key} value={s.key}>
              {settingWords(t, flow, s).label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-metric`}>{t('whatif.metric')}</label>
        <select id={`${id}-metric`} value={metric.id} onChange={(e) => setMetricId(e.target.value)}>
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {metricLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <p className="an-description">
        {t('whatif.description', {
          setting: words.phrase,
          now: formatX(currentX),
          click: refused ? 'no' : 'yes',
        })}
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
          settingLabel={words.label}
          settingPhrase={words.phrase}
          metricLabel={metricLabel(metric)}
          onPick={(r) => change(setting.key, r.value)}
        />
      ) : null}
    </div>
  );
}
