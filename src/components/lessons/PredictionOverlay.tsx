/** A lesson opens paused at 0 s with its question on the stage, over the lanes: the student
 * predicts before watching. Locking an answer or skipping starts the lesson; pressing Play, a
 * link to a later moment, or an embed (the instructor asks the room) does not ask. */
import { useLesson } from './useLesson.ts';
import {
  selectPredictions,
  selectScenarioId,
  selectSkippedPredictions,
} from '../../lessons/selectors.ts';
import { selectPlaying } from '../../store/react/selectors.ts';
import { useSim, usePageState } from '../../store/react/hooks.ts';
import type { SimulatorStore } from '../../store/simulatorTypes.ts';
import { MotionIn } from '../motion/MotionIn.tsx';
import { usePage } from '../share/pageContext.ts';
import { PredictionCard } from './PredictionCard.tsx';

/** Whether the stage asks the loaded lesson's question now. */
const selectAtStart = (s: SimulatorStore) => s.simMs === 0;

export function useAskingOnStage(): boolean {
  const scenarioId = useSim(selectScenarioId);
  // A yes/no, not the clock: subscribing to the time re-rendered every user of this every frame.
  const atStart = useSim(selectAtStart);
  const playing = useSim(selectPlaying);
  const predictions = usePageState(selectPredictions);
  const skipped = usePageState(selectSkippedPredictions);
  const { embed } = usePage().page;
  return (
    scenarioId !== null &&
    atStart &&
    !playing &&
    !embed &&
    predictions[scenarioId] === undefined &&
    skipped[scenarioId] === undefined
  );
}

export function PredictionOverlay() {
  const asking = useAskingOnStage();
  const scenario = useLesson();
  // No exit animation: the card moves to the side panel at once, and one card keeps its id.
  if (!asking || !scenario) return null;
  return (
    <MotionIn
      key={scenario.id}
      as="div"
      className="prediction-overlay"
      initial={{ opacity: 0, y: 12 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.2 }}
    >
      <PredictionCard scenario={scenario} />
    </MotionIn>
  );
}
