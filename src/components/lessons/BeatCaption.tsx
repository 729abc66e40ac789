/** The caption of the lesson's latest beat at or before the current moment, shown large beside
 * the lanes and announced politely; with buttons to go to the previous or next caption. */
import { m } from 'framer-motion';
import { beatIndexAt } from '../../scenarios/beats.ts';
import { goToBeat } from '../../lessons/navigate.ts';
import type { Scenario } from '../../scenarios/index.ts';
import type { SimulatorStore } from '../../store/simulatorStore.ts';
import { useSim, useSimulator } from '../../store/hooks.ts';
import { Icon } from '../Icon.tsx';

const beatSelectors = new WeakMap<Scenario, (s: SimulatorStore) => number>();

/** A named selector per scenario: the index of the beat showing, so React re-renders only when
 * the caption changes, not on every frame. */
function selectBeatIndex(scenario: Scenario): (s: SimulatorStore) => number {
  let select = beatSelectors.get(scenario);
  if (!select) {
    select = (s) => beatIndexAt(scenario.beats, s.simMs);
    beatSelectors.set(scenario, select);
  }
  return select;
}

export function BeatCaption({ scenario }: { scenario: Scenario }) {
  const index = useSim(selectBeatIndex(scenario));
  const simulator = useSimulator();
  const beat = scenario.beats[index];
  const count = scenario.beats.length;
  return (
    <section className="beat" aria-label="Lesson caption">
      <div className="beat-text" role="status" aria-live="polite">
        <span className="beat-count">
          {beat ? `Caption ${index + 1} of ${count}` : 'Before the first caption'}
        </span>
        {/* A new caption slides in (framer-motion; still under reduced motion). */}
        <m.p
          key={index}
          className="beat-caption"
          initial={{ opacity: 0, y: 6 }}
          animate={{ opacity: 1, y: 0 }}
          transition={{ duration: 0.25 }}
        >
          {beat ? beat.caption : 'Press Play to start the lesson.'}
        </m.p>
      </div>
      <div className="beat-nav">
        <button
          type="button"
          className="button"
          onClick={() => goToBeat(simulator, -1)}
          disabled={index < 0}
          aria-label="Previous caption"
          title="Previous caption (Page Up)"
        >
          <span className="flip">
            <Icon name="step" />
          </span>
        </button>
        <button
          type="button"
          className="button"
          onClick={() => goToBeat(simulator, 1)}
          disabled={index >= count - 1}
          aria-label="Next caption"
          title="Next caption (Page Down)"
        >
          <Icon name="step" />
        </button>
      </div>
    </section>
  );
}
