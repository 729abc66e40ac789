/** The analysis panels, for the layout to import from one place. */
export { ResponseChart, type ResponseChartProps } from './ResponseChart.tsx';
export { EmailDelayChart, type EmailDelayChartProps } from './EmailDelayChart.tsx';
export {
  ResponseTrendChart,
  type ResponseTrendChartProps,
  type TrendLane,
} from './ResponseTrendChart.tsx';
export { QueueDepthChart, type QueueDepthChartProps, type DepthLane } from './QueueDepthChart.tsx';
export { OutcomeLedger, type OutcomeLedgerProps, type LedgerLane } from './OutcomeLedger.tsx';
export { WorkerUtilization, type WorkerUtilizationProps } from './WorkerUtilization.tsx';
export { LittlesLaw, type LittlesLawProps } from './LittlesLaw.tsx';
export { Waterfall, type WaterfallProps } from './Waterfall.tsx';
export { EventLog, type EventLogProps } from './EventLog.tsx';
