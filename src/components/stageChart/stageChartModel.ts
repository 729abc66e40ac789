/** The stage chart's data, from what the lanes' collectors keep (so a seek, which restores them,
 * redraws it right): the async queue's depth and the lesson's tally for each lane, from 0 s to
 * now, each ending on its value now, with the words that say what each line is. Pure. */
import type { LaneAnalysis, OutcomeKey } from '../../analysis/index.ts';
import type { Mode } from '../../engine/index.ts';
import { localTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import type { StageChart } from '../../scenarios/index.ts';

export interface ChartPoint {
  tMs: number;
  value: number;
}

export interface ChartSeries {
  id: 'queue' | 'tally-sync' | 'tally-async';
  lane: Mode;
  /** From 0 s (at 0) to now, the last point being the value now. */
  points: readonly ChartPoint[];
  value: number;
  /** What the line is, with its value now: "Sync: 104 customers gave up waiting". */
  label: string;
}

export interface StageChartData {
  nowMs: number;
  /** The right end of the time axis: the lesson's length, or later once the run goes on. */
  endMs: number;
  yMax: number;
  series: readonly ChartSeries[];
  /** The chart's text alternative: its values now, in a sentence. */
  description: string;
}

export interface StageChartInput {
  chart: StageChart;
  /** The lanes on screen, in order. */
  lanes: readonly { mode: Mode; analysis: LaneAnalysis }[];
  durationMs: number;
  /** The moment of the lesson's last caption. */
  lastBeatMs: number;
  /** The lesson's question is still open: a lane's tally shows only once it has counted
   * something, since a 0 beside the other lane's count would answer it (as the lane tallies do). */
  asking: boolean;
  /** The words, in the language on. */
  t: Translate;
}

function queueSeries(t: Translate, analysis: LaneAnalysis): ChartSeries {
  const value = analysis.queue.depth;
  const points: ChartPoint[] = [{ tMs: 0, value: 0 }];
  // Each level holds the most jobs that waited at once in the interval that ends at it.
  for (const p of analysis.levels) points.push({ tMs: p.tMs, value: p.queuePeak });
  points.push({ tMs: analysis.nowMs, value });
  return {
    id: 'queue',
    lane: 'async',
    points,
    value,
    label: t('stageChart.queue', { count: value }),
  };
}

function tallySeries(
  t: Translate,
  mode: Mode,
  analysis: LaneAnalysis,
  key: OutcomeKey,
): ChartSeries {
  const value = analysis.outcomesNow[key];
  const points: ChartPoint[] = [{ tMs: 0, value: 0 }];
  for (const p of analysis.outcomes) points.push({ tMs: p.tMs, value: p[key] });
  points.push({ tMs: analysis.nowMs, value });
  return {
    id: mode === 'sync' ? 'tally-sync' : 'tally-async',
    lane: mode,
    points,
    value,
    label: t('stageChart.tally', {
      mode,
      tally: t(`tally.${key}` as MessageId, { count: value }),
    }),
  };
}

/** The points thinned to at most one per `bins`th of [0, endMs]: each bin keeps its highest value
 * (at the time of the bin's last point), so a peak is never smoothed away and a running total
 * keeps its latest value; the last point (now) is kept as it is. At a pixel or two per bin the
 * drawing is the same, without a comb of 100 ms samples. */
export function envelope(
  points: readonly ChartPoint[],
  endMs: number,
  bins: number,
): readonly ChartPoint[] {
  if (!(bins >= 1) || !(endMs > 0) || points.length <= bins) return points;
  const width = endMs / bins;
  const out: ChartPoint[] = [];
  let bin = -1;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const b = i === points.length - 1 ? Infinity : Math.floor(p.tMs / width);
    const last = out[out.length - 1];
    if (b === bin && last)
      out[out.length - 1] = { tMs: p.tMs, value: Math.max(last.value, p.value) };
    else out.push(p);
    bin = b;
  }
  return out;
}

/** The lines' sentences one after another, as the language separates them ("a; b; c"). */
function joined(t: Translate, sentences: readonly string[]): string {
  return sentences.reduceRight((rest, first) => t('stageChart.join', { first, rest }));
}

/** The most jobs that waited at once so far, and when. */
function queuePeak(series: ChartSeries): ChartPoint {
  let top: ChartPoint = { tMs: 0, value: 0 };
  for (const p of series.points) if (p.value > top.value) top = p;
  return top;
}

export function stageChartModel(input: StageChartInput): StageChartData {
  const { chart, lanes, asking, t } = input;
  const series: ChartSeries[] = [];
  let nowMs = 0;
  for (const { mode, analysis } of lanes) {
    nowMs = Math.max(nowMs, analysis.nowMs);
    if (!chart.tally) continue;
    const tally = tallySeries(t, mode, analysis, chart.tally);
    if (!asking || tally.value > 0) series.push(tally);
  }
  const asyncLane = lanes.find((l) => l.mode === 'async');
  const queue = chart.queue && asyncLane ? queueSeries(t, asyncLane.analysis) : null;
  // The queue comes first: an area, drawn under the lines.
  if (queue) series.unshift(queue);
  let yMax = 1;
  for (const s of series) for (const p of s.points) if (p.value > yMax) yMax = p.value;
  const sentences = series.filter((s) => s !== queue).map((s) => s.label);
  if (queue) {
    const top = queuePeak(queue);
    sentences.push(
      top.value > queue.value
        ? t('stageChart.queuePeak', {
            now: queue.label,
            peak: top.value,
            time: localTime(t, top.tMs),
          })
        : queue.label,
    );
  }
  const finite = Number.isFinite(nowMs) ? nowMs : 0;
  const time = localTime(t, finite);
  return {
    nowMs: finite,
    endMs: Math.max(input.durationMs, input.lastBeatMs, finite, 1),
    yMax,
    series,
    description:
      sentences.length > 0
        ? t('stageChart.description', { time, values: joined(t, sentences) })
        : t('stageChart.nothingYet', { time }),
  };
}
