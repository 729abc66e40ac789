/** The caption of the lesson's latest beat at or before the current moment, shown large beside
 * the lanes and announced politely; with buttons to go to the previous or next caption. */
import { beatIndexAt } from '../../scenarios/beats.ts';
import { useLocale } from '../../i18n/react.tsx';
import { localCaption } from '../../lessons/localLesson.ts';
import { goToBeat } from '../../lessons/navigate.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { selectLeftOut } from '../../store/react/selectors.ts';
import type { SimulatorStore } from '../../store/simulatorStore.ts';
import { useSim, useSimulator } from '../../store/react/hooks.ts';
import { Icon } from '../Icon.tsx';
import { MotionIn } from '../motion/MotionIn.tsx';
import { CopyCaptionLink } from './CopyCaptionLink.tsx';

/** The index of the beat showing, so React re-renders only when the caption changes, not on
 * every frame. */
const selectBeatIndex = (s: SimulatorStore) => beatIndexAt(s.beats, s.simMs);
const selectBeats = (s: SimulatorStore) => s.beats;

/** Says that the user's changes took some captions away, and why, so a missing caption is never
 * a mystery (and a false one never shows). */
function LeftOutNote({ leftOut }: { leftOut: SimulatorStore['captionsLeftOut'] }) {
  if (leftOut.length === 0) return null;
  const n = leftOut.length;
  const why = leftOut.map((l) => `Caption ${l.index}: ${l.why}.`).join(' ');
  return (
    <span className="beat-left-out" title={why}>
      {n === 1 ? '1 caption left out' : `${n} captions left out`}: your changes mean{' '}
      {n === 1 ? 'it no longer holds' : 'they no longer hold'} in this run
      <span className="visually-hidden"> ({why})</span>
    </span>
  );
}

export function BeatCaption() {
  const index = useSim(selectBeatIndex);
  const beats = useSim(selectBeats);
  const leftOut = useSim(selectLeftOut);
  const simulator = useSimulator();
  const lessonId = useSim(selectScenarioId);
  const locale = useLocale();
  const beat = beats[index];
  const count = beats.length;
  return (
    <section className="beat" aria-label="Lesson caption">
      <div className="beat-text" role="status" aria-live="polite">
        <span className="beat-count">
          {beat ? `Caption ${index + 1} of ${count}` : 'Before the first caption'}
          <LeftOutNote leftOut={leftOut} />
        </span>
        {/* A new caption slides in (framer-motion; it fades under reduced motion); the one the
            page opens on just shows. */}
        <MotionIn
          key={index}
          as="p"
          className="beat-caption"
          initial={{ opacity: 0, y: 6 }}
          animate={{ opacity: 1, y: 0 }}
          transition={{ duration: 0.25 }}
        >
          {beat && lessonId !== null
            ? localCaption(lessonId, beat, locale)
            : beat
              ? beat.caption
              : 'Press Play to start the lesson.'}
        </MotionIn>
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
