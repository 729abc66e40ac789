// Captions that point: every caption that names an order carries that order as data, and the
// order a lesson points at follows its captions.
import { describe, expect, it } from 'vitest';
import { focusOrderAt } from '../../src/scenarios/beats.ts';
import { Simulation, type LogEntry } from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';

describe('focusOrder', () => {
  it('is set on every caption that names an order, to that order', () => {
    for (const scenario of SCENARIOS) {
      for (const beat of scenario.beats) {
        const named = /\b[Oo]rder (\d+)/.exec(beat.caption);
        expect(beat.focusOrder, `${scenario.id} at ${beat.atSec} s`).toBe(
          named ? Number(named[1]) : undefined,
        );
      }
    }
  });

  it('follows the caption showing at a moment', () => {
    const beats = findScenario('slow-email')!.beats;
    const six = beats.find((b) => b.focusOrder === 6)!;
    expect(focusOrderAt(beats, six.atSec * 1000 - 1)).toBe(0);
    expect(focusOrderAt(beats, six.atSec * 1000)).toBe(6);
    expect(focusOrderAt(beats, 0)).toBe(0);
  });
});

describe('captions', () => {
  it('are short enough to show whole in two lines of a 640x360 embed', () => {
    for (const scenario of SCENARIOS) {
      for (const beat of scenario.beats) {
        expect(beat.caption.length, `${scenario.id} at ${beat.atSec} s`).toBeLessThanOrEqual(160);
      }
    }
  });
});

describe('the order a caption points at', () => {
  /** Both lanes' log entries of the lesson's run until `untilMs`. */
  function story(id: string, untilMs: number) {
    const recipe = scenarioRecipe(findScenario(id)!);
    const lanes = {} as Record<'sync' | 'async', LogEntry[]>;
    for (const mode of ['sync', 'async'] as const) {
      const sim = Simulation.fromRecipe(recipe, mode, { logCapacity: 1_000_000 });
      sim.runUntil(untilMs);
      lanes[mode] = sim.readLog(0).entries;
    }
    return lanes;
  }
  const about = (entries: LogEntry[], order: number) =>
    entries.filter((e) => 'order' in e && e.order === order);
  const pageOf = (entries: LogEntry[], order: number) =>
    about(entries, order).find((e) => e.kind === 'pageShown') as
      Extract<LogEntry, { kind: 'pageShown' }> | undefined;

  it('double-charge, order 9: an error page in sync before 8 s, a second click and a second charge; success in async', () => {
    const { sync, async } = story('double-charge', 60_000);
    const page = pageOf(sync, 9)!;
    expect([page.page, page.t < 8000]).toEqual(['error', true]);
    expect(sync.some((e) => e.kind === 'userRetry' && e.customer === 9)).toBe(true);
    expect(sync.some((e) => e.kind === 'doubleCharge' && e.customer === 9)).toBe(true);
    expect(pageOf(async, 9)!.page).toBe('success');
  });

  it('email-outage, order 47: paid and shown an error page in sync before 30 s; success in async, its email sent after the outage', () => {
    const { sync, async } = story('email-outage', 120_000);
    const page = pageOf(sync, 47)!;
    expect([page.page, page.reason, page.t < 30_000]).toEqual(['error', 'email failed', true]);
    expect(pageOf(async, 47)!.page).toBe('success');
    const sent = about(async, 47).find((e) => e.kind === 'emailSent')!;
    expect(sent.t).toBeGreaterThan(50_000);
    const failures = about(async, 47).filter((e) => e.kind === 'emailFailed');
    expect(failures.length).toBeGreaterThan(1);
  });

  it('poison-message, order 10: received again and again by 14 s, dead-lettered after five receives before 25 s', () => {
    const { async } = story('poison-message', 25_000);
    const receives = about(async, 10).filter(
      (e): e is Extract<LogEntry, { kind: 'messageReceived' }> => e.kind === 'messageReceived',
    );
    expect(receives.filter((e) => e.t <= 14_000).length).toBeGreaterThanOrEqual(3);
    expect(receives.map((e) => e.receive)).toEqual([1, 2, 3, 4, 5]);
    const dead = about(async, 10).find((e) => e.kind === 'deadLettered')!;
    expect(dead.t).toBeGreaterThan(14_000);
    expect(dead.t).toBeLessThan(25_000);
    expect(about(async, 10).some((e) => e.kind === 'emailSent')).toBe(false);
  });

  it('worker-crash, order 13: its worker crashed just after sending, and another worker sent it again before 40 s', () => {
    const { async } = story('worker-crash', 40_000);
    const crash = about(async, 13).find((e) => e.kind === 'workerCrashed')!;
    expect(crash.kind === 'workerCrashed' && crash.afterSend).toBe(true);
    const sends = about(async, 13).filter(
      (e): e is Extract<LogEntry, { kind: 'emailSent' }> => e.kind === 'emailSent',
    );
    expect(sends.map((e) => e.duplicate)).toEqual([false, true]);
    expect(sends[1]!.t).toBeLessThan(40_000);
  });
});
