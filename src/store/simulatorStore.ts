/** The simulator's one store, with no React in it: it owns time (the only requestAnimationFrame
 * loop), turns wall time times speed into simulated time, drives both lanes of the engine, records
 * every setting change as a timed change, and publishes coarse state for React plus a per-frame
 * signal for the token layer. */
import { createStore } from 'zustand/vanilla';
import {
  ACTIONS,
  BEFORE_START_ONLY,
  SETTINGS,
  isAction,
  applySetting,
  findSetting,
  type Mode,
  type SettingValue,
  type TimedChange,
} from '../engine/index.ts';
import { MAX_FRAME_GAP_MS, simTargetAt, type ClockAnchor } from './clock.ts';
import { RATE_KEY } from './controls.ts';
import { cutEchoes, shown, withError } from './echo.ts';
import { createJumper } from './jump.ts';
import type { RunRecipe } from './lane.ts';
import { LanePair, MODES } from './lanePair.ts';
import { PATTERN_KEY, lockRefusal, touchedBy, withLockedValues, withoutLocked } from './locks.ts';
import { MAX_JUMP_MS, overBudget } from './replayBudget.ts';
import { sameSnapshot, snapshotOf } from './snapshot.ts';
import { findScenario, SCENARIOS, scenarioChanges } from '../scenarios/index.ts';
import type {
  FrameClock,
  Simulator,
  SimulatorOptions,
  SimulatorState,
  SimulatorStore,
} from './simulatorTypes.ts';

export type * from './simulatorTypes.ts';
import { trackedOrder } from './tracker.ts';
import { focusOrderAt, nextPauseAfter, pauseMoments } from '../lessons/beats.ts';

/** Engine work allowed per frame before the clock gives up and re-anchors. */
const FRAME_BUDGET_MS = 9;
/** How long to keep playing once nothing more can happen, before pausing by itself. */
const QUIET_MS = 1200;
/** Wall time a run of merged steps (a host's burst of `step`s) may take. */
const STEPS_BUDGET_MS = 100;
const ANALYSIS_EVERY_MS = 250;
/** While playing, node counts and the customers' screens update at about 15 Hz: readable, and it
 * keeps React, layout and paint out of most frames. Tokens still move every frame. */
const PUBLISH_EVERY_MS = 66;
export const DEFAULT_DURATION_MS = 600_000;

const browserClock: FrameClock = {
  now: () => performance.now(),
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
};

