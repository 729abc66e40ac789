/** Between the store and a link: the link for the store's current state, and applying a parsed
 * link to a fresh store (scenario, then seed and settings as the run's base, view, speed, and the
 * moment: a caption's or `t`). */
import {
  brokerLoaded,
  isBroker,
  buildConfig,
  checkoutFlow,
  isAction,
  settingName,
  type Flow,
  type SettingValue,
} from '../engine/index.ts';
import { formatTime } from '../format/index.ts';
import { lessonEntry, flowField, scenarioChanges, scenarioFlow } from '../scenarios/index.ts';
import { shown } from '../store/changes/echo.ts';
import { latestWithinBudget } from '../store/time/replayBudget.ts';
import type { SimulatorState, SimulatorStore } from '../store/simulatorTypes.ts';
import type { StoreApi } from 'zustand/vanilla';
import { captionMoment } from './caption.ts';
import { sameFlow } from './flowParam.ts';
import { linkValues } from './linkSettings.ts';
import type { Notice, NoticeReason, UrlState } from './urlState.ts';

const DEFAULT_SEED = 1;

type RunFields = Pick<
  SimulatorState,
  | 'scenarioId'
  | 'flow'
  | 'lanesShown'
  | 'seed'
  | 'speed'
  | 'simMs'
  | 'base'
  | 'changes'
  | 'durationMs'
>;

/** The settings a run starts from: its base, with the user's changes folded in as if made at
 * 0 s (a link keeps values, not when they changed), as the registry formats them, under the names
 * a link writes (a step's older name, `latency.charge`, for `steps.charge.latency`). */
function startingValues(
  base: Readonly<Record<string, SettingValue>>,
  flow: Flow | undefined,
  changes: RunFields['changes'] = [],
): Record<string, string> {
  const merged: Record<string, SettingValue> = {};
  for (const [key, value] of Object.entries(base)) merged[settingName(key)] = value;
  for (const c of changes) if (!isAction(c.key)) merged[settingName(c.key)] = c.value;
  return linkValues(buildConfig(merged, flow));
}

/** The link state for the store's run, keeping the page's embedding parameters as they came. A
 * link keeps values, not when they changed, so opening it can cost more than the run did (a rate
 * raised late now holds from 0 s): its moment is the latest within the replay budget. */
export function urlStateOf(s: RunFields, page: UrlState): UrlState {
  const scenario = s.scenarioId === null ? undefined : lessonEntry(s.scenarioId);
  const ownFlow = scenario ? scenarioFlow(scenario) : undefined;
  const flow = s.flow ?? undefined;
  const reference = startingValues(scenario?.settings ?? {}, flow);
  const now = startingValues(s.base, flow, s.changes);
  // In the link's order: `now` lists them so (linkValues).
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(now)) {
    if (value !== reference[key]) settings[key] = value;
  }
  const defaultMode = scenario?.mode ?? 'compare';
  const defaultSeed = scenario?.seed ?? DEFAULT_SEED;
  return {
    ...page,
    scenario: scenario?.id ?? null,
    mode: s.lanesShown === defaultMode ? null : s.lanesShown,
    seed: s.seed === defaultSeed ? null : s.seed,
    speed: s.speed,
    t: Math.round(Math.min(s.simMs, reachable(now, scenario, s.durationMs, flow))) / 1000,
    // The address bar and "Copy link" keep the moment; a caption is written only by its own link.
    caption: null,
    flow: flowParam(flow, ownFlow),
    settings,
  };
}

/** The link's `flow`: null while the run has its lesson's own flow (the checkout without a
 * lesson), else the run's flow, a preset or one of the run's own (a host's `setFlow`). */
function flowParam(flow: Flow | undefined, own: Flow | undefined): Flow | null {
  const ran = flow ?? checkoutFlow();
  return sameFlow(ran, own ?? checkoutFlow()) ? null : ran;
}

/** The latest moment a link with these starting values reaches within the replay budget. */
function reachable(
  values: Readonly<Record<string, string>>,
  scenario: ReturnType<typeof lessonEntry>,
  durationMs: number,
  flow: Flow | undefined,
): number {
  const changes = scenario ? scenarioChanges(scenario) : [];
  const run = { settings: values, seed: 0, durationMs, changes, ...flowField(flow) };
  return latestWithinBudget(run);
}

