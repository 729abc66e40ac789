/** The caption strip at the top of the stage: the lesson's title and its current caption, with
 * the buttons that step from caption to caption. */
import { findScenario } from '../../scenarios/index.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useSim } from '../../store/hooks.ts';
import { BeatCaption } from './BeatCaption.tsx';

export function LessonPanel() {
  const scenarioId = useSim(selectScenarioId);
  const scenario = scenarioId === null ? undefined : findScenario(scenarioId);
  return (
    <section className="lesson" aria-labelledby="lesson-title">
      <h2 id="lesson-title" className="lesson-title">
        {scenario ? scenario.title : 'Free play'}
      </h2>
      {scenario ? (
        <BeatCaption />
      ) : (
        <p className="lesson-free">
          Change any setting in Controls and watch both designs, or pick a lesson for a guided run.
        </p>
      )}
    </section>
  );
}
