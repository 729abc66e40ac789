/** View-only state, kept apart from the simulation: which order's waterfall is open. */
import { createStore } from 'zustand/vanilla';
import type { Mode } from '../engine/index.ts';

export interface SelectedOrder {
  mode: Mode;
  order: number;
}

export interface ViewState {
  selected: SelectedOrder | null;
  select(selected: SelectedOrder | null): void;
}

export function createViewStore() {
  return createStore<ViewState>()((set) => ({
    selected: null,
    select: (selected) => set({ selected }),
  }));
}

export type ViewStore = ReturnType<typeof createViewStore>;