/** The moment a link opens on, and the notices about what it named but could not honour: a
 * caption outside the lesson's range, or a `t` that a good caption overrides. Reads the beats
 * from the store, after the lesson and its settings are in. */
function linkMoment(
  s: Pick<SimulatorState, 'beats' | 'scenarioId'>,
  state: UrlState,
  notices: Notice[],
): { ms: number; param: string; value: string } | null {
  const t =
    state.t > 0 ? { ms: Math.round(state.t * 1000), param: 't', value: String(state.t) } : null;
  if (state.caption === null) return t;
  const value = shown(state.caption);
  const target = captionMoment(state.caption, s.beats, s.scenarioId !== null);
  if ('allowed' in target) {
    const instead = t ? `it opens at ${formatTime(t.ms)}, as t says` : 'it opens at 0 s';
    // The same sentence as the page words it (analysis.link.reason.caption|noCaptions).
    const at = { at: t ? 't' : 'start', time: formatTime(t?.ms ?? 0) };
    const reason: NoticeReason =
      s.beats.length === 0
        ? {
            id: 'analysis.link.reason.noCaptions',
            values: { lesson: s.scenarioId ? 'yes' : 'no', ...at },
          }
        : { id: 'analysis.link.reason.caption', values: { count: s.beats.length, ...at } };
    notices.push({ param: 'caption', value, allowed: `${target.allowed}; ${instead}`, reason });
    return t;
  }
  // The caption wins: it is what the instructor picked, and a beat's moment may move with the run.
  if (t) {
    const at = `caption ${target.index + 1} at ${formatTime(target.ms)}`;
    notices.push({
      param: 't',
      value: t.value,
      allowed: `caption=${value} sets the moment (${at})`,
      reason: {
        id: 'analysis.link.reason.captionWins',
        values: { value, number: target.index + 1, time: formatTime(target.ms) },
      },
    });
  }
  return { ms: target.ms, param: 'caption', value };
}

/** The store's flow for a link's: null for the checkout (the engine's default, as before flows). */
function flowOf(flow: Flow): Flow | null {
  return sameFlow(flow, checkoutFlow()) ? null : flow;
}

/** The link's settings, less a broker whose preset did not load (boot/startPage.ts loads it
 * first; a lost connection can stop it), with a notice for it: the run keeps its broker. */
function withLoadedBroker(settings: UrlState['settings'], notices: Notice[]): UrlState['settings'] {
  const broker = settings['queue.broker'];
  if (broker === undefined || !isBroker(broker) || brokerLoaded(broker)) return settings;
  notices.push({
    param: 'queue.broker',
    value: broker,
    allowed: 'the broker could not load: check the connection and try again',
    reason: { id: 'analysis.link.reason.broker' },
  });
  const rest = { ...settings };
  delete rest['queue.broker'];
  return rest;
}

/** Puts a fresh store in the link's state, paused at its moment; returns notices about a moment
 * it could not honour. Settings were validated by parseParams. With `play`, playing starts before
 * the jump, so a sliced jump pauses and plays on only once it has landed (frameLoop.ts), never
 * from wherever it had got to. */
export function applyUrlState(
  store: StoreApi<SimulatorStore>,
  state: UrlState,
  { play = false }: { play?: boolean } = {},
): Notice[] {
  const actions = store.getState();
  const notices: Notice[] = [];
  if (state.scenario !== null) actions.loadScenario(state.scenario);
  const settings = withLoadedBroker(state.settings, notices);
  if (state.seed !== null || state.flow !== null || Object.keys(settings).length > 0) {
    actions.restartWith({
      ...(state.seed !== null ? { seed: state.seed } : {}),
      ...(state.flow !== null ? { flow: flowOf(state.flow) } : {}),
      settings,
    });
  }
  if (state.mode !== null) actions.setLanesShown(state.mode);
  if (state.speed !== actions.speed) actions.setSpeed(state.speed);
  const moment = linkMoment(store.getState(), state, notices);
  if (play) actions.play();
  if (moment && moment.ms > 0) {
    const refused = actions.jumpTo(moment.ms);
    if (refused) {
      notices.push({
        param: moment.param,
        value: moment.value,
        allowed: `${refused}; the run starts at 0 s`,
      });
    }
  }
  return notices;
}