function roundUs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? browserClock;
  let durationMs = options.durationMs ?? DEFAULT_DURATION_MS;
  const seed = options.seed ?? 1;
  const base = options.settings ?? {};
  const pair = new LanePair({ settings: base, seed, durationMs, changes: [] });
  pair.runTo(0);
  const listeners = new Set<() => void>();
  let rafId = 0;
  let anchor: ClockAnchor = { wallMs: 0, simMs: 0, speed: options.speed ?? 1 };
  let lastWallMs = 0;
  let lastAnalysisWallMs = -Infinity;
  let lastPublishWallMs = -Infinity;
  /** The user pressed play after everything had settled: do not pause again until it unsettles. */
  let keepRunning = false;
  /** The scenario's beats that pause playback, in ms: playing across one stops exactly there. */
  let pauseMs: readonly number[] = [];

  const recipe = (changes: readonly TimedChange[]): RunRecipe => {
    const s = store.getState();
    return { settings: s.base, seed: s.seed, durationMs, changes: [...s.script, ...changes] };
  };

  /** The user's changes among the pair's (which start with the scenario's script). */
  const userChanges = (): readonly TimedChange[] =>
    pair.changes.slice(store.getState().script.length);

  function readValues(): Record<string, string> {
    const config = pair.lanes.sync.sim.state.config;
    const values: Record<string, string> = {};
    for (const setting of SETTINGS) values[setting.key] = setting.read(config);
    if (config.traffic.pattern === 'single') values[RATE_KEY] = '0';
    return values;
  }

  /** The locked settings' values in force now, as the registry writes them. */
  function lockedValues(): Record<string, string> {
    const config = pair.lanes.sync.sim.state.config;
    const kept: Record<string, string> = {};
    for (const key of store.getState().locked) {
      const setting = findSetting(key);
      if (setting) kept[key] = setting.read(config);
    }
    return kept;
  }

  function sameValues(a: Readonly<Record<string, string>>, b: Record<string, string>): boolean {
    for (const key in b) if (a[key] !== b[key]) return false;
    return true;
  }

  /** Hands the current moment to React (coarse state) and to the frame listeners. */
  function publish(jumped: boolean): void {
    const s = store.getState();
    const now = pair.nowMs;
    const wall = clock.now();
    if (!jumped && wall - lastPublishWallMs < PUBLISH_EVERY_MS) {
      // Between two coarse updates only the clock moves; the tokens redraw from the engine.
      store.setState({ simMs: now, furthestMs: Math.max(s.furthestMs, now) });
      for (const listener of listeners) listener();
      return;
    }
    lastPublishWallMs = wall;
    // After a rebuild (a seek back) the logs start again, and so does the choice of customer.
    const from = pair.generation === s.generation ? s.tracked : 0;
    const tracked = trackedOrder(from, [pair.lanes.sync.book, pair.lanes.async.book], now);
    // A caption that names an order turns each lane's customer screen to it, once it is placed.
    const focusOrder = focusOrderAt(findScenario(s.scenarioId ?? '')?.beats ?? [], now);
    const lanes = { ...s.lanes };
    for (const mode of MODES) {
      const book = pair.lanes[mode].book;
      const shown = focusOrder > 0 && book.get(focusOrder) ? focusOrder : tracked;
      const next = snapshotOf(pair.lanes[mode], pair.view(mode), shown);
      if (!sameSnapshot(lanes[mode], next)) lanes[mode] = next;
    }
    const values = readValues();
    const analysisDue = jumped || wall - lastAnalysisWallMs >= ANALYSIS_EVERY_MS;
    if (analysisDue) lastAnalysisWallMs = wall;
    store.setState({
      simMs: now,
      furthestMs: Math.max(s.furthestMs, now),
      lanes,
      tracked,
      focusOrder,
      values: sameValues(s.values, values) ? s.values : values,
      generation: pair.generation,
      analysisVersion: analysisDue ? s.analysisVersion + 1 : s.analysisVersion,
    });
    for (const listener of listeners) listener();
  }

  function startLoop(): void {
    if (rafId === 0) rafId = clock.requestFrame(frame);
  }

  function stopLoop(): void {
    if (rafId !== 0) clock.cancelFrame(rafId);
    rafId = 0;
  }

  function reanchor(wallMs: number): void {
    anchor = { wallMs, simMs: pair.nowMs, speed: store.getState().speed };
    lastWallMs = wallMs;
  }

  function frame(): void {
    rafId = 0;
    if (!store.getState().playing) return;
    const start = clock.now();
    if (start - lastWallMs > MAX_FRAME_GAP_MS) reanchor(start);
    lastWallMs = start;
    let target = simTargetAt(anchor, start);
    const settled = pair.settled();
    if (!settled) keepRunning = false;
    const quietEnd = pair.lastLoggedMs() + QUIET_MS;
    if (settled && !keepRunning) target = Math.min(target, Math.max(quietEnd, pair.nowMs));
    const beatStop = nextPauseAfter(pauseMs, pair.nowMs);
    if (beatStop <= target) target = beatStop;
    const reached = pair.runTo(target, start + FRAME_BUDGET_MS, clock.now);
    const behind = reached < target;
    if (behind) reanchor(clock.now());
    if (behind !== store.getState().atMaxSpeed) store.setState({ atMaxSpeed: behind });
    if (reached >= beatStop) {
      store.setState({ playing: false, atMaxSpeed: false });
      publish(true);
      return;
    }
    if (settled && !keepRunning && reached >= quietEnd) {
      store.setState({ playing: false, atMaxSpeed: false });
      publish(true);
      return;
    }
    publish(false);
    startLoop();
  }

  /** A seek that resumes playing once it lands, if it was sliced while playing. */
  let resumeAfterJump = false;
  const jumper = createJumper(pair, clock, {
    progress: (jump) => store.setState({ jump }),
    landed() {
      reanchor(clock.now());
      publish(true);
      if (!resumeAfterJump) return;
      resumeAfterJump = false;
      store.getState().play();
    },
  });

  /** Forgets a jump under way (another action takes over); returns whether there was one. */
  function dropJump(): boolean {
    resumeAfterJump = false;
    return jumper.cancel();
  }

  /** Starts a jump; a long one goes on in slices across frames, paused meanwhile. */
  function startJump(targetMs: number): void {
    const playing = store.getState().playing;
    if (playing) stopLoop();
    if (jumper.start(targetMs)) {
      if (playing) startLoop();
      return;
    }
    if (!playing) return;
    store.setState({ playing: false, atMaxSpeed: false });
    resumeAfterJump = true;
  }

  /** The moment a change made now takes effect. If events already ran at this very moment, the
   * change goes 1 µs later: a replay applies changes before events of the same moment, so this
   * keeps the live run and its replay identical. */
  function changeMoment(): number {
    let t = pair.nowMs;
    if (!pair.loggedNow()) return t;
    for (;;) {
      const candidate = roundUs(t + 0.001);
      const next = pair.nextEventMs(MODES);
      if (next > candidate) {
        pair.runTo(candidate);
        return candidate;
      }
      t = pair.runTo(next);
    }
  }

  /** Shows the sentence under the setting's control (the latest few are kept), and returns it;
   * input it quotes is cut, so a huge value is neither kept nor sent back. */
  function refuse(key: string, problem: string, value: SettingValue = ''): string {
    const sentence = cutEchoes(problem, [key, String(value)]);
    if (findSetting(key) || isAction(key)) {
      store.setState({ errors: withError(store.getState().errors, key, sentence) });
    }
    return sentence;
  }

  /** The setting's errors with this key's taken away (it applied). */
  function errorsWithout(key: string): SimulatorState['errors'] {
    const errors = { ...store.getState().errors };
    delete errors[key];
    return errors;
  }

  /** Why the value would be refused now, checked on a copy of the config. */
  function problemWith(key: string, value: SettingValue): string | undefined {
    return applySetting(structuredClone(pair.lanes.sync.sim.state.config), key, value);
  }

  function applyChange(key: string, value: SettingValue): string | undefined {
    const s = store.getState();
    const problem = problemWith(key, value);
    if (problem && !isAction(key)) return refuse(key, problem, value);
    dropJump();
    const now = pair.nowMs;
    let kept = s.changes;
    if (kept.some((c) => c.atMs > now)) {
      // A change in the past rewrites the future: drop the changes that came after it.
      kept = kept.filter((c) => c.atMs <= now);
      pair.rebuild(recipe(kept), s.script.length);
      pair.runTo(now);
    }
    const at = changeMoment();
    const refused = pair.change(key, value);
    if (refused) return refuse(key, refused, value);
    store.setState({ changes: userChanges(), errors: errorsWithout(key), furthestMs: at });
    reanchor(clock.now());
    return undefined;
  }

  /** A setting that shapes the run (the broker, Kafka's partitions) cannot change mid-run: start
   * again with it, the user's changes so far folded into the base as if made at 0 s, and keep
   * playing if it was. */
  function restartWithSetting(key: string, value: SettingValue): string | undefined {
    const s = store.getState();
    const problem = problemWith(key, value);
    if (problem) return refuse(key, problem, value);
    const settings: Record<string, SettingValue> = {};
    for (const c of s.changes) {
      if (c.atMs <= pair.nowMs && !isAction(c.key)) settings[c.key] = c.value;
    }
    settings[key] = value;
    store.setState({ errors: errorsWithout(key) });
    s.restartWith({ settings });
    if (s.playing) store.getState().play();
    return undefined;
  }

  function restart(
    settings: Readonly<Record<string, SettingValue>>,
    scenario: Partial<SimulatorState> = { scenarioId: null, script: [] },
  ): void {
    stopLoop();
    dropJump();
    store.setState({
      ...scenario,
      base: settings,
      changes: [],
      playing: false,
      furthestMs: 0,
      tracked: 0,
      focusOrder: 0,
    });
    pauseMs = pauseMoments(findScenario(store.getState().scenarioId ?? '')?.beats ?? []);
    pair.rebuild(recipe([]), store.getState().script.length);
    pair.runTo(0);
    reanchor(clock.now());
    publish(true);
  }

  const store = createStore<SimulatorStore>()((set, get) => ({
    viewMode: options.viewMode ?? 'compare',
    playing: false,
    speed: options.speed ?? 1,
    simMs: 0,
    furthestMs: 0,
    atMaxSpeed: false,
    seed,
    base,
    scenarioId: null,
    script: [],
    durationMs,
    changes: [],
    values: {},
    errors: {},
    locked: [],
    jump: null,
    lanes: {
      sync: snapshotOf(pair.lanes.sync, pair.view('sync'), 0),
      async: snapshotOf(pair.lanes.async, pair.view('async'), 0),
    },
    tracked: 0,
    focusOrder: 0,
    generation: pair.generation,
    analysisVersion: 0,

    play() {
      if (get().playing) return;
      if (dropJump()) publish(true);
      keepRunning = pair.settled();
      reanchor(clock.now());
      set({ playing: true });
      startLoop();
    },
    pause() {
      stopLoop();
      dropJump();
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
      stopLoop();
      dropJump();
      set({ playing: false, atMaxSpeed: false });
      const modes = get().viewMode === 'compare' ? MODES : [get().viewMode as Mode];
      const deadline = clock.now() + STEPS_BUDGET_MS;
      for (let i = 0; i < count && clock.now() <= deadline; i++) {
        // Once nothing more can happen, the only events left are timers that change nothing.
        if (pair.settled()) break;
        // Skip events that change nothing visible (a superseded timer): stop where something logs.
        for (let guard = 0; guard < 1000; guard++) {
          const next = pair.nextEventMs(modes);
          if (!Number.isFinite(next)) break;
          pair.runTo(next);
          if (pair.loggedNow()) break;
        }
      }
      reanchor(clock.now());
      publish(true);
    },
    setSpeed(speed) {
      if (!(speed > 0)) return;
      set({ speed });
      reanchor(clock.now());
    },
    setViewMode(viewMode) {
      set({ viewMode });
      publish(true);
    },
    seek(simMs) {
      startJump(Math.min(Math.max(0, simMs), get().furthestMs));
    },
    cancelJump() {
      if (!dropJump()) return;
      reanchor(clock.now());
      publish(true);
    },
    reset() {
      const { scenarioId } = get();
      if (scenarioId !== null) return void get().loadScenario(scenarioId);
      const values = readValues();
      const settings: Record<string, SettingValue> = {};
      for (const setting of SETTINGS) settings[setting.key] = values[setting.key]!;
      restart(settings);
    },
    restoreDefaults() {
      durationMs = options.durationMs ?? DEFAULT_DURATION_MS;
      restart(lockedValues(), { scenarioId: null, script: [], durationMs });
    },
    change(key, value) {
      const changes = touchedBy(key, value, get().values);
      const locked = lockRefusal(get().locked, changes, key);
      if (locked) return refuse(key, locked, value);
      if (BEFORE_START_ONLY.includes(key)) return restartWithSetting(key, value);
      let problem: string | undefined;
      let applied = 0;
      for (const [k, v] of changes) {
        problem = applyChange(k, v);
        if (problem) break;
        applied++;
      }
      // A refused value changed nothing but its error: no need to redraw the lanes for it.
      if (applied > 0) publish(true);
      return problem;
    },
    placeOrder() {
      const wasSettled = pair.settled();
      applyChange('orders.place', 1);
      publish(true);
      if (wasSettled && !get().playing) get().play();
    },
    redrive() {
      const wasSettled = pair.settled();
      applyChange(ACTIONS.redrive, true);
      publish(true);
      if (wasSettled && !get().playing) get().play();
    },
    startSpike() {
      const changes: [string, SettingValue][] = [
        ['traffic.spikeAt', String(roundUs(pair.nowMs) / 1000)],
        [PATTERN_KEY, 'spike'],
      ];
      const locked = lockRefusal(get().locked, changes, 'the traffic spike');
      if (locked) return refuse(PATTERN_KEY, locked);
      for (const [k, v] of changes) applyChange(k, v);
      publish(true);
      return undefined;
    },
    restartWith({ seed, settings }) {
      const s = get();
      restart({ ...s.base, ...settings }, { seed: seed ?? s.seed });
    },
    jumpTo(simMs) {
      const target = Math.min(Math.max(0, simMs), MAX_JUMP_MS);
      if (target > get().furthestMs) {
        const tooFar = overBudget(pair.currentRecipe, target);
        if (tooFar) return tooFar;
      }
      startJump(target);
      return undefined;
    },
    setLocked(keys) {
      set({ locked: [...keys] });
    },
    loadScenario(id) {
      const scenario = findScenario(id);
      if (!scenario) {
        return `unknown scenario '${shown(id)}'; one of ${SCENARIOS.map((s) => s.id).join(', ')}`;
      }
      durationMs = scenario.durationSec * 1000;
      const { locked } = get();
      restart(withLockedValues(scenario.settings, lockedValues()), {
        scenarioId: scenario.id,
        script: withoutLocked(scenarioChanges(scenario), locked),
        seed: scenario.seed,
        durationMs,
        viewMode: scenario.mode,
      });
      return undefined;
    },
  }));

  store.setState({ values: readValues() });
  reanchor(clock.now());
  publish(true);
  if (options.autoplay) store.getState().play();

  return {
    store,
    lane: (mode) => pair.lanes[mode],
    view: (mode) => pair.view(mode),
    recipe: () => pair.currentRecipe,
    checkpoints: () => pair.checkpoints,
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stopLoop();
      listeners.clear();
    },
  };
}
