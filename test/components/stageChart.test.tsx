// @vitest-environment jsdom
// The stage chart of the lessons about things piling up: its series at a moment end on the
// engine's own counts at that moment (the lane's tally, the queue's depth), and still do after
// seeking back and forth, since they come from the lanes' collectors, which a seek restores.
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mode } from '../../src/engine/index.ts';
import { findScenario } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { beatMs } from '../../src/scenarios/beats.ts';
import {
  envelope,
  stageChartModel,
  type ChartSeries,
  type StageChartData,
} from '../../src/components/stageChart/stageChartModel.ts';
import { renderApp } from '../support/renderApp.tsx';
import { testSimulator } from '../support/simulator.ts';
import { english } from '../support/translate.ts';

type T = ReturnType<typeof testSimulator>;

afterEach(cleanup);

/** Goes to `ms` as a link or a click on the timeline does, to the end of a sliced jump. */
function goTo(t: T, ms: number): void {
  const state = t.store.getState();
  if (ms <= state.furthestMs) state.seek(ms);
  else expect(state.jumpTo(ms)).toBeUndefined();
  for (let i = 0; i < 200 && t.store.getState().jump !== null; i++) t.clock.advance(16);
  expect(t.store.getState().simMs).toBe(ms);
}

function chartOf(t: T, asking = false): StageChartData {
  const s = t.store.getState();
  const scenario = findScenario(s.scenarioId!)!;
  const modes: Mode[] = s.lanesShown === 'compare' ? ['sync', 'async'] : [s.lanesShown];
  return stageChartModel({
    chart: scenario.chart!,
    lanes: modes.map((mode) => ({ mode, analysis: t.simulator.lane(mode).analysis() })),
    durationMs: s.durationMs,
    lastBeatMs: beatMs(s.beats[s.beats.length - 1]!),
    asking,
    t: english,
  });
}

function series(data: StageChartData, id: ChartSeries['id']): ChartSeries {
  const found = data.series.find((s) => s.id === id);
  expect(found, id).toBeDefined();
  return found!;
}

/** The chart's values now against the engine's: each lane's report and the async queue. */
function expectEngineCounts(t: T, data: StageChartData): void {
  const nowMs = t.store.getState().simMs;
  const scenario = findScenario(t.store.getState().scenarioId!)!;
  expect(data.nowMs).toBe(nowMs);
  for (const mode of ['sync', 'async'] as const) {
    const r = t.simulator.lane(mode).report('live');
    const expected = {
      errorPages: r.orders.failed,
      timedOut: r.orders.timedOut,
      chargedButSawError: r.orders.chargedButSawError,
      savedNeverEnqueued: r.orders.savedNeverEnqueued,
    }[scenario.chart!.tally!];
    const line = series(data, mode === 'sync' ? 'tally-sync' : 'tally-async');
    expect(line.points.at(-1), `${mode} tally`).toEqual({ tMs: nowMs, value: expected });
    expect(line.value).toBe(expected);
  }
  const queue = series(data, 'queue');
  const ready = t.simulator.view('async').visible.length;
  expect(queue.points.at(-1)).toEqual({ tMs: nowMs, value: ready });
  expect(t.store.getState().lanes.async.queueDepth).toBe(ready);
  // No point lies past the moment shown: nothing of a later moment survives a seek back.
  for (const s of data.series) expect(s.points.every((p) => p.tMs <= nowMs)).toBe(true);
}

