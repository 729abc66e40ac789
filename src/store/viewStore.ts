/** View-only state, kept apart from the simulation: which order's waterfall is open, and whether
 * tokens glide or jump between places (reduced motion). */
import { createStore } from 'zustand/vanilla';
import type { Mode } from '../engine/index.ts';

export interface SelectedOrder {
  mode: Mode;
  order: number;
}

export interface ViewState {
  selected: SelectedOrder | null;
  select(selected: SelectedOrder | null): void;
  /** Tokens jump between places in discrete steps instead of gliding along the edges. */
  reducedMotion: boolean;
  setReducedMotion(reducedMotion: boolean): void;
}

export interface ViewOptions {
  /** Start in reduced motion (from `prefers-reduced-motion` or a URL parameter). */
  reducedMotion?: boolean;
}

export function createViewStore(options: ViewOptions = {}) {
  return createStore<ViewState>()((set) => ({
    selected: null,
    select: (selected) => set({ selected }),
    reducedMotion: options.reducedMotion ?? false,
    setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  }));
}

export type ViewStore = ReturnType<typeof createViewStore>;
