/** The link parameter that opens the "What if?" panel: `whatif=SETTING[,METRIC]`. Kept apart from
 * whatif.ts so that reading a link does not need the runs. */
import {
  OLDER_STEP_NAMES,
  isStepSettingKey,
  settingName,
  stepIdOf,
  unknownStep,
  type Flow,
} from '../engine/index.ts';

export const WHATIF_SETTING_KEYS = [
  'workers.count',
  'server.handlers',
  'traffic.rate',
  'latency.email',
  'email.failureRate',
  'queue.visibilityTimeout',
  'retry.base',
] as const;

export const WHATIF_METRIC_IDS = [
  'response-p95',
  'email-p95',
  'error-pages',
  'no-email',
  'duplicates',
  'largest-queue',
  'drain-time',
] as const;

export const DEFAULT_WHATIF = { setting: 'workers.count', metric: 'email-p95' };

/** A step's time or failure rate, by its key or its older name (`latency.charge`): the panel offers
 * them for the run's flow (whatIfSettingsFor). */
function isStepField(key: string): boolean {
  const step = Object.keys(OLDER_STEP_NAMES).find((k) => OLDER_STEP_NAMES[k] === key) ?? key;
  return isStepSettingKey(step) && !step.endsWith('.where');
}

/** The panel's choices from the parameter's value, under the name a link writes
 * (`steps.charge.latency` is `latency.charge`), or the sentence for the notice. Whether the
 * link's flow has the step is whatIfStepProblem's to say. */
export function parseWhatIfParam(value: string): { setting: string; metric: string } | string {
  const [setting = '', metric = DEFAULT_WHATIF.metric, ...extra] = value
    .split(',')
    .map((s) => s.trim());
  const settings: readonly string[] = WHATIF_SETTING_KEYS;
  const metrics: readonly string[] = WHATIF_METRIC_IDS;
  const known = settings.includes(setting) || isStepField(setting);
  if (extra.length > 0 || !known || !metrics.includes(metric)) {
    return `a setting (${WHATIF_SETTING_KEYS.join(', ')}, or a step's steps.ID.latency or steps.ID.failureRate), then optionally a comma and a metric (${WHATIF_METRIC_IDS.join(', ')})`;
  }
  return { setting: settingName(setting), metric };
}

/** Why the link's flow has no such setting (a step it lacks), or undefined. */
export function whatIfStepProblem(setting: string, flow: Flow): string | undefined {
  const id = stepIdOf(setting);
  return id === undefined || flow.steps.some((s) => s.id === id)
    ? undefined
    : unknownStep(flow, id);
}
