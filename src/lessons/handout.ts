/** A lesson's handout for the instructor, as data: its goal, its question and answer, the numbers
 * its own run produces (the lesson's recipe run headless with the engine, read at its last
 * caption and once the run has settled, in the tallies' and the reveal's words), its captions at
 * the moments the engine resolves for them, and its discussion questions. Pure: the same lesson
 * always gives the same handout. */
import { Simulation, type Report } from '../engine/index.ts';
import { formatMetric, formatTime } from '../format/index.ts';
import { beatMs } from '../scenarios/beats.ts';
import {
  readMetric,
  scenarioLanes,
  scenarioRecipe,
  type Lane,
  type Scenario,
} from '../scenarios/index.ts';
import { resolveScript, type LeftOut } from '../scenarios/script.ts';
import type { Beat } from '../scenarios/types.ts';
import type { GoalMetric } from '../scenarios/metrics.ts';
import { lessonNumber } from './lessonOrder.ts';
import { talliesOf, type Tally } from './tallies.ts';

/** How long past its last arrival a run may take to settle, as the command line drains. */
export const HANDOUT_DRAIN_MS = 600_000;

export interface HandoutMoment {
  /** "At the last caption (1:30.0)", "When the run has settled (1:32.3)". */
  label: string;
  atMs: number;
}

export interface HandoutLane {
  lane: Lane;
  /** The lane's tallies at each moment, as the stage words them in English ("58 error pages"),
   * and as counts (`talliesAt…`) for a page in another language. */
  atLastCaption: readonly string[];
  atEnd: readonly string[];
  talliesAtLastCaption: readonly Pick<Tally, 'key' | 'count'>[];
  talliesAtEnd: readonly Pick<Tally, 'key' | 'count'>[];
}

export interface Handout {
  /** The lesson, its words in the handout's language. */
  scenario: Scenario;
  /** The lesson's place in the list, from 1. */
  number: number;
  /** The answer's option, as the question offers it. */
  answer: string;
  /** The prediction's reveal: its metric in its lane at both moments, as the app writes it in
   * English and as values; `namesLane` when its (English) label names the lane already. */
  reveal: {
    label: string;
    lane: Lane;
    namesLane: boolean;
    metric: GoalMetric;
    atLastCaption: string;
    atEnd: string;
    values: { atLastCaption: number; atEnd: number };
  };
  lastCaption: HandoutMoment;
  end: HandoutMoment & { settled: boolean };
  lanes: readonly HandoutLane[];
  /** The captions that show, each at the moment the engine resolves for it. */
  captions: readonly { atMs: number; at: string; text: string }[];
  /** Captions of the lesson's own run that do not show (a lesson keeps none: a test holds it). */
  leftOut: readonly LeftOut[];
  discussion: readonly string[];
}

interface LaneRun {
  atLastCaption: Report;
  atEnd: Report;
  endMs: number;
  settled: boolean;
}

function runLane(scenario: Scenario, lane: Lane, lastCaptionMs: number): LaneRun {
  const recipe = scenarioRecipe(scenario);
  const sim = Simulation.fromRecipe(recipe, lane);
  sim.runUntil(lastCaptionMs);
  const atLastCaption = sim.report(scenario.id);
  const settled = sim.runToSettle(recipe.durationMs + HANDOUT_DRAIN_MS);
  return { atLastCaption, atEnd: sim.report(scenario.id), endMs: sim.now, settled };
}

/** A handout's words in a language: the lesson worded in it and a bound caption's words (the page
 * gives them from the catalogs, `localLesson` and `localCaption`; none is English, the lesson's
 * own). Passed in, so that this module and the scripts that print handouts need no catalog. */
export interface HandoutWords {
  lesson: Scenario;
  caption: (beat: Beat) => string;
}

/** The handout of `scenario`, its words those of `words`: the run and the captions' moments are
 * the English lesson's, bound once; only the words change with the language. */
export function handoutOf(scenario: Scenario, words?: HandoutWords): Handout {
  const script = resolveScript(scenario, scenarioRecipe(scenario));
  const local = words?.lesson ?? scenario;
  const captions = script.beats.map((b) => ({
    atMs: beatMs(b),
    at: formatTime(beatMs(b)),
    text: words ? words.caption(b) : b.caption,
  }));
  const lastCaptionMs = captions.at(-1)?.atMs ?? 0;
  const lanes = scenarioLanes(scenario);
  const runs = new Map(lanes.map((lane) => [lane, runLane(scenario, lane, lastCaptionMs)]));
  const { reveal: r, answer, options } = local.prediction;
  // The reveal's lane is always one the lesson shows; run it anyway if a lesson ever says not.
  const revealRun = runs.get(r.lane) ?? runLane(scenario, r.lane, lastCaptionMs);
  const endMs = Math.max(...[...runs.values()].map((run) => run.endMs));
  const settled = [...runs.values()].every((run) => run.settled);
  const named = scenario.tallies ?? [];
  return {
    scenario: local,
    number: lessonNumber(scenario.id),
    answer: options.find((o) => o.id === answer)?.label ?? answer,
    reveal: {
      label: r.label,
      lane: r.lane,
      namesLane: /\ba?sync\b/.test(scenario.prediction.reveal.label),
      metric: r.metric,
      atLastCaption: formatMetric(r.metric, readMetric(revealRun.atLastCaption, r.metric)),
      atEnd: formatMetric(r.metric, readMetric(revealRun.atEnd, r.metric)),
      values: {
        atLastCaption: readMetric(revealRun.atLastCaption, r.metric),
        atEnd: readMetric(revealRun.atEnd, r.metric),
      },
    },
    lastCaption: {
      label: `At the last caption (${formatTime(lastCaptionMs)})`,
      atMs: lastCaptionMs,
    },
    end: {
      label: settled
        ? `When the run has settled (${formatTime(endMs)})`
        : `At ${formatTime(endMs)}, still not settled`,
      atMs: endMs,
      settled,
    },
    lanes: lanes.map((lane) => {
      const run = runs.get(lane)!;
      const atLastCaption = talliesOf(run.atLastCaption, named);
      const atEnd = talliesOf(run.atEnd, named);
      const counts = (tallies: Tally[]) => tallies.map(({ key, count }) => ({ key, count }));
      return {
        lane,
        atLastCaption: atLastCaption.map((t) => t.text),
        atEnd: atEnd.map((t) => t.text),
        talliesAtLastCaption: counts(atLastCaption),
        talliesAtEnd: counts(atEnd),
      };
    }),
    captions,
    leftOut: script.leftOut,
    discussion: local.discussion ?? [],
  };
}
