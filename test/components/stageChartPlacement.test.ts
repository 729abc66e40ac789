// Where the stage chart goes: beside or below the lanes, as large as the diagrams can spare while
// their tokens and text stay legible, and nowhere when they cannot spare enough. The stage's measures here are the ones the browser reports at each
// size (lane chrome: the customer's screen, the tally column and paddings).
import { describe, expect, it } from 'vitest';
import { detailFor } from '../../src/components/diagram/detail.ts';
import {
  chartPlacement,
  GAP_PX,
  CLOSEUP_MIN_PX,
  LANE_MIN_PX,
  legibleWidth,
  type StageMeasure,
} from '../../src/components/stageChart/placement.ts';

const RATIO = 900 / 280;

const laptop: StageMeasure = {
  frameW: 1252,
  frameH: 565,
  lanes: 2,
  chromeW: 390,
  chromeH: 14,
  closeup: false,
  tokenPx: 12,
  textPx: 12,
};

/** The diagrams' drawn width once the chart is placed, worked out from the layout alone. */
function diagramAfter(m: StageMeasure): number {
  const p = chartPlacement(m);
  const w = m.frameW - (p.kind === 'side' ? p.sizePx + GAP_PX : 0);
  const h = m.frameH - (p.kind === 'below' ? p.sizePx + GAP_PX : 0);
  const laneH = (h - GAP_PX * (m.lanes - 1)) / m.lanes;
  const fitH = laneH - m.chromeH - (m.closeup ? CLOSEUP_MIN_PX : 0);
  return Math.min(w - m.chromeW, fitH * RATIO);
}

function diagramWithout(m: StageMeasure): number {
  const laneH = (m.frameH - GAP_PX * (m.lanes - 1)) / m.lanes;
  return Math.min(
    m.frameW - m.chromeW,
    (laneH - m.chromeH - (m.closeup ? CLOSEUP_MIN_PX : 0)) * RATIO,
  );
}

describe('the stage chart’s place', () => {
  it('shows at 1280 x 800 and 1366 x 768, taking two diagrams from full detail to compact, legible', () => {
    const legible = legibleWidth(laptop.tokenPx, laptop.textPx);
    for (const m of [laptop, { ...laptop, frameW: 1338, frameH: 564 }]) {
      expect(detailFor(diagramWithout(m), 900)).toBe('full');
      expect(chartPlacement(m).kind).not.toBe('none');
      expect(detailFor(diagramAfter(m), 900)).toBe('compact');
      expect(diagramAfter(m)).toBeGreaterThanOrEqual(legible);
    }
  });

  it('is a row below two lanes at 1440 x 900, which keep full detail', () => {
    const m = { ...laptop, frameW: 1412, frameH: 665 };
    const p = chartPlacement(m);
    expect(p.kind).toBe('below');
    expect(p.kind === 'below' && p.sizePx).toBeGreaterThanOrEqual(70);
    expect(detailFor(diagramAfter(m), 900)).toBe('full');
  });

  it('is a row below one lane on a 1280 x 800 laptop, which keeps full detail', () => {
    const m = { ...laptop, lanes: 1 };
    const p = chartPlacement(m);
    expect(p.kind).toBe('below');
    expect(p.kind === 'below' && p.sizePx).toBeGreaterThanOrEqual(70);
    expect(detailFor(diagramAfter(m), 900)).toBe('full');
  });

  it('leaves the diagrams at least 16 px tokens and 14 px text when presenting at 1920 x 1080', () => {
    const m = { ...laptop, frameW: 1880, frameH: 820, chromeW: 480, tokenPx: 16, textPx: 14 };
    expect(chartPlacement(m).kind).not.toBe('none');
    expect(diagramAfter(m) * (13 / 900)).toBeGreaterThanOrEqual(14);
    expect(diagramAfter(m) * (15 / 900)).toBeGreaterThanOrEqual(16);
  });

  it('takes only the spare height of lanes whose diagrams were already narrower (side panel open)', () => {
    const m = { ...laptop, frameW: 912 };
    const p = chartPlacement(m);
    expect(p.kind).toBe('below');
    expect(diagramAfter(m)).toBeCloseTo(diagramWithout(m), 6);
    // Lower lanes would cut the customer's screen and its timeline link off.
    expect(chartPlacement({ ...m, frameH: 500 }).kind).toBe('none');
  });

  it('takes its row from an open close-up under one lane, keeping the diagram whole', () => {
    const m = { ...laptop, lanes: 1, closeup: true };
    const p = chartPlacement(m);
    expect(p.kind).toBe('below');
    if (p.kind !== 'below') return;
    expect(diagramAfter(m)).toBeCloseTo(diagramWithout(m), 6);
    // The diagram keeps the height of its width (862 px wide: 268 px, full detail).
    expect(p.diagramMinPx).toBe(Math.floor((laptop.frameW - laptop.chromeW) / RATIO));
  });

  it('is left out where the diagrams have nothing to spare, or the stage is not measured', () => {
    expect(chartPlacement({ ...laptop, frameH: 470 }).kind).toBe('none');
    expect(chartPlacement({ ...laptop, frameW: 0 }).kind).toBe('none');
    expect(chartPlacement({ ...laptop, frameH: Number.NaN }).kind).toBe('none');
  });

  it('never shrinks a diagram below legible, nor one already smaller, nor a lane below 222 px', () => {
    for (const lanes of [1, 2]) {
      for (const closeup of lanes === 1 ? [false, true] : [false]) {
        for (let frameW = 700; frameW <= 2600; frameW += 37) {
          for (let frameH = 380; frameH <= 1400; frameH += 29) {
            for (const [tokenPx, textPx] of [
              [12, 12],
              [16, 14],
            ] as const) {
              const m = { ...laptop, frameW, frameH, lanes, closeup, tokenPx, textPx };
              const p = chartPlacement(m);
              if (p.kind === 'none') continue;
              const before = diagramWithout(m);
              const floor = Math.min(before, legibleWidth(tokenPx, textPx));
              expect(diagramAfter(m), JSON.stringify(m)).toBeGreaterThanOrEqual(floor);
              expect(p.sizePx).toBeGreaterThanOrEqual(p.kind === 'side' ? 200 : 70);
              // A row below leaves every lane the height its customer's screen needs, so it pushes
              // nothing off screen nor out of a lane (a column beside them leaves their height).
              if (p.kind === 'below') {
                const rows = frameH - p.sizePx - GAP_PX;
                expect((rows - GAP_PX * (lanes - 1)) / lanes).toBeGreaterThanOrEqual(LANE_MIN_PX);
              }
            }
          }
        }
      }
    }
  });
});
