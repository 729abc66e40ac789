/** Thin React bindings over the vanilla stores: the context that carries them and small domain
 * hooks built on the named selectors. */
import { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Mode, SettingKey } from '../../engine/index.ts';
import {
  selectAnalysisVersion,
  selectErrors,
  selectGeneration,
  selectLane,
  selectSelectedOrder,
  selectValues,
} from './selectors.ts';
import type { LaneReader } from '../lanes/laneReader.ts';
import type { Simulator, SimulatorStore } from '../simulatorStore.ts';
import type { LaneSnapshot } from '../publish/snapshot.ts';
import type { PageState, PageStore } from '../pageStore.ts';

export interface SimulatorHandles {
  simulator: Simulator;
  page: PageStore;
}

export const SimulatorContext = createContext<SimulatorHandles | null>(null);

export function useHandles(): SimulatorHandles {
  const handles = useContext(SimulatorContext);
  if (!handles) throw new Error('useHandles needs a <SimulatorProvider> above it');
  return handles;
}

export function useSimulator(): Simulator {
  return useHandles().simulator;
}

export function useSim<T>(selector: (s: SimulatorStore) => T): T {
  return useStore(useHandles().simulator.store, selector);
}

export function usePageState<T>(selector: (s: PageState) => T): T {
  return useStore(useHandles().page, selector);
}

/** The store's actions (stable functions; reading them never subscribes). */
export function useActions(): SimulatorStore {
  return useHandles().simulator.store.getState();
}

/** Picks fields of a lane's snapshot; the component re-renders only when one of them changes. */
export function useLane<T extends object>(mode: Mode, pick: (lane: LaneSnapshot) => T): T {
  const select = selectLane(mode);
  return useSim(useShallow((s: SimulatorStore) => pick(select(s))));
}

/** The lanes' readers as of the store's latest analysis (a few times a second while playing, at
 * once after a jump or a rebuild): a new object each time, so a memo that depends on it reads
 * the lanes again exactly then, and one that does not, never. */
export interface LaneReads {
  readonly version: number;
  readonly generation: number;
  lane(mode: Mode): LaneReader;
}

export function useLaneReads(): LaneReads {
  const simulator = useSimulator();
  const version = useSim(selectAnalysisVersion);
  const generation = useSim(selectGeneration);
  return useMemo(
    () => ({ version, generation, lane: (mode: Mode) => simulator.lane(mode) }),
    [simulator, version, generation],
  );
}

export function useSetting(key: SettingKey): { value: string; error: string | undefined } {
  const value = useSim(selectValues)[key] ?? '';
  const error = useSim(selectErrors)[key];
  return { value, error };
}

export function useSelectedOrder() {
  return usePageState(selectSelectedOrder);
}

/** Calls `draw` after every frame and every jump, outside React rendering; `thinned`
 * for a page element (text, a slider, an SVG line), which while frames run late follows the
 * moment's publishes only (Simulator.onFrame). */
export function useFrame(draw: () => void, thinned = false): void {
  const simulator = useSimulator();
  const latest = useRef(draw);
  useEffect(() => {
    latest.current = draw;
  });
  useEffect(() => {
    const run = () => latest.current();
    run();
    return simulator.onFrame(run, thinned);
  }, [simulator, thinned]);
}
