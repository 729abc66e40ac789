/** Named selectors for the lessons: the page's own state (theme, presentation, answers) and progress. */
import type { PageState } from '../store/pageStore.ts';
import type { SimulatorStore } from '../store/simulatorStore.ts';
import type { LessonProgress } from './progress.ts';

export const selectScenarioId = (s: SimulatorStore) => s.scenarioId;
export const selectSimMs = (s: SimulatorStore) => s.simMs;

export const selectTheme = (s: PageState) => s.theme;
export const selectPresenting = (s: PageState) => s.presenting;
export const selectPredictions = (s: PageState) => s.predictions;
export const selectSkippedPredictions = (s: PageState) => s.skippedPredictions;
export const selectExercise = (s: PageState) => s.exercise;
export const selectDialog = (s: PageState) => s.dialog;

export const selectGoalTimes = (p: LessonProgress) => p.goalTimes;
export const selectEarlierGoals = (p: LessonProgress) => p.earlierGoals;
export const selectLessonEnded = (p: LessonProgress) => p.ended;
export const selectRevealReady = (p: LessonProgress) => p.revealReady;
export const selectRevealValue = (p: LessonProgress) => p.revealValue;
export const selectPanelOpen = (s: PageState) => s.panelOpen;
