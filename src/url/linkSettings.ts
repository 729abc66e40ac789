/** The settings a link may carry for a given flow, in the one order a link writes them (the
 * registry's, then each step's own, `steps.<id>.latency|failureRate|where`, in the flow's step
 * order; a step key with an older name, `latency.charge`, under that name), and the checks that
 * need the flow: a lock on a step, a lesson with another flow. */
import {
  OLDER_STEP_NAMES,
  SETTINGS,
  STEP_FIELDS,
  defaultConfig,
  findSetting,
  settingName,
  stepIdOf,
  unknownStep,
  buildConfig,
  type AnySettingKey,
  type Config,
  type Flow,
} from '../engine/index.ts';
import { lessonEntry, scenarioChanges } from '../scenarios/index.ts';
import type { UrlState } from './urlState.ts';

/** Every name a link may write for this flow, in the order it writes them. */
export function linkKeys(flow: Flow): AnySettingKey[] {
  const keys: AnySettingKey[] = SETTINGS.map((s) => s.key);
  for (const step of flow.steps) {
    for (const field of STEP_FIELDS) {
      const key = `steps.${step.id}.${field}` as const;
      if (!Object.hasOwn(OLDER_STEP_NAMES, key)) keys.push(key);
    }
  }
  return keys;
}

/** The run's value of each setting a link may write, as the registry formats it; a checkout
 * setting of a step this flow does not have reads '' and is left out, as it is no value at all. */
export function linkValues(config: Config): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of linkKeys(config.flow)) {
    const value = findSetting(key)!.read(config);
    if (value !== '') values[key] = value;
  }
  return values;
}

/** `values` keyed by link names (a step key with an older name under that name) and in the link's
 * order for the flow; a key the flow has no place for goes last, in the order it came. */
export function inLinkOrder(
  values: Readonly<Record<string, string>>,
  flow: Flow,
): Record<string, string> {
  const named = new Map(Object.entries(values).map(([k, v]) => [settingName(k), v]));
  const ordered: Record<string, string> = {};
  for (const key of linkKeys(flow)) {
    const value = named.get(key);
    if (value === undefined) continue;
    ordered[key] = value;
    named.delete(key);
  }
  for (const [key, value] of named) ordered[key] = value;
  return ordered;
}

/** What is wrong with `value` for `key` on its own, before the link's flow is known: a step's
 * setting is tried on a scratch step of its id (whether the flow has the step is checked later). */
export function valueProblem(key: AnySettingKey, value: string): string | undefined {
  const config = defaultConfig();
  const id = stepIdOf(key);
  if (id !== undefined && !config.flow.steps.some((s) => s.id === id)) {
    config.flow.steps.push({ ...config.flow.steps[0]!, id });
  }
  return findSetting(key)!.apply(config, value);
}

/** Every name of a locked setting, so that the controls and the store, which compare names, hold
 * it whichever name they use (`latency.charge` and `steps.charge.latency`). */
export function allNames(key: AnySettingKey): AnySettingKey[] {
  const name = settingName(key);
  const older = Object.entries(OLDER_STEP_NAMES).find(([, n]) => n === name)?.[0];
  return older === undefined ? [name] : [name, older as AnySettingKey];
}

/** Why the link's flow cannot run its lesson (the lesson sets a step the flow lacks: the email's
 * outage with a sign-in flow), or undefined: the lesson's own flow runs instead. */
export function lessonClash(state: Pick<UrlState, 'flow' | 'scenario'>): string | undefined {
  const scenario = state.scenario === null ? undefined : lessonEntry(state.scenario);
  if (!scenario || state.flow === null) return undefined;
  const config = buildConfig({}, state.flow);
  const script = scenarioChanges(scenario).map((c) => [c.key, c.value] as const);
  for (const [key, value] of [...Object.entries(scenario.settings), ...script]) {
    // An action (placing orders) is no setting and fits any flow.
    const problem = findSetting(key)?.apply(config, String(value));
    if (problem !== undefined)
      return `the lesson ${scenario.id} runs on its own flow: it sets ${key}, and ${problem}`;
  }
  return undefined;
}

/** The locked settings by every name they go by (allNames), in the link's order; a lock on a step
 * the flow lacks is refused naming the flow's steps. */
export function lockedKeys(
  keys: readonly AnySettingKey[],
  flow: Flow,
  ignore: (param: string, value: string, allowed: string) => void,
): AnySettingKey[] {
  const names = new Set<string>();
  for (const key of keys) {
    const id = stepIdOf(key);
    if (id === undefined || flow.steps.some((s) => s.id === id)) names.add(settingName(key));
    else ignore('lock', key, unknownStep(flow, id));
  }
  return linkKeys(flow)
    .filter((k) => names.has(k))
    .flatMap(allNames);
}
