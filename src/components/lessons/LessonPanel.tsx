/** The lesson bar above the lanes: the picker, the chosen lesson's summary, and its caption. */
import { findScenario } from '../../scenarios/index.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useSim } from '../../store/hooks.ts';
import { BeatCaption } from './BeatCaption.tsx';
import { LessonSummary } from './LessonSummary.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';

export function LessonPanel() {
  const scenarioId = useSim(selectScenarioId);
  const scenario = scenarioId === null ? undefined : findScenario(scenarioId);
  return (
    <section className="lesson card" aria-labelledby="lesson-title">
      <div className="lesson-head">
        <ScenarioPicker />
        <div className="lesson-about">
          <h2 id="lesson-title">{scenario ? scenario.title : 'Free play'}</h2>
          {scenario ? (
            <LessonSummary scenario={scenario} />
          ) : (
            <p className="lesson-teaches">
              Change any setting and watch both designs. Pick a lesson for a guided run.
            </p>
          )}
        </div>
      </div>
      {scenario && <BeatCaption scenario={scenario} />}
    </section>
  );
}
