/** The lesson bar above the lanes: the picker, what the chosen lesson teaches, and its caption. */
import { findScenario } from '../../scenarios/index.ts';
import { selectPredictions, selectScenarioId } from '../../lessons/selectors.ts';
import { useSim, useViewState } from '../../store/hooks.ts';
import { BeatCaption } from './BeatCaption.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';

export function LessonPanel() {
  const scenarioId = useSim(selectScenarioId);
  const predictions = useViewState(selectPredictions);
  const scenario = scenarioId === null ? undefined : findScenario(scenarioId);
  return (
    <section className="lesson card" aria-labelledby="lesson-title">
      <div className="lesson-head">
        <ScenarioPicker />
        <div className="lesson-about">
          <h2 id="lesson-title">{scenario ? scenario.title : 'Free play'}</h2>
          <p className="lesson-teaches">
            {scenario
              ? scenario.teaches
              : 'Change any setting and watch both designs. Pick a lesson for a guided run.'}
          </p>
          {scenario && predictions[scenario.id] === undefined && (
            <a className="predict-link" href="#prediction">
              Before you press Play: make your prediction
            </a>
          )}
        </div>
      </div>
      {scenario && <BeatCaption scenario={scenario} />}
    </section>
  );
}
