import { describe, expect, it } from 'vitest';
import {
  beatIndexAt,
  beatMs,
  nextPauseAfter,
  pauseMoments,
  previousBeatMs,
} from '../../src/scenarios/beats.ts';
import { goToBeat } from '../../src/lessons/navigate.ts';
import { createLessonProgress } from '../../src/lessons/progress.ts';
import { readFileSync } from 'node:fs';
import type { AnySettingKey } from '../../src/engine/index.ts';
import { findScenario, type Goal } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { testSimulator } from '../support/simulator.ts';

const checkout = findScenario('checkout')!;

function checkoutSimulator() {
  const t = testSimulator();
  t.store.getState().loadScenario('checkout');
  return t;
}

describe('beats as moments', () => {
  it('puts 2.55 s at exactly 2550 ms, as the engine schedules it', () => {
    expect(checkout.beats.map(beatMs)).toEqual([0, 1000, 1050, 2550]);
    expect(pauseMoments(checkout.beats)).toEqual([1050, 2550]);
  });

  it('shows the latest beat at or before the moment', () => {
    expect(beatIndexAt(checkout.beats, 999)).toBe(0);
    expect(beatIndexAt(checkout.beats, 1050)).toBe(2);
    expect(beatIndexAt(checkout.beats, 60_000)).toBe(3);
  });

  it('pauses only at moments strictly ahead, so playing on from a beat does not stop again', () => {
    expect(nextPauseAfter([1050, 2550], 1050)).toBe(2550);
    expect(nextPauseAfter([1050, 2550], 3000)).toBe(Infinity);
  });

  it('goes back to the caption before the one showing', () => {
    expect(previousBeatMs(checkout.beats, 2000)).toBe(1000);
    expect(previousBeatMs(checkout.beats, 500)).toBe(0);
  });
});

describe('when playback crosses a beat that pauses', () => {
  it('stops exactly at the beat’s moment', () => {
    const { store, clock } = checkoutSimulator();
    store.getState().play();
    clock.advance(3000);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().simMs).toBe(1050);
  });

  it('plays on from there to the next pausing beat', () => {
    const { store, clock } = checkoutSimulator();
    store.getState().play();
    clock.advance(3000);
    store.getState().play();
    clock.advance(3000);
    expect(store.getState().simMs).toBe(2550);
    expect(store.getState().playing).toBe(false);
  });

  it('does not stop a seek or a step that passes a beat', () => {
    const { store } = checkoutSimulator();
    store.setState({ furthestMs: 2000 });
    store.getState().seek(2000);
    expect(store.getState().simMs).toBe(2000);
    for (let i = 0; i < 10; i++) store.getState().stepEvent();
    expect(store.getState().simMs).toBe(2550);
  });

  it('after a seek past a beat, stops at the next one ahead, not the one passed', () => {
    const { store, clock } = checkoutSimulator();
    store.setState({ furthestMs: 2000 });
    store.getState().seek(2000);
    store.getState().play();
    clock.advance(3000);
    expect(store.getState().simMs).toBe(2550);
  });

  it('pauses again after a seek back before the beat', () => {
    const { store, clock } = checkoutSimulator();
    store.getState().play();
    clock.advance(3000);
    store.getState().play();
    clock.advance(3000);
    store.getState().seek(500);
    store.getState().play();
    clock.advance(3000);
    expect(store.getState().simMs).toBe(1050);
  });

  it('never pauses in free play', () => {
    const { store, clock } = testSimulator();
    store.getState().play();
    clock.advance(1500);
    expect(store.getState().playing).toBe(true);
  });
});

describe('moving between beats like a presenter', () => {
  it('seeks to the next caption, even past the furthest moment played, and back', () => {
    const t = checkoutSimulator();
    expect(goToBeat(t.simulator, 1)).toBe(true);
    expect(t.store.getState().simMs).toBe(1000);
    expect(goToBeat(t.simulator, 1)).toBe(true);
    expect(goToBeat(t.simulator, 1)).toBe(true);
    expect(t.store.getState().simMs).toBe(2550);
    expect(goToBeat(t.simulator, 1)).toBe(false);
    expect(goToBeat(t.simulator, -1)).toBe(true);
    expect(t.store.getState().simMs).toBe(1050);
    expect(t.store.getState().playing).toBe(false);
  });
});

