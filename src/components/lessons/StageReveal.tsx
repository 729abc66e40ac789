/** The lesson's answer on the stage, once the lesson has ended (lessons/lessonEnd.ts: its last
 * caption shows, or the run has settled): a card over the top of the lanes, between the customers'
 * screens and the tallies the last caption points at, or one line at the foot of the lanes in an
 * embed. Its button or Esc closes it and a small "Answer" button brings it back; seeking back
 * before the end takes it away, and reaching the end again shows it again.
 *
 * It is not a dialog and never takes the focus by itself: a presenter's focus stays on the
 * simulator, where Space plays and Page Down moves on (on a button in the card, Space would press
 * the button). The focus moves only when the student acts on it: closing from inside hands the
 * focus to "Answer", and "Answer" hands it to the card. */
import './stageReveal.css';
import { useState } from 'react';
import { localMetric } from '../../i18n/format.ts';
import { useT } from '../../i18n/react.tsx';
import type { Scenario } from '../../scenarios/index.ts';
import { useLesson } from './useLesson.ts';
import {
  selectLessonEnded,
  selectPanelOpen,
  selectPredictions,
  selectRevealReady,
  selectSkippedPredictions,
} from '../../lessons/selectors.ts';
import { verdictOf, verdictSentence, type Verdict } from '../../lessons/verdict.ts';
import type { LessonProgress } from '../../lessons/progress.ts';
import { lessonProgressOf, type LessonProgress as Progress } from '../../lessons/progress.ts';
import { useSim, useSimulator, usePageState } from '../../store/react/hooks.ts';
import { selectLeftOut } from '../../store/react/selectors.ts';
import { useAskingOnStage } from './PredictionOverlay.tsx';
import { LiveRevealValue } from './LiveRevealValue.tsx';
import { useLessonProgress } from './useLessonProgress.ts';
import { useDeferred } from '../deferred.ts';
import { REVEAL } from './reveal.ts';

type RevealModule = typeof import('./revealShapes.ts');

const selectProgressScenario = (p: LessonProgress) => p.scenarioId;

const selectRevealFinite = (p: Progress) => Number.isFinite(p.revealValue);

/** Whether the reveal has a true number to show: the lesson has ended, the question is off the
 * stage, and the value is a number. A boolean, so that the card renders again when this changes,
 * not with each new value while the run plays on (the number follows on its own: LiveRevealValue). */
function useRevealShown(scenario: Scenario | undefined): boolean {
  const ended = useLessonProgress(selectLessonEnded);
  const ready = useLessonProgress(selectRevealReady);
  const finite = useLessonProgress(selectRevealFinite);
  // Just after another lesson loads, the progress may still be the last lesson's.
  const progressFor = useLessonProgress(selectProgressScenario);
  const asking = useAskingOnStage();
  return !!scenario && progressFor === scenario.id && ended && ready && finite && !asking;
}

/** What the live region says once, as the card shows: the verdict and the number at that moment
 * (a number that changed with every publish would be announced again and again). */
function Announcement({ scenario, verdict }: { scenario: Scenario; verdict: Verdict }) {
  const simulator = useSimulator();
  const t = useT();
  const [text] = useState(() => {
    const value = lessonProgressOf(simulator).store.getState().revealValue;
    const { label, metric } = scenario.prediction.reveal;
    return t('lessonUi.reveal.announce', {
      verdict: verdictSentence(verdict, t),
      label,
      value: localMetric(t, metric, value),
    });
  });
  return <>{text}</>;
}

export function StageReveal() {
  const scenario = useLesson();
  const ready = useRevealShown(scenario);
  const locked = usePageState(selectPredictions);
  const skipped = usePageState(selectSkippedPredictions);
  const panelOpen = usePageState(selectPanelOpen);
  const offLesson = useSim(selectLeftOut).length > 0;
  const t = useT();
  const verdict =
    scenario && verdictOf(scenario.prediction, locked[scenario.id], skipped[scenario.id] === true);
  const shown = scenario && verdict && ready;
  return (
    <div className="stage-reveal-layer">
      {/* One live region, there before the reveal, so that it is announced; the side panel's
          prediction announces it instead while the panel is open. */}
      <p className="visually-hidden" role="status">
        {shown && !panelOpen ? (
          <Announcement
            key={`${scenario.id} ${verdict.kind} ${t.locale}`}
            scenario={scenario}
            verdict={verdict}
          />
        ) : null}
      </p>
      {shown && (
        <LoadedReveal
          key={scenario.id}
          scenario={scenario}
          verdict={verdict}
          number={<LiveRevealValue scenario={scenario} />}
          panelOpen={panelOpen}
          offLesson={offLesson}
        />
      )}
    </div>
  );
}

/** The card once its code is in (reveal.ts): until then (a moment, and only if the page had not
 * loaded it yet) nothing, since the live region above has already said the answer. */
function LoadedReveal(props: Parameters<RevealModule['Reveal']>[0]) {
  const module = useDeferred(REVEAL);
  const t = useT();
  if (module instanceof Error) {
    return (
      <p className="card stage-reveal-reopen" role="alert">
        {t('lessonUi.reveal.loadFailed', { reason: module.message })}
      </p>
    );
  }
  if (module === undefined) return null;
  return <module.Reveal {...props} />;
}
