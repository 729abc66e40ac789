/** The lesson's prediction: asked before the run (native radio buttons, "Lock in my answer" or
 * "Skip the question"), then, once the run has got far enough, what happened, whether the
 * student was right, and why. */
import { useState } from 'react';
import type { Scenario } from '../../scenarios/index.ts';
import {
  selectPredictions,
  selectRevealReady,
  selectSkippedPredictions,
} from '../../lessons/selectors.ts';
import { useT } from '../../i18n/react.tsx';
import { richMessage } from '../../i18n/rich.tsx';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import type { Simulator } from '../../store/simulatorTypes.ts';
import { useDeferred } from '../deferred.ts';
import { REVEAL } from './reveal.ts';
import { useLessonProgress } from './useLessonProgress.ts';

/** A lesson waits at 0 s for its prediction: answering (or skipping) starts it. */
export function startLesson(simulator: Simulator): void {
  const s = simulator.store.getState();
  if (!s.playing && s.simMs === 0) s.play();
}

export function PredictionCard({ scenario }: { scenario: Scenario }) {
  const { prediction } = scenario;
  const locked = usePageState(selectPredictions)[scenario.id];
  const skipped = usePageState(selectSkippedPredictions)[scenario.id] === true;
  const ready = useLessonProgress(selectRevealReady);
  const { page, simulator } = useHandles();
  const [choice, setChoice] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const t = useT();
  const lockedLabel = prediction.options.find((o) => o.id === locked)?.label;
  return (
    <section className="prediction card" id="prediction" aria-labelledby="prediction-title">
      <h2 id="prediction-title">{t('lessonUi.prediction.title')}</h2>
      {locked === undefined && !skipped && !ready ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (choice === null) return setMissing(true);
            page.getState().lockPrediction(scenario.id, choice);
            startLesson(simulator);
          }}
        >
          <fieldset className="prediction-options">
            <legend>{prediction.question}</legend>
            {prediction.options.map((o) => (
              <label key={o.id} className="choice choice-block">
                <input
                  type="radio"
                  name={`prediction-${scenario.id}`}
                  value={o.id}
                  checked={choice === o.id}
                  onChange={() => {
                    setChoice(o.id);
                    setMissing(false);
                  }}
                />
                <span>{o.label}</span>
              </label>
            ))}
          </fieldset>
          {missing && (
            <p className="field-error" role="alert">
              {t('lessonUi.prediction.pickFirst')}
            </p>
          )}
          <div className="prediction-actions">
            <button type="submit" className="button button-primary">
              {t('lessonUi.prediction.lockIn')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                page.getState().skipPrediction(scenario.id);
                startLesson(simulator);
              }}
            >
              {t('lessonUi.prediction.skip')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="prediction-question">{prediction.question}</p>
          <p className="prediction-locked">
            {lockedLabel
              ? richMessage(t, 'lessonUi.prediction.youSaid', {
                  answer: <strong>{lockedLabel}</strong>,
                })
              : t(skipped ? 'lessonUi.prediction.skipped' : 'lessonUi.prediction.notLocked')}
          </p>
          {/* One live region from the moment the answer is locked, so the reveal is announced. */}
          <div role="status">
            {ready ? (
              <LoadedPredictionReveal scenario={scenario} locked={locked} />
            ) : (
              <p className="prediction-hint">{t('lessonUi.prediction.playToFind')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** What happened, once its code is in (reveal.ts, loaded with the lesson's answer): until then
 * (a moment, and only if the page had not loaded it yet) nothing. */
function LoadedPredictionReveal(props: { scenario: Scenario; locked: string | undefined }) {
  const module = useDeferred(REVEAL);
  if (module instanceof Error) return <p className="prediction-hint">{module.message}</p>;
  if (module === undefined) return null;
  return <module.PredictionReveal {...props} />;
}
