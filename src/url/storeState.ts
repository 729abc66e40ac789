/** Between the store and a link: the link for the store's current state, and applying a parsed
 * link to a fresh store (scenario, then seed and settings as the run's base, view, speed, moment). */
import { SETTINGS, buildConfig, isAction, type SettingValue } from '../engine/index.ts';
import { findScenario, scenarioChanges } from '../scenarios/index.ts';
import { latestWithinBudget } from '../store/replayBudget.ts';
import type { SimulatorState, SimulatorStore } from '../store/simulatorTypes.ts';
import type { StoreApi } from 'zustand/vanilla';
import type { UrlState } from './urlState.ts';

const DEFAULT_SEED = 1;

type RunFields = Pick<
  SimulatorState,
  'scenarioId' | 'viewMode' | 'seed' | 'speed' | 'simMs' | 'base' | 'changes' | 'durationMs'
>;

/** The settings a run starts from: its base, with the user's changes folded in as if made at
 * 0 s (a link keeps values, not when they changed), as the registry formats them. */
function startingValues(
  base: Readonly<Record<string, SettingValue>>,
  changes: RunFields['changes'] = [],
): Record<string, string> {
  const merged: Record<string, SettingValue> = { ...base };
  for (const c of changes) if (!isAction(c.key)) merged[c.key] = c.value;
  const config = buildConfig(merged);
  return Object.fromEntries(SETTINGS.map((s) => [s.key, s.read(config)]));
}

/** The link state for the store's run, keeping the page's embedding parameters as they came. A
 * link keeps values, not when they changed, so opening it can cost more than the run did (a rate
 * raised late now holds from 0 s): its moment is the latest within the replay budget. */
export function urlStateOf(s: RunFields, page: UrlState): UrlState {
  const scenario = s.scenarioId === null ? undefined : findScenario(s.scenarioId);
  const reference = startingValues(scenario?.settings ?? {});
  const now = startingValues(s.base, s.changes);
  const settings: Record<string, string> = {};
  for (const setting of SETTINGS) {
    const value = now[setting.key]!;
    if (value !== reference[setting.key]) settings[setting.key] = value;
  }
  const defaultMode = scenario?.mode ?? 'compare';
  const defaultSeed = scenario?.seed ?? DEFAULT_SEED;
  return {
    ...page,
    scenario: scenario?.id ?? null,
    mode: s.viewMode === defaultMode ? null : s.viewMode,
    seed: s.seed === defaultSeed ? null : s.seed,
    speed: s.speed,
    t: Math.round(Math.min(s.simMs, reachable(now, scenario, s.durationMs))) / 1000,
    settings,
  };
}

/** The latest moment a link with these starting values reaches within the replay budget. */
function reachable(
  values: Readonly<Record<string, string>>,
  scenario: ReturnType<typeof findScenario>,
  durationMs: number,
): number {
  const changes = scenario ? scenarioChanges(scenario) : [];
  return latestWithinBudget({ settings: values, seed: 0, durationMs, changes });
}

/** Puts a fresh store in the link's state, paused. Settings were validated by parseParams. */
export function applyUrlState(store: StoreApi<SimulatorStore>, state: UrlState): void {
  const actions = store.getState();
  if (state.scenario !== null) actions.loadScenario(state.scenario);
  if (state.seed !== null || Object.keys(state.settings).length > 0) {
    actions.restartWith({
      ...(state.seed !== null ? { seed: state.seed } : {}),
      settings: state.settings,
    });
  }
  if (state.mode !== null) actions.setViewMode(state.mode);
  if (state.speed !== actions.speed) actions.setSpeed(state.speed);
  if (state.t > 0) actions.jumpTo(state.t * 1000);
}
