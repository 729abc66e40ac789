/** The host API's view of the simulator: the dispatcher's interface implemented on the store, and
 * the public state that `state` messages carry. */
import { linkLocale, setLocale } from '../i18n/runtime.ts';
import { serializeState } from '../url/serializeState.ts';
import { urlStateOf } from '../url/storeState.ts';
import type { UrlState } from '../url/urlState.ts';
import {
  buildConfig,
  checkoutFlow,
  findSetting,
  isAnySettingKey,
  isStepSettingKey,
  unknownSetting,
  type Config,
  type Flow,
} from '../engine/index.ts';
import { sameFlow } from '../url/flowParam.ts';
import { lessonClash, linkValues } from '../url/linkSettings.ts';
import { findScenario, scenarioChanges } from '../scenarios/index.ts';
import { keptFromLesson } from '../store/changes/locks.ts';
import type { Simulator, SimulatorStore } from '../store/simulatorTypes.ts';
import type { ApiTarget } from './dispatch.ts';
import { outbound, type Outbound, type PublicState } from './protocol.ts';
import { cancelHostVideo, claimHostVideo, releaseHostVideo } from './videoRequest.ts';

/** The public state; `config` (a lane's) gives the flow's step settings (`steps.<id>.where`),
 * which the store's `values` leave out. */
export function publicState(s: SimulatorStore, page: UrlState, config: Config): PublicState {
  const steps = Object.entries(linkValues(config)).filter(([key]) => isStepSettingKey(key));
  return {
    scenario: s.scenarioId,
    mode: s.lanesShown,
    seed: s.seed,
    speed: s.speed,
    t: Math.round(s.simMs) / 1000,
    playing: s.playing,
    settings: steps.length === 0 ? s.values : { ...s.values, ...Object.fromEntries(steps) },
    query: serializeState({ ...urlStateOf(s, page), lang: linkLocale() }),
  };
}

export function simulatorTarget(
  simulator: Simulator,
  page: UrlState,
  onSubscribe: () => void,
  send: (message: Outbound) => void = () => {},
): ApiTarget {
  const actions = () => simulator.store.getState();
  return {
    // All of it, refusals too, loads on the first request: none of it is on the first screen.
    exportVideo(fields, id) {
      // Claimed at once, so that a cancelVideo right after it reaches this video.
      const controller = claimHostVideo();
      if (!controller) {
        return 'a video is being made; wait for its reply, or send cancelVideo, before asking for another';
      }
      void import('./videoJob.ts')
        .then((m) => m.startVideoJob(simulator, fields, send, id, controller.signal))
        .catch((e: unknown) =>
          send(
            outbound(
              {
                type: 'error',
                command: 'exportVideo',
                message: `could not load the video maker: ${(e as Error).message}`,
              } as const,
              id,
            ),
          ),
        )
        .finally(() => releaseHostVideo(controller));
      return undefined;
    },
    // The catalog may have to load: the reply comes at once, the new words a moment later.
    setLanguage(lang) {
      void setLocale(lang, { chosen: true, root: globalThis.document?.documentElement }).catch(
        () => undefined,
      );
    },
    cancelVideo: () => (cancelHostVideo() ? undefined : 'no video is being made'),
    play: () => actions().play(),
    pause: () => actions().pause(),
    step: (count) => actions().stepEvents(count),
    seek: (t) => actions().jumpTo(t * 1000),
    getState: () => publicState(actions(), page, simulator.lane('async').config),
    subscribe: onSubscribe,
    reset: () => actions().reset(),
    loadScenario(id) {
      const problem = actions().loadScenario(id);
      if (problem) return { problem };
      const lesson = findScenario(id)!;
      const config = simulator.lane('sync').config;
      const locked = Object.fromEntries(
        actions().locked.map((key) => [key, findSetting(key)?.read(config) ?? '']),
      );
      const kept = keptFromLesson(
        { settings: lesson.settings, script: scenarioChanges(lesson) },
        locked,
      );
      return kept.length === 0
        ? {}
        : { note: `kept ${kept.join(', ')}: locked on this page (the lock parameter)` };
    },
    // A host names settings only (a step's too: the store names the flow's steps for one it
    // lacks); the actions (orders.place, queue.redrive) are not settings. Its refusal is its reply
    // only: the page does not render for it (a flood of refused sets).
    set: (key, value) =>
      isAnySettingKey(key)
        ? actions().change(key, value, { showError: false })
        : unknownSetting(key),
    setFlow(flow) {
      const s = actions();
      const problem =
        lessonClash({ scenario: s.scenarioId, flow }) ??
        lockedClash(s.locked, flow, simulator.lane('sync').config);
      if (problem) return problem;
      // The checkout is the engine's default, as a link without `flow` has it.
      s.restartWith({ flow: sameFlow(flow, checkoutFlow()) ? null : flow });
      return undefined;
    },
  };
}

/** Why the page's locks cannot hold on this flow (a lock on a step it lacks), or undefined. */
function lockedClash(locked: readonly string[], flow: Flow, now: Config): string | undefined {
  const scratch = buildConfig({}, flow);
  for (const key of locked) {
    const setting = findSetting(key);
    const problem = setting?.apply(scratch, setting.read(now));
    if (problem) return `${key} is locked on this page (the lock parameter), and ${problem}`;
  }
  return undefined;
}
