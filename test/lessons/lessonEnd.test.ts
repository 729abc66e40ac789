// When a lesson ends (its last caption, or its run settled), what the reveal says about the
// student's answer, and which lesson comes next.
import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation } from '../../src/engine/index.ts';
import { lessonEnded } from '../../src/lessons/lessonEnd.ts';
import { FIRST_LESSON, lessonNumber, nextLesson } from '../../src/lessons/lessonOrder.ts';
import { createLessonProgress } from '../../src/lessons/progress.ts';
import { verdictOf, verdictSentence } from '../../src/lessons/verdict.ts';
import { beatMs } from '../../src/scenarios/beats.ts';
import { findScenario, readMetric } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { testSimulator } from '../support/simulator.ts';

const beats = [
  { atSec: 0, caption: 'first' },
  { atSec: 5, caption: 'second' },
  { atSec: 12.5, caption: 'last' },
];

describe('lessonEnded', () => {
  it('is false before the last caption and true from its moment on', () => {
    expect(lessonEnded(beats, 12_499, false)).toBe(false);
    expect(lessonEnded(beats, 12_500, false)).toBe(true);
    expect(lessonEnded(beats, 90_000, false)).toBe(true);
  });

  it('is true once the run has settled, even before the last caption', () => {
    expect(lessonEnded(beats, 3000, true)).toBe(true);
  });

  it('waits for the run to settle when there are no captions', () => {
    expect(lessonEnded([], 60_000, false)).toBe(false);
    expect(lessonEnded([], 60_000, true)).toBe(true);
  });
});

describe('a lesson’s progress at its end', () => {
  it('ends at the last caption and reveals the metric there, before the arrivals are over', () => {
    // traffic-spike's last caption (50 s) comes before its arrivals end (60 s) and before its
    // last goal may tick (60 s): the end of the lesson is what makes the reveal due.
    const t = testSimulator();
    t.store.getState().loadScenario('traffic-spike');
    const progress = createLessonProgress(t.simulator);
    const scenario = findScenario('traffic-spike')!;
    const beats = t.store.getState().beats;
    t.store.getState().jumpTo(beatMs(beats.at(-2)!));
    expect(progress.store.getState()).toMatchObject({ ended: false, revealReady: false });
    t.store.getState().jumpTo(beatMs(beats.at(-1)!));
    const { reveal } = scenario.prediction;
    const report = t.simulator.lane(reveal.lane).report('check');
    expect(progress.store.getState()).toMatchObject({
      ended: true,
      revealReady: true,
      revealValue: readMetric(report, reveal.metric),
    });
    expect(progress.store.getState().revealValue).toBeGreaterThan(0);
    t.store.getState().seek(beatMs(beats.at(-2)!));
    expect(progress.store.getState().ended).toBe(false);
    progress.dispose();
  });

  it('reads the captions from the store, so a run that settles before its last caption ends', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('checkout');
    // The store's captions for this run, moved past the moment the single order settles.
    t.store.setState({
      beats: [
        { atSec: 0, caption: 'a' },
        { atSec: 30, caption: 'b' },
      ],
    });
    const progress = createLessonProgress(t.simulator);
    t.store.getState().jumpTo(2000);
    expect(progress.store.getState().ended).toBe(false);
    t.store.getState().jumpTo(10_000);
    expect(t.simulator.lane('async').settled).toBe(true);
    expect(progress.store.getState().ended).toBe(true);
    progress.dispose();
  });
});

describe('the verdict', () => {
  const { prediction } = findScenario('checkout')!;
  const right = prediction.options.find((o) => o.id === prediction.answer)!;
  const wrong = prediction.options.find((o) => o.id !== prediction.answer)!;

  it('says right or not quite, with the answer', () => {
    expect(verdictOf(prediction, right.id, false)).toEqual({
      kind: 'right',
      yours: right.label,
      answer: right.label,
    });
    const v = verdictOf(prediction, wrong.id, false);
    expect(v).toEqual({ kind: 'wrong', yours: wrong.label, answer: right.label });
    expect(verdictSentence(v)).toBe(
      `Not quite. You said: ${wrong.label}. The answer: ${right.label}.`,
    );
  });

  it('tells skipping from never being asked, and takes an unknown option for no answer', () => {
    expect(verdictOf(prediction, undefined, true).kind).toBe('skipped');
    expect(verdictOf(prediction, undefined, false).kind).toBe('unanswered');
    expect(verdictOf(prediction, 'no-such-option', false).kind).toBe('unanswered');
  });
});

describe('the order of the lessons', () => {
  it('goes from each lesson to the one after it in the picker, and nowhere after the last', () => {
    for (const [i, s] of SCENARIOS.entries()) {
      expect(lessonNumber(s.id)).toBe(i + 1);
      expect(nextLesson(s.id)?.id).toBe(SCENARIOS[i + 1]?.id);
    }
    expect(nextLesson(SCENARIOS.at(-1)!.id)).toBeUndefined();
    expect(nextLesson('no-such-lesson')).toBeUndefined();
    expect(FIRST_LESSON.id).toBe(SCENARIOS[0]!.id);
  });
});

describe('a reveal metric over durations', () => {
  it('reads no number, not 0, when nothing was timed: an email never sent was not sent at once', () => {
    const sim = new Simulation({
      config: buildConfig({ 'email.failureRate': 1, 'queue.deadLetter': false }),
      mode: 'async',
      seed: 1,
      durationMs: 0,
    });
    sim.runUntil(5_000);
    const r = report(sim.state, 'reveal');
    expect(r.emails.sent).toBe(0);
    expect(readMetric(r, 'emailDelayMs.max')).toBeNaN();
    expect(readMetric(r, 'emailDelayMs.mean')).toBeNaN();
    // The page was shown, so its response time is a number.
    expect(readMetric(r, 'responseMs.max')).toBe(1050);
  });
});
