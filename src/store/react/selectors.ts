/** Named selectors over the simulator store, so components subscribe to exactly what they show. */
import type { Mode } from '../../engine/index.ts';
import type { LaneSnapshot } from '../publish/snapshot.ts';
import type { SimulatorStore } from '../simulatorStore.ts';
import type { PageState } from '../pageStore.ts';

type S = SimulatorStore;

export const selectPlaying = (s: S) => s.playing;
export const selectSpeed = (s: S) => s.speed;
export const selectAtMaxSpeed = (s: S) => s.atMaxSpeed;
export const selectLanesShown = (s: S) => s.lanesShown;
export const selectValues = (s: S) => s.values;
export const selectErrors = (s: S) => s.errors;
export const selectAnalysisVersion = (s: S) => s.analysisVersion;
export const selectGeneration = (s: S) => s.generation;
export const selectChangeCount = (s: S) => s.changes.length;
export const selectJump = (s: S) => s.jump;

const laneSelectors: Record<Mode, (s: S) => LaneSnapshot> = {
  sync: (s) => s.lanes.sync,
  async: (s) => s.lanes.async,
};
export const selectLane = (mode: Mode) => laneSelectors[mode];

/** The lanes on screen, in order. */
export function shownModes(lanesShown: S['lanesShown']): readonly Mode[] {
  return lanesShown === 'compare' ? ['sync', 'async'] : [lanesShown];
}

export const selectSelectedOrder = (s: PageState) => s.selected;
export const selectSelect = (s: PageState) => s.select;
export const selectReducedMotion = (s: PageState) => s.reducedMotion;

/** The lesson's captions that changed settings left out (empty for the lesson's own run). */
export const selectLeftOut = (s: S) => s.captionsLeftOut;
