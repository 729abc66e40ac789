/** The caption of the lesson's latest beat at or before the current moment, shown large beside
 * the lanes and announced politely; with buttons to go to the previous or next caption. */
import { beatIndexAt } from '../../scenarios/beats.ts';
import { localTime } from '../../i18n/format.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import { localCaption } from '../../lessons/localLesson.ts';
import { goToBeat } from '../../lessons/navigate.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import type { LeftOut } from '../../scenarios/script.ts';
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

/** Why one caption was left out, in the language on. */
function leftOutWhy(t: Translate, l: LeftOut): string {
  const number = l.index;
  if (l.reason === 'noLongerHolds' && l.atMs !== undefined) {
    return t('lessonUi.caption.noLongerHolds', { number, time: localTime(t, l.atMs) });
  }
  return t(
    l.reason === 'tooHeavy' ? 'lessonUi.caption.tooHeavy' : 'lessonUi.caption.neverHappens',
    {
      number,
    },
  );
}

/** Says that the user's changes took some captions away, and why, so a missing caption is never
 * a mystery (and a false one never shows). */
function LeftOutNote({ leftOut, t }: { leftOut: readonly LeftOut[]; t: Translate }) {
  if (leftOut.length === 0) return null;
  const why = leftOut.map((l) => leftOutWhy(t, l)).join(' ');
  return (
    <span className="beat-left-out" title={why}>
      {t('lessonUi.caption.leftOut', { count: leftOut.length })}
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
  const t = useT();
  const beat = beats[index];
  const count = beats.length;
  return (
    <section className="beat" aria-label={t('lessonUi.caption.region')}>
      <div className="beat-text" role="status" aria-live="polite">
        <span className="beat-count">
          {beat
            ? t('lessonUi.caption.count', { number: index + 1, count })
            : t('lessonUi.caption.before')}
          <LeftOutNote leftOut={leftOut} t={t} />
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
            ? localCaption(lessonId, beat, t.locale)
            : beat
              ? beat.caption
              : t('lessonUi.caption.pressPlay')}
        </MotionIn>
      </div>
      <div className="beat-nav">
        <button
          type="button"
          className="button"
          onClick={() => goToBeat(simulator, -1)}
          disabled={index < 0}
          aria-label={t('lessonUi.caption.previous')}
          title={t('lessonUi.caption.previousTitle')}
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
          aria-label={t('lessonUi.caption.next')}
          title={t('lessonUi.caption.nextTitle')}
        >
          <Icon name="step" />
        </button>
        <CopyCaptionLink caption={index + 1} />
      </div>
    </section>
  );
}
