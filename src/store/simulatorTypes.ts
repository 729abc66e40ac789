/** The simulator store's types: its state and its actions typed apart and joined, the options
 * it is made with, and the handles beside it that are not state. */
import type { StoreApi } from 'zustand/vanilla';
import type {
  Flow,
  Mode,
  AnySettingKey,
  SettingValues,
  SystemView,
  TimedChange,
} from '../engine/index.ts';
import type { RunRecipe } from './lanes/lane.ts';
import type { LaneReader } from './lanes/laneReader.ts';
import type { Checkpoints } from './replay/checkpoints.ts';
import type { FrameClock } from './time/clock.ts';
import type { JumpProgress } from './time/jump.ts';
import type { LaneSnapshot } from './publish/snapshot.ts';
import type { LaneStop } from './lanes/lanePair.ts';
import type { Beat } from '../scenarios/index.ts';
import type { LeftOut } from '../scenarios/lessonScript.ts';

// Where FrameClock lives (clock.ts), so that jump.ts can take one without importing these types.
export type { FrameClock } from './time/clock.ts';
export type { FrameListeners } from './time/clock.ts';

/** Which lanes the stage shows: one mode, or both side by side (a link's `mode`). */
export type LanesShown = Mode | 'compare';

export interface SimulatorState {
  lanesShown: LanesShown;
  playing: boolean;
  /** Simulated ms per wall ms. */
  speed: number;
  /** The moment shown. While playing, it and `furthestMs` move every frame in place, without
   * notifying subscribers (publisher.ts): a subscriber hears of them at each publish, a few
   * times a second, and reads the newest with getState(); `prev` in a subscriber may already
   * hold the newer clock. */
  simMs: number;
  /** The furthest moment played so far: the end of the timeline. */
  furthestMs: number;
  /** The last frame ran out of time before reaching its target: the engine is the bottleneck. */
  atMaxSpeed: boolean;
  seed: number;
  /** The settings the run starts from; later ones are timed changes. */
  base: SettingValues;
  /** The preset scenario loaded (null for the free simulator). */
  scenarioId: string | null;
  /** The flow the requests go through: the lesson's, a link's `flow`, or null for the checkout
   * (the engine's default). */
  flow: Flow | null;
  /** The lesson's captions for this run, each at the moment it shows (empty without a lesson).
   * Every reader of captions (the caption strip, pauses, the clicker, links) reads these. */
  beats: readonly Beat[];
  /** The lesson's captions this run leaves out, with why: none in a lesson's own run, and those
   * that no longer happen or no longer hold once the user has changed it. */
  captionsLeftOut: readonly LeftOut[];
  /** The scenario's own timed changes, replayed with every run of it. */
  script: readonly TimedChange[];
  /** How long orders arrive, in simulated ms. */
  durationMs: number;
  /** The changes the user made (sliders, buttons), after the script's. */
  changes: readonly TimedChange[];
  /** Every setting's value in force now, as the registry formats it. */
  values: Readonly<Record<string, string>>;
  /** The registry's sentence for the last rejected value of a setting (the latest few only). */
  errors: Readonly<Record<string, string>>;
  /** Settings the page's `lock` parameter holds: no control, host, lesson or reset changes them. */
  locked: readonly AnySettingKey[];
  /** Why the engine stopped a lane's run (a budget ran out), or null: the stage says so and the
   * clock halts there. */
  stopped: LaneStop | null;
  /** A long jump being computed in slices across frames, or null. */
  jump: JumpProgress | null;
  lanes: Readonly<Record<Mode, LaneSnapshot>>;
  /** The order whose customer the user screens follow. */
  tracked: number;
  /** The order the lesson's caption points at now (the lanes ring it and follow it), or 0. */
  focusOrder: number;
  /** Bumped when the lanes are rebuilt (their Collectors are new objects then). */
  generation: number;
  /** Bumped at most a few times a second while playing, and on every jump: charts redraw on it. */
  analysisVersion: number;
}

