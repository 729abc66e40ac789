// Where the stage chart goes: beside or below the lanes, as large as the diagrams can spare while
// their tokens and text stay legible, and nowhere when they cannot spare enough. The stage's
// measures here are the ones the browser reports at each size (lane chrome: the customer's screen,
// the tally column and paddings).
import { describe, expect, it } from 'vitest';
import {
  chartPlacement,
  GAP_PX,
  CLOSEUP_MIN_PX,
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
  it('is a row below two lanes on a 1280 x 800 laptop, whose lanes are bound by their height', () => {
    const p = chartPlacement(laptop);
    expect(p.kind).toBe('below');
    expect(p.kind === 'below' && p.sizePx).toBeGreaterThanOrEqual(70);
    // Tokens of 12 px: 15 diagram units drawn at 12 px or more.
    expect(diagramAfter(laptop)).toBeGreaterThanOrEqual(720);
  });

  it('is a column beside them at 1366 x 768, where the lanes have width to spare', () => {
    const m = { ...laptop, frameW: 1338, frameH: 533 };
    const p = chartPlacement(m);
    expect(p).toMatchObject({ kind: 'side' });
    expect(p.kind === 'side' && p.sizePx).toBeGreaterThanOrEqual(200);
    expect(diagramAfter(m)).toBeGreaterThanOrEqual(720);
  });

  it('leaves the diagrams at least 16 px tokens and 14 px text when presenting at 1920 x 1080', () => {
    const m = { ...laptop, frameW: 1880, frameH: 820, chromeW: 480, tokenPx: 16, textPx: 14 };
    expect(chartPlacement(m).kind).not.toBe('none');
    expect(diagramAfter(m) * (13 / 900)).toBeGreaterThanOrEqual(14);
    expect(diagramAfter(m) * (15 / 900)).toBeGreaterThanOrEqual(16);
  });

  it('takes only the spare height of lanes whose diagrams were already narrower (side panel open)', () => {
    const m = { ...laptop, frameW: 912, frameH: 500 };
    const p = chartPlacement(m);
    expect(p).toMatchObject({ kind: 'below', lowLanes: true });
    expect(diagramAfter(m)).toBeCloseTo(diagramWithout(m), 6);
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

  it('never shrinks a diagram below legible, nor one already smaller, nor a lane below 190 px', () => {
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
              const floor = Math.min(diagramWithout(m), legibleWidth(tokenPx, textPx));
              expect(diagramAfter(m), JSON.stringify(m)).toBeGreaterThanOrEqual(floor);
              expect(p.sizePx).toBeGreaterThanOrEqual(p.kind === 'side' ? 200 : 70);
              // A row below leaves no lane lower than the stage's minimum, so it pushes nothing off
              // screen (a column beside them leaves their height alone).
              if (p.kind === 'below') {
                const rows = frameH - p.sizePx - GAP_PX;
                expect((rows - GAP_PX * (lanes - 1)) / lanes).toBeGreaterThanOrEqual(190);
              }
            }
          }
        }
      }
    }
  });
});
