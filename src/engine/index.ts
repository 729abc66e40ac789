/** The engine's public surface: everything the CLI, the store and the tests may import. */
export { Simulation, type SimCheckpoint } from './simulation.ts';
export type { RunRecipe } from './recipe.ts';
export { roundUs } from './time.ts';
export { report, meanServerMs, type Report, type StepReport } from './report.ts';
export {
  SETTINGS,
  RANKED_SWEEPS,
  ACTIONS,
  isAction,
  BROKERS,
  BROKER_NAMES,
  DEFAULT_BROKER,
  isBroker,
  applySetting,
  beforeStartOnly,
  buildConfig,
  checkSettingValue,
  isAnySettingKey,
  parseSettingKey,
  settingKeys,
  defaultConfig,
  findSetting,
  isSettingKey,
  numericSetting,
  OLDER_STEP_NAMES,
  settingName,
  stepIdOf,
  unknownSetting,
  parseOutages,
  SettingError,
  STEPS,
  clip,
  parseDecimal,
  splitOutsideParens,
  type Broker,
  type Config,
  type Mode,
  type ActionKey,
  type AnySettingKey,
  type ChangeKey,
  type LiveEffect,
  type NumericSetting,
  type Sweep,
  type Setting,
  type SettingKey,
  type SettingValue,
  type SettingMap,
  type SettingValues,
  type Step,
  type TimedChange,
} from './settings.ts';
export { CHECKOUT_STEPS } from './steps.ts';
export { formatOutages } from './outages.ts';
export {
  checkoutFlow,
  FLOW_PRESETS,
  FLOW_PRESET_IDS,
  flowJson,
  MAX_FLOW_STEPS,
  parseFlow,
  STEP_WHERE,
  unknownStep,
  type Flow,
  type FlowStep,
  type StepWhere,
} from './flow.ts';
export {
  isStepSettingKey,
  STEP_FIELDS,
  STEP_SETTINGS_HELP,
  type StepField,
  type StepSettingKey,
} from './stepSettings.ts';
export type { LogEntry, LogKind, LogPage, Place, Page } from './log.ts';
export type { SimulationInput } from './createState.ts';
export type { SimState, Order, Message, Worker, Stop, StopReason } from './state.ts';
export {
  parseDistribution,
  formatDistribution,
  meanMs,
  withMeanMs,
  type Distribution,
} from './distributions.ts';
export {
  viewOf,
  emptyTotals,
  type SystemView,
  type RequestView,
  type MessageView,
  type WorkerView,
  type PartitionView,
  type ViewTotals,
} from './view.ts';
export { waitsOf, type WaitKind, type WaitView } from './waits.ts';
export {
  backoffMs,
  brokerFacts,
  brokerLease,
  brokerLoaded,
  loadAllBrokers,
  loadBroker,
  type BrokerFacts,
  type BrokerLease,
  type BrokerSetting,
  type LeaseWords,
} from './queue/index.ts';
export { inspectBroker, INSPECT_LIMIT } from './queue/inspect.ts';
export type {
  BrokerInspection,
  InFlightCell,
  KafkaInspection,
  LeaseInspection,
  MessageCell,
  PartitionRow,
  RabbitConsumer,
  RabbitInspection,
  RecordCell,
  RecordState,
} from './queue/inspection.ts';
export { inertSettings } from './inert.ts';
export { checkRunSize, plannedOrders } from './budget.ts';
export {
  MAX_ORDERS,
  RUN_LIMITS,
  type RunLimits,
  CHECKPOINT_LIMITS,
  PAGE_HEAP_BYTES,
  PAGE_LIMITS,
  PAGE_VIEW_LIMIT,
  REPLAY_BUDGET_ORDERS,
  SCRIPT_MAX_EVENTS,
  WHATIF_MAX_EVENTS,
  WHATIF_MAX_ORDERS,
} from './limits.ts';
export { timelineAt, MAX_BUCKETS, type Timeline } from './timeline.ts';