describe('the stage chart’s series', () => {
  it('is data on the four lessons about piling up and the dual write, and on no other', () => {
    const charted = SCENARIOS.filter((s) => s.chart).map((s) => s.id);
    expect(charted.sort()).toEqual(
      ['dual-write', 'email-outage', 'flaky-email', 'too-few-workers', 'traffic-spike'].sort(),
    );
  });

  it('ends on the engine’s counts at 35 s of the traffic spike, and again after seeks', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('traffic-spike');
    goTo(t, 35_000);
    const at35 = chartOf(t);
    expectEngineCounts(t, at35);
    // The lesson's numbers: customers gave up in sync, none in async, and jobs waited.
    expect(series(at35, 'tally-sync').value).toBeGreaterThan(50);
    expect(series(at35, 'tally-async').value).toBe(0);
    expect(series(at35, 'queue').value).toBeGreaterThan(100);

    goTo(t, 20_000);
    const back = chartOf(t);
    expectEngineCounts(t, back);
    // Back at 20 s the chart is the one a fresh run that went straight to 20 s draws.
    const fresh = testSimulator();
    fresh.store.getState().loadScenario('traffic-spike');
    goTo(fresh, 20_000);
    expect(back).toEqual(chartOf(fresh));

    goTo(t, 35_000);
    expect(chartOf(t)).toEqual(at35);
    goTo(t, 50_000);
    expectEngineCounts(t, chartOf(t));
    // Between two samples of the series (100 ms apart at first, then wider), the line still ends
    // on the count now, not on the last sample's.
    for (const ms of [33_337, 27_051, 41_999]) {
      goTo(t, ms);
      expectEngineCounts(t, chartOf(t));
    }
  });

  it.each(['flaky-email', 'email-outage'])(
    '%s: ends on the engine’s counts at its captions’ moments, played or jumped to',
    (id) => {
      const t = testSimulator();
      t.store.getState().loadScenario(id);
      const moments = t.store.getState().beats.map(beatMs);
      for (const ms of [...moments, ...moments.slice().reverse()]) {
        goTo(t, ms);
        expectEngineCounts(t, chartOf(t));
      }
    },
  );

  it('hides a lane’s tally at 0 while the lesson’s question is open, since it would answer it', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('traffic-spike');
    goTo(t, 35_000);
    const ids = chartOf(t, true).series.map((s) => s.id);
    expect(ids).toEqual(['queue', 'tally-sync']);
  });

  it('dual write: the saved, never emailed line climbs until the outbox at 30 s, then stays', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('dual-write');
    goTo(t, 60_000);
    const data = chartOf(t);
    expect(data.series.map((s) => s.id)).toEqual(['tally-async']);
    const line = series(data, 'tally-async');
    const r = t.simulator.lane('async').report('live');
    expect(line.points.at(-1)).toEqual({ tMs: 60_000, value: r.orders.savedNeverEnqueued });
    expect(line.label).toBe(`Async: ${r.orders.savedNeverEnqueued} saved, never emailed`);
    const at = (ms: number) => line.points.filter((p) => p.tMs <= ms).at(-1)!.value;
    expect(at(10_000)).toBeGreaterThan(0);
    expect(at(10_000)).toBeLessThan(at(30_000));
    expect(at(30_000)).toBe(r.orders.savedNeverEnqueued);
    // Crashes went on after 30 s, with their jobs in the outbox.
    expect(r.server.crashes).toBeGreaterThan(r.orders.savedNeverEnqueued);
  });

  it('draws only the queue in a single async lane (too few workers)', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('too-few-workers');
    goTo(t, 40_000);
    const data = chartOf(t);
    expect(data.series.map((s) => s.id)).toEqual(['queue']);
    expect(series(data, 'queue').value).toBe(t.simulator.view('async').visible.length);
    expect(data.endMs).toBe(120_000);
  });
});

describe('thinning a series for drawing', () => {
  const points = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ tMs: i * 100, value: i % 3 }));

  it('keeps each bin’s highest value and the last point as it is', () => {
    const thin = envelope(points, 1000, 2);
    expect(thin).toEqual([
      { tMs: 400, value: 2 },
      { tMs: 800, value: 2 },
      { tMs: 900, value: 0 },
    ]);
  });

  it('leaves a short series alone', () => {
    expect(envelope(points, 1000, 20)).toBe(points);
  });
});

describe('the stage chart on the page', () => {
  it('says its values now in its text alternative, which follow a seek back', () => {
    const t = renderApp();
    act(() => {
      t.store.getState().loadScenario('email-outage');
      goTo(t, 45_000);
    });
    const figure = screen.getByRole('figure', { name: 'Over time' });
    const chargedAt = (ms: number) => {
      const r = t.simulator.lane('sync').report('live');
      expect(t.store.getState().simMs).toBe(ms);
      return r.orders.chargedButSawError;
    };
    const at45 = chargedAt(45_000);
    expect(at45).toBeGreaterThan(0);
    const img = within(figure).getByRole('img');
    expect(img).toHaveAccessibleName(
      new RegExp(`^At 45\\.0 s: Sync: ${at45} charged, shown an error; Async queue: `),
    );
    expect(within(figure).getByText(`Sync: ${at45} charged, shown an error`)).toBeInTheDocument();
    expect(within(figure).getByText('Dashed lines 1–5: the captions')).toBeInTheDocument();

    act(() => goTo(t, 25_000));
    const at25 = chargedAt(25_000);
    expect(at25).toBeLessThan(at45);
    expect(within(figure).getByRole('img')).toHaveAccessibleName(
      new RegExp(`^At 25\\.0 s: Sync: ${at25} charged, shown an error;`),
    );
  });

  it('follows the lanes shown: the sync lane alone keeps its tally, and a queue-only chart goes', () => {
    const t = renderApp();
    act(() => {
      t.store.getState().loadScenario('traffic-spike');
      goTo(t, 40_000);
      t.store.getState().setLanesShown('sync');
    });
    const legend = within(screen.getByTestId('stage-chart')).getAllByRole('listitem');
    expect(legend.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Sync: \d+ customers gave up waiting$/),
      'Dashed lines 1–5: the captions',
    ]);
    act(() => {
      t.store.getState().loadScenario('too-few-workers');
      t.store.getState().setLanesShown('sync');
    });
    expect(screen.queryByTestId('stage-chart')).not.toBeInTheDocument();
  });

  it('is not on the stage of a lesson without one, nor in free play', () => {
    const t = renderApp();
    expect(screen.queryByTestId('stage-chart')).not.toBeInTheDocument();
    act(() => {
      t.store.getState().loadScenario('checkout');
    });
    expect(screen.queryByTestId('stage-chart')).not.toBeInTheDocument();
  });
});