export interface SimulatorActions {
  play(): void;
  /** Stops playing; a jump under way still lands, and does not play on from there. */
  pause(): void;
  togglePlay(): void;
  /** Pauses, then runs to the next moment at which something happens. */
  stepEvent(): void;
  /** `stepEvent` `count` times with one update at the end (a host's merged steps), within a
   * budget of 100 ms of wall time. */
  stepEvents(count: number): void;
  setSpeed(speed: number): void;
  setLanesShown(mode: LanesShown): void;
  /** Seeks within the moments played; a long replay goes on in slices across frames. */
  seek(simMs: number): void;
  /** A move of the timeline's thumb: seeks within the moments played from the next frame on,
   * in slices, with no work now; a later move retargets it, so a drag runs one seek at a time. */
  scrub(simMs: number): void;
  /** Stops a sliced jump where it got to. */
  cancelJump(): void;
  /** Starts again from 0 s with the settings in force now. */
  reset(): void;
  /** Starts again from 0 s with the lesson's defaults. */
  restoreDefaults(): void;
  /** Validates and applies a setting now; returns the registry's error sentence, if any. A
   * setting that cannot change mid-run (the broker, Kafka's partitions) restarts the run.
   * `showError: false` leaves a refusal out of `errors` (a host's: only its reply says it), so
   * the page does not render for it. */
  change(key: AnySettingKey, value: string, options?: { showError?: boolean }): string | undefined;
  placeOrder(): void;
  /** Moves the dead-letter queue back to the main queue now, as a recorded change. */
  redrive(): void;
  /** A burst of traffic from now, at the spike settings' rate and length; returns why not when
   * the spike's settings are locked. */
  startSpike(): string | undefined;
  /** Starts again from 0 s, paused, with another seed and settings on top of the run's base,
   * keeping the scenario and its script (a shared link's state). Settings must be valid. */
  restartWith(options: {
    seed?: number;
    settings?: SettingValues;
    /** Another flow (null: the checkout); the run's own when absent. */
    flow?: Flow | null;
  }): void;
  /** Seeks to a moment even past the furthest played (up to a day, past the arrivals too): for
   * links, host pages and the lesson's beats, where the timeline's end is not a limit. Returns
   * why not, and stays, when reaching it would simulate more than the replay budget, or it is
   * past a day. */
  jumpTo(simMs: number): string | undefined;
  /** Holds these settings at their values: `change`, `startSpike`, `loadScenario` and the resets
   * keep them. */
  setLocked(keys: readonly AnySettingKey[]): void;
  /** Loads a preset scenario (its settings, seed, script, view and duration) at 0 s, paused,
   * keeping locked settings at their values. Returns an error sentence for an unknown id, and
   * changes nothing then. */
  loadScenario(id: string): string | undefined;
}

export type SimulatorStore = SimulatorState & SimulatorActions;

export interface SimulatorOptions {
  seed?: number;
  durationMs?: number;
  settings?: SettingValues;
  /** The flow; the checkout when absent. */
  flow?: Flow;
  lanesShown?: LanesShown;
  speed?: number;
  autoplay?: boolean;
  clock?: FrameClock;
}

/** The store plus the handles that are not state: read-only readers of the lanes and the frame
 * signal. The lanes themselves (engine, order book, analysis) stay inside the store. */
export interface Simulator {
  store: StoreApi<SimulatorStore>;
  /** The lane's reader: the same object for the simulator's life, reading whichever lane is
   * current (a seek replaces them). Its reads change without the store telling React: read it
   * in a frame callback, or in React through `useLaneReads` (hooks.ts). */
  lane(mode: Mode): LaneReader;
  view(mode: Mode): SystemView;
  /** What the lanes are a function of now; a new object whenever it changes. */
  recipe(): RunRecipe;
  /** The lanes' checkpoints, which seeks restore (for benchmarks and tests). */
  checkpoints(): Checkpoints;
  /** Called after every frame and every jump, for drawing that must not go through React.
   * `thinned` (a clock, a scrubber, a chart's now-line: page elements, each write a
   * layout and paint of the page) is called every frame while frames come on time, and only
   * with the moment's publish (a few times a second) while they run late; the tokens keep every
   * frame. */
  onFrame(listener: () => void, thinned?: boolean): () => void;
  dispose(): void;
}
