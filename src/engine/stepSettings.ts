/** The settings of a flow's steps, `steps.<id>.latency|failureRate|where`, made on demand for
 * whatever ids the flow has, and the checkout's older names for the same values (`latency.charge`
 * is `steps.charge.latency`, `email.failureRate` is `steps.email.failureRate`). */
import type { Config } from './config.ts';
import {
  DISTRIBUTION_HELP,
  formatDistribution,
  MAX_LATENCY_MS,
  parseDistribution,
} from './distributions.ts';
import { STEP_WHERE, stepIndexOf, unknownStep, type FlowStep, type StepWhere } from './flow.ts';
import { formatOutages, OUTAGE_HELP, parseOutages } from './outages.ts';
import {
  parseDecimal,
  type ChoiceSetting,
  type NumericSetting,
  type Setting,
  type SettingFacts,
  type Sweep,
  type TextSetting,
} from './settingKinds.ts';

export const STEP_FIELDS = ['latency', 'failureRate', 'where'] as const;
export type StepField = (typeof STEP_FIELDS)[number];
export type StepSettingKey = `steps.${string}.${StepField}`;

const STEP_KEY = /^steps\.([a-z][a-zA-Z0-9]{0,23})\.(latency|failureRate|where)$/;

/** Whether `key` has the shape of a step's setting (the step may still be missing in a flow). */
export function isStepSettingKey(key: string): key is StepSettingKey {
  return STEP_KEY.test(key);
}

export const STEP_SETTINGS_HELP = `steps.ID.latency, steps.ID.failureRate, steps.ID.where: a step of the flow by its id (the checkout's: validate, charge, save, email); latency ${DISTRIBUTION_HELP}; failureRate a number from 0 to 1; where one of ${STEP_WHERE.join(', ')} (before the run starts only)`;

/** Finds the step or says which steps the flow has. */
function withStep(
  config: Config,
  id: string,
  then: (step: FlowStep) => string | undefined,
): string | undefined {
  const i = stepIndexOf(config.flow, id);
  return i < 0 ? unknownStep(config.flow, id) : then(config.flow.steps[i]!);
}

function readStep(config: Config, id: string, read: (step: FlowStep) => string): string {
  const i = stepIndexOf(config.flow, id);
  return i < 0 ? '' : read(config.flow.steps[i]!);
}

/** A step's time is swept over its mean as any latency is, up to 2 s or twice the current mean;
 * its failure rate over all of 0 to 1. */
const LATENCY_SWEEP: Sweep = { from: 0, to: 2000 };
const FAILURE_SWEEP: Sweep = { from: 0, to: 1 };

/** A step's setting's facts: the registry's own (with a rank in "What if?"'s list) for the
 * checkout's older names, or made from the step's id for `steps.<id>.…`. */
type StepFacts = Omit<SettingFacts, 'sweep'> & { rank?: number };

export function stepLatency<K extends string>(
  key: K,
  id: string,
  description: string,
  { rank, ...facts }: StepFacts,
) {
  return {
    ...facts,
    sweep: rank === undefined ? LATENCY_SWEEP : { ...LATENCY_SWEEP, rank },
    kind: 'latency',
    key,
    description,
    allowed: DISTRIBUTION_HELP,
    min: 0,
    max: MAX_LATENCY_MS,
    integer: false,
    unit: 'ms',
    apply(config, raw) {
      const parsed = parseDistribution(raw);
      if (typeof parsed === 'string') return parsed;
      return withStep(config, id, (step) => void (step.latency = parsed));
    },
    read: (config) => readStep(config, id, (step) => formatDistribution(step.latency)),
  } satisfies NumericSetting<K>;
}

export function stepFailureRate<K extends string>(
  key: K,
  id: string,
  description: string,
  { rank, ...facts }: StepFacts,
) {
  const allowed = 'a number from 0 to 1';
  return {
    ...facts,
    sweep: rank === undefined ? FAILURE_SWEEP : { ...FAILURE_SWEEP, rank },
    kind: 'number',
    key,
    description,
    allowed,
    min: 0,
    max: 1,
    integer: false,
    unit: '',
    apply(config, raw) {
      const value = parseDecimal(raw);
      if (!(value >= 0 && value <= 1)) return allowed;
      return withStep(config, id, (step) => void (step.failureRate = value));
    },
    read: (config) => readStep(config, id, (step) => String(step.failureRate)),
  } satisfies NumericSetting<K>;
}

export function stepOutages<K extends string>(
  key: K,
  id: string,
  description: string,
  facts: SettingFacts,
) {
  return {
    ...facts,
    kind: 'text',
    key,
    description,
    allowed: OUTAGE_HELP,
    apply(config, raw) {
      const parsed = parseOutages(raw);
      if (typeof parsed === 'string') return parsed;
      return withStep(config, id, (step) => void (step.outages = parsed));
    },
    read: (config) => readStep(config, id, (step) => formatOutages(step.outages)),
  } satisfies TextSetting<K>;
}

/** `where` reshapes the run (which steps the request waits for, which jobs exist): it can only be
 * set before a run starts. */
function stepWhere<K extends string>(key: K, id: string): ChoiceSetting<K> {
  return {
    label: `Step ${id}: where it runs`,
    live: 'restart',
    kind: 'choice',
    key,
    description: `where step ${id} runs: in the request, or as a job on the queue`,
    allowed: `one of ${STEP_WHERE.join(', ')}`,
    choices: STEP_WHERE,
    apply(config, raw) {
      const value = raw.trim() as StepWhere;
      if (!STEP_WHERE.includes(value)) return `one of ${STEP_WHERE.join(', ')}`;
      return withStep(config, id, (step) => void (step.where = value));
    },
    read: (config) => readStep(config, id, (step) => step.where),
  };
}

/** The setting `steps.<id>.<field>`, made for this key; undefined if the key has another shape. */
export function stepSetting(key: string): Setting<StepSettingKey> | undefined {
  const match = STEP_KEY.exec(key);
  if (!match) return undefined;
  const id = match[1]!;
  const k = key as StepSettingKey;
  switch (match[2] as StepField) {
    case 'latency':
      return stepLatency(k, id, `how long step ${id} takes`, { label: `Step ${id}: time` });
    case 'failureRate':
      return stepFailureRate(k, id, `chance that one attempt at step ${id} fails`, {
        label: `Step ${id}: failure rate`,
      });
    case 'where':
      return stepWhere(k, id);
  }
}
