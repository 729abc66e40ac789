/** A histogram of durations for one lane or, in Compare mode, two lanes stacked on one shared
 * axis so their shapes line up, each with its p50/p95/p99 in words beneath. */
import '../../i18n/parts/analysis.ts';
import { useId, useMemo } from 'react';
import { localTime } from '../../i18n/format.ts';
import { useT } from '../../i18n/react.tsx';
import { buildHistograms, type DistributionLane } from '../../analysis/histogram.ts';
import { EmptyState } from './EmptyState.tsx';
import { HistogramPlot } from './HistogramPlot.tsx';
import { NOUN_IDS, type Noun } from './nouns.ts';
import { COLOURS, OUTLINE } from './palette.ts';
import './analysis.css';

export interface DistributionChartProps {
  title: string;
  /** One sentence under the title saying what the chart counts. */
  description: string;
  /** One lane, or two in Compare mode. Pass the same array while nothing changed. */
  lanes: readonly DistributionLane[];
  /** What the chart says while no lane has a value. */
  emptyText: string;
  /** What one value is: a response or an email. */
  noun: Noun;
  /** What the hatched part of the bars is, when lanes have `errors`. */
  errorLabel?: string;
  /** Width in SVG units (the chart scales to its container); pass the container's width in px
   * for text at its natural size. */
  width?: number;
}

export function DistributionChart(props: DistributionChartProps) {
  const t = useT();
  const { title, description, lanes, emptyText, noun, width = 640 } = props;
  const errorLabel = props.errorLabel ?? t('analysis.errors');
  const model = useMemo(() => buildHistograms(lanes), [lanes]);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const hatchId = `${id}-hatch`;
  const empty = model.lanes.every((lane) => lane.count === 0);
  const anyErrors = lanes.some((lane) => (lane.errors?.length ?? 0) > 0);
  return (
    <figure className="an-chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <span id={`${id}-title`} className="an-title">
          {title}
        </span>
        <span className="an-description">{description}</span>
      </figcaption>
      {empty ? (
        <EmptyState>{emptyText}</EmptyState>
      ) : (
        <>
          <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
            <defs>
              <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" fill={COLOURS.bad} />
                <path d="M0,6 L6,0" stroke={OUTLINE} strokeWidth="1.5" />
              </pattern>
            </defs>
          </svg>
          {anyErrors ? (
            <p className="an-legend">
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={`url(#${hatchId})`} stroke={OUTLINE} />
              </svg>{' '}
              {t('analysis.hatched', { what: errorLabel })}
            </p>
          ) : null}
          {model.lanes.map((lane) => (
            <div key={lane.label} className="an-lane">
              <p className="an-lane-label">{lane.label}</p>
              {lane.count === 0 ? (
                <EmptyState>{emptyText}</EmptyState>
              ) : (
                <>
                  <HistogramPlot
                    lane={lane}
                    domain={model.domain}
                    maxCount={model.maxCount}
                    width={width}
                    height={190}
                    noun={noun}
                    errorLabel={errorLabel}
                    hatchId={hatchId}
                  />
                  <p className="an-stats">
                    {lane.percentiles
                      ? t('analysis.stats', {
                          p50: localTime(t, lane.percentiles.p50),
                          p95: localTime(t, lane.percentiles.p95),
                          p99: localTime(t, lane.percentiles.p99),
                          counted: t(NOUN_IDS[noun], { count: lane.count }),
                        })
                      : t(NOUN_IDS[noun], { count: lane.count })}
                  </p>
                </>
              )}
            </div>
          ))}
        </>
      )}
    </figure>
  );
}
