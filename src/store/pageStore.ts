/** The page's own state, kept apart from the simulation (and named apart from the engine's
 * `SystemView`, what a lane holds now): which order's waterfall is open, whether the
 * broker close-up is open, whether tokens glide or jump between places (reduced motion), the
 * theme and presentation mode, and the student's answers to the lessons' questions. */
import { createStore } from 'zustand/vanilla';
import type { Mode } from '../engine/index.ts';

export interface SelectedOrder {
  mode: Mode;
  order: number;
  /** Picked with the keyboard in the diagram: its timeline opens without taking the focus. */
  keepFocus?: boolean;
}

/** The colour themes, the one list: the picker offers them and a link's `theme` takes them. */
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export interface PageState {
  selected: SelectedOrder | null;
  select(selected: SelectedOrder | null): void;
  /** Tokens jump between places in discrete steps instead of gliding along the edges. */
  reducedMotion: boolean;
  setReducedMotion(reducedMotion: boolean): void;
  /** The colour theme, set on the simulator's root as `data-theme`. */
  theme: Theme;
  setTheme(theme: Theme): void;
  /** Presentation mode: larger type, no advanced controls, beats advanced by a clicker. */
  presenting: boolean;
  setPresenting(presenting: boolean): void;
  /** The side panel (controls, prediction, goals) beside the stage. */
  panelOpen: boolean;
  setPanelOpen(panelOpen: boolean): void;
  /** The option each scenario's prediction was locked in with, by scenario id. */
  predictions: Readonly<Record<string, string>>;
  lockPrediction(scenarioId: string, optionId: string): void;
  /** The scenarios whose prediction the student skipped, answering nothing. */
  skippedPredictions: Readonly<Record<string, true>>;
  skipPrediction(scenarioId: string): void;
  /** The student's picks in the "Sync or async?" exercise, by task id. */
  exercise: Readonly<Record<string, 'sync' | 'async'>>;
  pickExercise(taskId: string, choice: 'sync' | 'async'): void;
  /** The broker close-up under the async lane's diagram is open. */
  closeup: boolean;
  setCloseup(closeup: boolean): void;
  /** The lessons' dialog that is open, if any. */
  dialog: 'shortcuts' | 'exercise' | null;
  openDialog(dialog: 'shortcuts' | 'exercise' | null): void;
}

/** The narrowest window (CSS px) where the side panel starts open: the stage beside it still
 * draws both diagrams at full detail. */
export const PANEL_BESIDE_STAGE = 1600;

/** Windows where the side panel floats over the stage (stage.css): a design lesson does not open
 * it there by itself. */
export const PANEL_FLOATS_QUERY = '(min-width: 701px) and (max-width: 1099px)';

export interface PageOptions {
  /** Start in reduced motion (from `prefers-reduced-motion` or a URL parameter). */
  reducedMotion?: boolean;
  theme?: Theme;
  presenting?: boolean;
  panelOpen?: boolean;
}

export function createPageStore(options: PageOptions = {}) {
  return createStore<PageState>()((set) => ({
    selected: null,
    select: (selected) => set({ selected }),
    reducedMotion: options.reducedMotion ?? false,
    setReducedMotion: (reducedMotion) => set({ reducedMotion }),
    theme: options.theme ?? 'light',
    setTheme: (theme) => set({ theme }),
    presenting: options.presenting ?? false,
    setPresenting: (presenting) => set({ presenting }),
    panelOpen: options.panelOpen ?? true,
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    predictions: {},
    lockPrediction: (scenarioId, optionId) =>
      set((s) => ({ predictions: { ...s.predictions, [scenarioId]: optionId } })),
    skippedPredictions: {},
    skipPrediction: (scenarioId) =>
      set((s) => ({ skippedPredictions: { ...s.skippedPredictions, [scenarioId]: true } })),
    closeup: false,
    setCloseup: (closeup) => set({ closeup }),
    dialog: null,
    openDialog: (dialog) => set({ dialog }),
    exercise: {},
    pickExercise: (taskId, choice) =>
      set((s) => ({ exercise: { ...s.exercise, [taskId]: choice } })),
  }));
}

export type PageStore = ReturnType<typeof createPageStore>;
