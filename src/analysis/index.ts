/** The analysis layer's public surface: derivations from the event log that the store runs and
 * the panels draw. Pure TypeScript, no React. */
export {
  Collector,
  type CollectorOptions,
  type EventLine,
  type LaneAnalysis,
  type LevelPoint,
  type PercentilePoint,
  type QueueStats,
} from './collector.ts';
export { cloneWith } from './cloneWith.ts';
export type { OutcomeCounts, OutcomeKey, OutcomePoint } from './outcomes.ts';
export { eventLine, narrate, tells, toneOf, UNTOLD, type Tone } from './narrate.ts';
export type { ToldEvent } from './told.ts';
export {
  buildTrace,
  orderTrace,
  type OrderTrace,
  type TraceRow,
  type RowKind,
  type RowStatus,
} from './trace.ts';
export { estimateDrain, type DrainEstimate, type DrainInput } from './drain.ts';
export { buildHistograms, type DistributionLane, type HistogramModel } from './histogram.ts';
export { percentilesOf, nearestRank, type Percentiles } from './percentiles.ts';
