/** One time plot per lane on shared axes (the sync lane above the async one in Compare mode), and
 * the line swatch their legends use. */
import type { AxisKind } from '../../analysis/ticks.ts';
import { TimePlot, type TimeSeries } from './TimePlot.tsx';

export interface PlotLane<P extends { tMs: number }> {
  label: string;
  series: readonly TimeSeries<P>[];
  ariaLabel: string;
}

interface LanePlotsProps<P extends { tMs: number }> {
  lanes: readonly PlotLane<P>[];
  endMs: number;
  nowMs: number;
  yMax: number;
  yKind: AxisKind;
  width: number;
}

export function LanePlots<P extends { tMs: number }>(props: LanePlotsProps<P>) {
  const { lanes, ...axes } = props;
  return lanes.map((lane) => (
    <div key={lane.label} className="an-lane">
      <p className="an-lane-label">{lane.label}</p>
      <TimePlot<P> series={lane.series} {...axes} height={170} ariaLabel={lane.ariaLabel} />
    </div>
  ));
}

/** A short stroke in a legend, drawn like the series it names. */
export function LegendLine({ colour, dash }: { colour: string; dash?: string | undefined }) {
  return (
    <svg width="22" height="14" aria-hidden="true">
      <line
        x1="0"
        x2="22"
        y1="7"
        y2="7"
        stroke={colour}
        strokeWidth="2"
        {...(dash ? { strokeDasharray: dash } : {})}
      />
    </svg>
  );
}
