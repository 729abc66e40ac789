/** The link parameter that opens the "What if?" panel: `whatif=SETTING[,METRIC]`. Kept apart from
 * whatif.ts so that reading a link does not need the runs. */
import {
  findSetting,
  RANKED_SWEEPS,
  settingName,
  stepIdOf,
  unknownStep,
  type AnySettingKey,
  type Flow,
} from '../engine/index.ts';

/** The settings a link names whatever its flow, in the panel's order: the registry's ranked
 * sweeps, so a setting the registry lets "What if?" run needs no second list here. */
export const WHATIF_SETTING_KEYS: readonly AnySettingKey[] = RANKED_SWEEPS.map((s) => s.key);

export const WHATIF_METRIC_IDS = [
  'response-p95',
  'email-p95',
  'error-pages',
  'no-email',
  'duplicates',
  'largest-queue',
  'drain-time',
] as const;

/** The panel opens on the first ranked setting (the workers) and the email's p95 delay. */
export const DEFAULT_WHATIF = { setting: WHATIF_SETTING_KEYS[0]!, metric: 'email-p95' };

/** The panel's choices from the parameter's value, under the name a link writes
 * (`steps.charge.latency` is `latency.charge`), or the sentence for the notice. Any setting whose
 * registry entry has a `sweep` is known (a step's time and failure rate have one, its `where`
 * has not); whether the link's flow has the step is whatIfStepProblem's to say. */
export function parseWhatIfParam(
  value: string,
): { setting: AnySettingKey; metric: string } | string {
  const [setting = '', metric = DEFAULT_WHATIF.metric, ...extra] = value
    .split(',')
    .map((s) => s.trim());
  const metrics: readonly string[] = WHATIF_METRIC_IDS;
  const known = findSetting(setting);
  if (extra.length > 0 || !known?.sweep || !metrics.includes(metric)) {
    return `a setting (${WHATIF_SETTING_KEYS.join(', ')}, or a step's steps.ID.latency or steps.ID.failureRate), then optionally a comma and a metric (${WHATIF_METRIC_IDS.join(', ')})`;
  }
  return { setting: settingName(known.key), metric };
}

/** Why the link's flow has no such setting (a step it lacks), or undefined. */
export function whatIfStepProblem(setting: string, flow: Flow): string | undefined {
  const id = stepIdOf(setting);
  return id === undefined || flow.steps.some((s) => s.id === id)
    ? undefined
    : unknownStep(flow, id);
}
