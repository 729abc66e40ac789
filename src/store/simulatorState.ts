/** The simulator store's state creator: the state React reads and the actions the controls, the
 * lessons and a host page call, over the lanes (a LanePair) and a frame clock it is given. Time,
 * recorded changes and publishing are done by the parts it builds (frameLoop.ts, recorder.ts,
 * publisher.ts); this file says what each action means. Testable alone, as zustand's testing
 * guide has it: `createStore(simulatorState({ pair, clock }))`. */
import type { StateCreator } from 'zustand/vanilla';
import {
  ACTIONS,
  SETTINGS,
  buildConfig,
  findSetting,
  type ChangeKey,
  type Flow,
  type Mode,
  type SettingKey,
  type SettingValue,
  roundUs,
} from '../engine/index.ts';
import {
  findScenario,
  LESSONS,
  lessonEntry,
  scenarioChanges,
  scenarioFlow,
} from '../scenarios/index.ts';
import { lessonScript, NO_SCRIPT } from '../scenarios/lessonScript.ts';
import { scriptResolver, storedScripts } from '../scenarios/load.ts';
import { shown } from './changes/echo.ts';
import { createFrameLoop } from './time/frameLoop.ts';
import { MODES, type LanePair } from './lanes/lanePair.ts';
import { PATTERN_KEY, lockRefusal, withLockedValues, withoutLocked } from './changes/locks.ts';
import { createPublisher } from './publish/publisher.ts';
import type { FrameListeners } from './time/clock.ts';
import { createRecorder } from './changes/recorder.ts';
import { outOfReach } from './time/replayBudget.ts';
import { snapshotOf } from './publish/snapshot.ts';
import type {
  FrameClock,
  SimulatorOptions,
  SimulatorState,
  SimulatorStore,
} from './simulatorTypes.ts';

/** The settings that apply to this flow (null: the checkout), in their order. */
function fitting(
  settings: Readonly<Record<string, SettingValue>>,
  flow: Flow | null,
): Record<string, SettingValue> {
  const scratch = buildConfig({}, flow ?? undefined);
  return Object.fromEntries(
    Object.entries(settings).filter(
      ([key, value]) => findSetting(key)?.apply(scratch, String(value)) === undefined,
    ),
  );
}

/** Wall time a run of merged steps (a host's burst of `step`s) may take. */
const STEPS_BUDGET_MS = 100;
export const DEFAULT_DURATION_MS = 600_000;

export interface SimulatorParts {
  /** The lanes, built from the options' settings, seed and duration. */
  pair: LanePair;
  clock: FrameClock;
  options?: SimulatorOptions;
  /** Called after every frame and every jump, each at its pace. */
  listeners?: FrameListeners;
}