describe('the goals of a lesson', () => {
  it('tick themselves at the moment they are met', () => {
    const t = checkoutSimulator();
    const progress = createLessonProgress(t.simulator);
    expect(progress.store.getState().goalTimes).toEqual({});
    t.store.getState().play();
    t.clock.advance(3000);
    expect(progress.store.getState().goalTimes).toEqual({ 'async-page': 1050 });
    t.store.getState().play();
    t.clock.advance(3000);
    expect(progress.store.getState().goalTimes).toEqual({
      'async-page': 1050,
      'sync-page': 2550,
      emails: 2550,
    });
    expect(progress.store.getState().revealReady).toBe(true);
    expect(progress.store.getState().revealValue).toBe(2550);
    progress.dispose();
  });

  it('forget the goals met after the moment a seek goes back to', () => {
    const t = checkoutSimulator();
    const progress = createLessonProgress(t.simulator);
    t.store.setState({ furthestMs: 3000 });
    t.store.getState().seek(3000);
    expect(Object.keys(progress.store.getState().goalTimes)).toHaveLength(3);
    t.store.getState().seek(2000);
    expect(progress.store.getState().goalTimes).toEqual({ 'async-page': expect.any(Number) });
    expect(progress.store.getState().revealReady).toBe(false);
    progress.dispose();
  });

  it('start afresh with another scenario, and are empty in free play', () => {
    const t = checkoutSimulator();
    const progress = createLessonProgress(t.simulator);
    t.store.getState().play();
    t.clock.advance(3000);
    t.store.getState().loadScenario('email-outage');
    expect(progress.store.getState()).toMatchObject({ scenarioId: 'email-outage', goalTimes: {} });
    t.store.getState().restoreDefaults();
    expect(progress.store.getState().scenarioId).toBeNull();
    progress.dispose();
  });
});

describe('goals reached by a jump (a link with t=, a click far along the timeline)', () => {
  it('keep the moments they were met, not the moment of the jump', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('slow-email');
    const progress = createLessonProgress(t.simulator);
    t.store.getState().jumpTo(16_500);
    expect(progress.store.getState().goalTimes).toEqual({ expired: 13_050, duplicate: 16_100 });
    progress.dispose();
  });

  it('keep what an earlier design met in a lesson that asks for designs, and only there', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('design-it');
    const progress = createLessonProgress(t.simulator);
    t.store.getState().jumpTo(30_000);
    expect(progress.store.getState().goalTimes['taken-back']).toBeGreaterThan(0);
    // The student puts the charge back in the request: a new run from 0 s, in which no order
    // can be confirmed, then failed.
    expect(t.store.getState().change('steps.charge.where', 'request')).toBeUndefined();
    progress.update();
    expect(progress.store.getState().goalTimes).toEqual({});
    expect(progress.store.getState().earlierGoals).toEqual(['taken-back']);
    t.store.getState().jumpTo(30_000);
    const now = progress.store.getState();
    expect(now.goalTimes.design).toBeGreaterThan(0);
    expect(now.goalTimes['taken-back']).toBeUndefined();
    expect(now.earlierGoals).toEqual(['taken-back']);
    // Another lesson starts with none.
    t.store.getState().loadScenario('checkout');
    progress.update();
    expect(progress.store.getState().earlierGoals).toEqual([]);
    progress.dispose();
  });

  it('forget a goal on a restart in a lesson that asks for no design', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('slow-email');
    const progress = createLessonProgress(t.simulator);
    t.store.getState().jumpTo(16_500);
    expect(Object.keys(progress.store.getState().goalTimes)).toEqual(['expired', 'duplicate']);
    t.store.getState().reset();
    progress.update();
    expect(progress.store.getState().goalTimes).toEqual({});
    expect(progress.store.getState().earlierGoals).toEqual([]);
    progress.dispose();
  });

  it.each(SCENARIOS.map((s) => s.id))(
    '%s: ticks every goal at the moment its golden timeline records',
    (id) => {
      const golden = JSON.parse(
        readFileSync(new URL(`../scenarios/golden/${id}.timeline.json`, import.meta.url), 'utf8'),
      ) as { goals: { id: string; atMs: number }[] };
      const scenario = findScenario(id)!;
      // A goal that asks for the student's design ticks once the page runs that design.
      const designs = new Map<string, NonNullable<Goal['design']>>();
      for (const g of scenario.goals) designs.set(JSON.stringify(g.design ?? {}), g.design ?? {});
      for (const [key, design] of designs) {
        const t = testSimulator();
        t.store.getState().loadScenario(id);
        for (const [k, v] of Object.entries(design)) {
          expect(t.store.getState().change(k as AnySettingKey, String(v))).toBeUndefined();
        }
        const progress = createLessonProgress(t.simulator);
        const mine = new Set(
          scenario.goals.filter((g) => JSON.stringify(g.design ?? {}) === key).map((g) => g.id),
        );
        const goals = golden.goals.filter((g) => mine.has(g.id));
        // A jump goes at most to the end of the arrivals; goals met while the run drains after
        // that are reached by playing on.
        const targetMs = Math.min(
          Math.max(...goals.map((g) => g.atMs)),
          scenario.durationSec * 1000,
        );
        t.store.getState().jumpTo(targetMs);
        const expected = goals.filter((g) => g.atMs <= targetMs);
        expect(expected.length).toBeGreaterThan(0);
        const ticked = Object.entries(progress.store.getState().goalTimes);
        expect(Object.fromEntries(ticked.filter(([g]) => mine.has(g)))).toEqual(
          Object.fromEntries(expected.map((g) => [g.id, g.atMs])),
        );
        progress.dispose();
      }
    },
  );
});
