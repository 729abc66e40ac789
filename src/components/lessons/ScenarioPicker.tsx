/** Chooses a lesson (or free play) from the preset scenarios; choosing one loads it at 0 s. */
import { useId } from 'react';
import { SCENARIOS } from '../../scenarios/index.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useActions, useSim } from '../../store/hooks.ts';

const FREE_PLAY = '';

export function ScenarioPicker() {
  const scenarioId = useSim(selectScenarioId);
  const { loadScenario, restoreDefaults } = useActions();
  const id = useId();
  return (
    <div className="scenario-picker">
      <label htmlFor={id}>Lesson</label>
      <select
        id={id}
        value={scenarioId ?? FREE_PLAY}
        onChange={(e) => {
          if (e.target.value === FREE_PLAY) restoreDefaults();
          else loadScenario(e.target.value);
        }}
      >
        <option value={FREE_PLAY}>Free play: no lesson</option>
        {SCENARIOS.map((s, i) => (
          <option key={s.id} value={s.id}>
            {`${i + 1}. ${s.title}`}
          </option>
        ))}
      </select>
    </div>
  );
}
