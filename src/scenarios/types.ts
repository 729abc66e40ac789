/** The shape of a preset scenario: a lesson as data (settings, seed, captions, a prediction and
 * goals), run the same way by the UI, the tests and the CLI. No logic lives in a scenario. */
import type {
  AnySettingKey,
  Broker,
  ChangeKey,
  Flow,
  SettingValue,
  SettingValues,
} from '../engine/index.ts';
import type { Fact } from './facts.ts';
import type { GoalMetric } from './metrics.ts';

export type Lane = 'sync' | 'async';

export interface ScenarioChange {
  atSec: number;
  key: ChangeKey;
  value: SettingValue;
}

/** A caption shown at a moment of simulated time, optionally pausing there. `focusOrder` names
 * the order the caption talks about, so the lanes can point at it. */
export interface Beat {
  /** The earliest moment the caption shows (with `when`), or its moment. */
  atSec: number;
  /** The caption shows at the first moment from `atSec` on at which this holds (every fact of a
   * list), so it can never run ahead of what it describes (script.ts resolves it). */
  when?: Fact | readonly Fact[];
  /** What the caption says, as facts about the lanes; each must hold at the moment it shows. A
   * caption that gives a number, a count, an order or a comparison claims it here. */
  claims?: readonly Fact[];
  caption: string;
  pause?: boolean;
  focusOrder?: number;
  /** The beat's place in its lesson, from 1: its caption's message is `lesson.<id>.beat.<number>`
   * in the catalogs. `joinLesson` numbers a lesson's beats; a beat without one (a test's) shows
   * its own caption in every language. */
  number?: number;
  /** For a caption that names the broker's lease (`{lease}`, `{leaseLength}`), the broker and the
   * lease's length in ms at the moment the script bound it, so that every language says the same. */
  lease?: { broker: Broker; ms: number | null };
}

/** The outcomes a lane can tally on the stage (lessons/tallies.ts says how each is counted). */
export type TallyKey =
  | 'errorPages'
  | 'chargedButSawError'
  | 'emailsSent'
  | 'noEmail'
  | 'duplicates'
  | 'doubleCharged'
  | 'deadLetters'
  | 'dropped'
  | 'timedOut'
  | 'savedNeverEnqueued'
  | 'confirmedThenFailed'
  | 'apologies';

/** The tallies a stage chart can draw over time: what the customers saw, which the analysis
 * counts from the log as the engine counts it. */
export type ChartTally = Extract<
  TallyKey,
  'errorPages' | 'timedOut' | 'chargedButSawError' | 'savedNeverEnqueued'
>;

/** A small chart on the stage of what piles up over time, for lessons about accumulation: the
 * async queue's depth, and the lesson's key tally for each lane shown, on one time axis. */
export type StageChart = { queue: true; tally?: ChartTally } | { queue?: false; tally: ChartTally };

/** A condition on one lane's numbers, such as "the async lane has sent at least 1 email". */
export interface Condition {
  lane: Lane;
  metric: GoalMetric;
  atLeast?: number;
  atMost?: number;
}

/** A checklist item that ticks itself when all its conditions first hold (not before `afterSec`). */
export interface Goal {
  id: string;
  label: string;
  /** What the goal reads until the prediction is answered, where `label` would give the answer
   * away ("A customer gets the same email twice" before anyone has guessed). */
  labelBeforeAnswer?: string;
  when: readonly Condition[];
  afterSec?: number;
  /** The design the student must make for this goal (a sandbox lesson's): it cannot tick in the
   * lesson's own run, so the golden test ticks it in a run with these settings on top. The page
   * ticks it in whatever run meets `when`. */
  design?: Readonly<Partial<Record<AnySettingKey, SettingValue>>>;
}

/** A question asked before the run plays. After the run, the app shows `reveal` (what actually
 * happened, as a number) beside the student's answer, and the explanation. */
export interface Prediction {
  question: string;
  options: readonly { id: string; label: string }[];
  answer: string;
  explanation: string;
  reveal: { lane: Lane; metric: GoalMetric; label: string };
  /** Words and phrases that give the answer away: the title, the premise and the goals before
   * the answer must not contain them (any case), and `teaches` and the goals after it do. */
  keyWords: readonly string[];
}

export interface Scenario {
  /** Stable id, used on the command line and in links. */
  id: string;
  title: string;
  /** What a student should take away, in a sentence or two; shown once the prediction is
   * answered, since it answers it. */
  teaches: string;
  /** What the lesson is about without answering its prediction: shown until it is answered. */
  premise: string;
  /** The view the UI opens in; the CLI runs sync for 'compare' unless told otherwise. */
  mode: 'sync' | 'async' | 'compare';
  seed: number;
  /** Orders arrive during this many simulated seconds. */
  durationSec: number;
  /** The flow its requests go through: a preset's id (FLOW_PRESETS) or the steps themselves; the
   * checkout when absent. */
  flow?: string | Flow;
  /** Settings on top of the defaults, in the `key=value` vocabulary of the CLI's --set; a key
   * that is not in the registry is a type error. */
  settings: SettingValues;
  /** Settings that change while the scenario runs. */
  changes?: readonly ScenarioChange[];
  /** The outcomes the lesson is about: each lane tallies these even at 0 (others only once they
   * happen). */
  tallies?: readonly TallyKey[];
  /** The broker's close-up opens when the lesson loads: its lesson is the broker's own state
   * (records, receives, leases, the backlog message by message). */
  closeup?: true;
  /** The side panel opens on its Design section when the lesson loads: the lesson is about
   * choosing which steps run in the background. */
  design?: true;
  /** The stage shows a chart of these over time (lessons about things piling up). */
  chart?: StageChart;
  beats: readonly Beat[];
  prediction: Prediction;
  goals: readonly Goal[];
  /** Questions for the room after the run, grounded in what the lesson shows: printed on the
   * lesson's handout for the instructor. */
  discussion?: readonly string[];
}

/** What every part of the page needs of a lesson without its content: its place, its title and
 * the run it describes (the link's parser, the picker, the controls' defaults). The index
 * (`lessonIndex.ts`) holds one for every lesson and loads with the page. */
export type LessonEntry = Pick<
  Scenario,
  | 'id'
  | 'title'
  | 'mode'
  | 'seed'
  | 'durationSec'
  | 'flow'
  | 'settings'
  | 'changes'
  | 'tallies'
  | 'closeup'
  | 'design'
  | 'chart'
>;

/** A lesson's words and checks (captions, prediction, goals, summaries): the part each lesson's
 * file holds, loaded when the lesson opens (`load.ts`). */
export type LessonContent = Pick<
  Scenario,
  'id' | 'teaches' | 'premise' | 'beats' | 'prediction' | 'goals' | 'discussion'
>;

/** A beat of a lesson's own run as `resolveScript` binds it: `null` when it keeps the beat as
 * written, else its moment (its caption then follows the broker's words, `brokerWords`). */
export type OwnBeat = number | null;

/** What `resolveScript` gives each lesson's own run, stored: `recipe` is `recipeKey` of that run.
 * test/scenarios/ownScripts.test.ts writes it (`npx vitest run --project unit -u ownScripts`) and
 * fails when it is out of date. */
export type OwnScripts = Readonly<Record<string, { recipe: string; beats: readonly OwnBeat[] }>>;
