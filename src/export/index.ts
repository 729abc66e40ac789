/** Downloads of a run: its orders and ledger (CSV, JSON) and its charts (SVG, PNG). */
export { csvField, toCsv, type Cell } from './csv.ts';
export { OrderRows, ROWS_KEPT, type OrderRow, type Outcome } from './orderRows.ts';
export { LaneReplay, replayLane, REPLAY_PIECE_EVENTS, type LaneExport } from './replay.ts';
export {
  ORDER_COLUMNS,
  fileName,
  flattenReport,
  ledgerCsv,
  ledgerJson,
  ordersCsv,
  runJson,
  type RunExport,
} from './formats.ts';
export { chartsOnPage, serializeSvg, svgToPng, type ChartOnPage } from './svg.ts';
export { downloadBlob, downloadText } from './download.ts';
export { runOf, runOfSliced, EXPORT_SLICE_MS, type RunState, type SliceOptions } from './runOf.ts';
