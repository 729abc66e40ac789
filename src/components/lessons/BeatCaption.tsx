/** The caption of the lesson's latest beat at or before the current moment, shown large beside
 * the lanes and announced politely; with buttons to go to the previous or next caption. */
import { m } from 'framer-motion';
import { beatIndexAt } from '../../scenarios/beats.ts';
import { goToBeat } from '../../lessons/navigate.ts';
import type { SimulatorStore } from '../../store/simulatorStore.ts';
import { useSim, useSimulator } from '../../store/hooks.ts';
import { Icon } from '../Icon.tsx';
import { CopyCaptionLink } from './CopyCaptionLink.tsx';

/** The index of the beat showing, so React re-renders only when the caption changes, not on
 * every frame. */
const selectBeatIndex = (s: SimulatorStore) => beatIndexAt(s.beats, s.simMs);
const selectBeats = (s: SimulatorStore) => s.beats;

export function BeatCaption() {
  const index = useSim(selectBeatIndex);
  const beats = useSim(selectBeats);
  const simulator = useSimulator();
  const beat = beats[index];
  const count = beats.length;
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
        <CopyCaptionLink caption={index + 1} />
      </div>
    </section>
  );
}
