/** Named selectors for the lessons: view-only state (theme, presentation, answers) and progress. */
import type { ViewState } from '../store/viewStore.ts';
import type { SimulatorStore } from '../store/simulatorStore.ts';
import type { LessonProgress } from './progress.ts';

export const selectScenarioId = (s: SimulatorStore) => s.scenarioId;
export const selectSimMs = (s: SimulatorStore) => s.simMs;

export const selectTheme = (s: ViewState) => s.theme;
export const selectPresenting = (s: ViewState) => s.presenting;
export const selectPredictions = (s: ViewState) => s.predictions;
export const selectSkippedPredictions = (s: ViewState) => s.skippedPredictions;
export const selectExercise = (s: ViewState) => s.exercise;
export const selectDialog = (s: ViewState) => s.dialog;

export const selectGoalTimes = (p: LessonProgress) => p.goalTimes;
export const selectEarlierGoals = (p: LessonProgress) => p.earlierGoals;
export const selectLessonEnded = (p: LessonProgress) => p.ended;
export const selectRevealReady = (p: LessonProgress) => p.revealReady;
export const selectRevealValue = (p: LessonProgress) => p.revealValue;
export const selectPanelOpen = (s: ViewState) => s.panelOpen;