export function simulatorState({
  pair,
  clock,
  options = {},
  listeners = new Map(),
}: SimulatorParts): StateCreator<SimulatorStore> {
  return (set, get, api) => {
    const publisher = createPublisher(pair, clock, api, listeners);
    const loop = createFrameLoop(pair, clock, api, publisher, options.speed ?? 1);
    const recorder = createRecorder(pair, api, loop, publisher, () => rescript());
    const { publish } = publisher;

    /** Starts again from 0 s, paused, with these settings (and the scenario's fields). */
    function restart(
      settings: Readonly<Record<string, SettingValue>>,
      scenario: Partial<SimulatorState> = { scenarioId: null, script: [] },
    ): void {
      loop.halt();
      set({
        ...scenario,
        base: settings,
        changes: [],
        playing: false,
        furthestMs: 0,
        tracked: 0,
        focusOrder: 0,
      });
      pair.rebuild(recorder.recipe([]), get().script.length);
      pair.runTo(0);
      rescript();
      loop.reanchor();
      publish(true);
    }

    /** Binds the lesson's captions to the run now recorded: each at its moment, and only those
     * whose claims hold (scenarios/script.ts). A lesson's own run keeps them all. */
    function rescript(): void {
      const { scenarioId } = get();
      const scenario = scenarioId === null ? undefined : findScenario(scenarioId);
      const script = scenario
        ? lessonScript(scenario, pair.currentRecipe, storedScripts(), scriptResolver())
        : NO_SCRIPT;
      set({ beats: script.beats, captionsLeftOut: script.leftOut });
    }

    /** An action button's change (an order, a redrive): it plays on from a settled run. */
    function act(key: ChangeKey, value: SettingValue): void {
      const wasSettled = pair.settled();
      recorder.apply(key, value);
      publish(true);
      if (wasSettled && !get().playing) get().play();
    }

    const first: SimulatorState = {
      lanesShown: options.lanesShown ?? 'compare',
      playing: false,
      speed: options.speed ?? 1,
      simMs: 0,
      furthestMs: 0,
      atMaxSpeed: false,
      seed: options.seed ?? 1,
      base: options.settings ?? {},
      scenarioId: null,
      flow: options.flow ?? null,
      beats: [],
      captionsLeftOut: [],
      script: [],
      durationMs: options.durationMs ?? DEFAULT_DURATION_MS,
      changes: [],
      values: {},
      errors: {},
      locked: [],
      jump: null,
      stopped: null,
      lanes: {
        sync: snapshotOf(pair.lanes.sync, pair.view('sync'), 0),
        async: snapshotOf(pair.lanes.async, pair.view('async'), 0),
      },
      tracked: 0,
      focusOrder: 0,
      generation: pair.generation,
      analysisVersion: 0,
    };

    return {
      ...first,
      ...publisher.moment(first, true),

      play() {
        if (get().playing) return;
        loop.play();
      },
      pause() {
        loop.pause();
        // Paused already: nothing to publish (a host's flood of pauses renders nothing).
        if (!get().playing) return;
        set({ playing: false, atMaxSpeed: false });
        publish(true);
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      stepEvent() {
        get().stepEvents(1);
      },
      stepEvents(count) {
        loop.halt();
        set({ playing: false, atMaxSpeed: false });
        const modes = get().lanesShown === 'compare' ? MODES : [get().lanesShown as Mode];
        const deadline = clock.now() + STEPS_BUDGET_MS;
        for (let i = 0; i < count && clock.now() <= deadline; i++) {
          // Once nothing more can happen, the only events left are timers that change nothing.
          if (pair.settled()) break;
          // Skip events that change nothing visible (a superseded timer): stop where something
          // logs.
          for (let guard = 0; guard < 1000; guard++) {
            const next = pair.nextEventMs(modes);
            if (!Number.isFinite(next)) break;
            pair.runTo(next);
            if (pair.loggedNow()) break;
          }
        }
        loop.reanchor();
        publish(true);
      },
      setSpeed(speed) {
        if (!(speed > 0)) return;
        set({ speed });
        loop.reanchor();
      },
      setLanesShown(lanesShown) {
        set({ lanesShown });
        publish(true);
      },
      seek(simMs) {
        loop.startJump(Math.min(Math.max(0, simMs), get().furthestMs));
      },
      scrub(simMs) {
        loop.aimJump(Math.min(Math.max(0, simMs), get().furthestMs));
      },
      cancelJump() {
        if (!loop.dropJump()) return;
        loop.reanchor();
        publish(true);
      },
      reset() {
        const { scenarioId } = get();
        if (scenarioId !== null) return void get().loadScenario(scenarioId);
        const values = publisher.readValues();
        const settings: Record<string, SettingValue> = {};
        // A checkout setting of a step this flow does not have reads '' and is left out.
        for (const setting of SETTINGS) {
          if (values[setting.key] !== '') settings[setting.key] = values[setting.key]!;
        }
        restart(settings);
      },
      restoreDefaults() {
        const durationMs = options.durationMs ?? DEFAULT_DURATION_MS;
        restart(recorder.lockedValues(), {
          scenarioId: null,
          flow: options.flow ?? null,
          script: [],
          durationMs,
        });
      },
      change(key, value, options) {
        return recorder.change(key, value, options?.showError ?? true);
      },
      placeOrder() {
        act('orders.place', 1);
      },
      redrive() {
        act(ACTIONS.redrive, true);
      },
      startSpike() {
        const changes: [SettingKey, SettingValue][] = [
          ['traffic.spikeAt', String(roundUs(pair.nowMs) / 1000)],
          [PATTERN_KEY, 'spike'],
        ];
        const locked = lockRefusal(get().locked, changes, 'the traffic spike');
        if (locked) return recorder.refuse(PATTERN_KEY, locked);
        for (const [k, v] of changes) recorder.apply(k, v);
        publish(true);
        return undefined;
      },
      restartWith({ seed, settings, flow }) {
        const s = get();
        // On another flow, a setting of a step the old one had (a reset's `latency.charge`) has
        // nothing to set: it is left behind, not an error.
        const base = flow === undefined ? s.base : fitting(s.base, flow);
        restart(
          { ...base, ...settings },
          { seed: seed ?? s.seed, flow: flow === undefined ? s.flow : flow },
        );
      },
      jumpTo(simMs) {
        const target = Math.max(0, simMs);
        if (target > get().furthestMs) {
          const tooFar = outOfReach(pair.currentRecipe, target);
          if (tooFar) return tooFar;
        }
        loop.startJump(target);
        return undefined;
      },
      setLocked(keys) {
        set({ locked: [...keys] });
      },
      loadScenario(id) {
        if (!lessonEntry(id)) {
          return `unknown scenario '${shown(id)}'; one of ${LESSONS.map((s) => s.id).join(', ')}`;
        }
        // The store holds only a lesson whose captions and goals are here: its callers load it
        // first (lessons/openLesson.ts).
        const scenario = findScenario(id);
        if (!scenario) return `the lesson '${id}' has not loaded yet`;
        const { locked } = get();
        restart(withLockedValues(scenario.settings, recorder.lockedValues()), {
          scenarioId: scenario.id,
          flow: scenarioFlow(scenario) ?? null,
          script: withoutLocked(scenarioChanges(scenario), locked),
          seed: scenario.seed,
          durationMs: scenario.durationSec * 1000,
          lanesShown: scenario.mode,
        });
        return undefined;
      },
    };
  };
}
