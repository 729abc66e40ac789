/** The caption strip at the top of the stage: the lesson's title and its current caption, with
 * the buttons that step from caption to caption. */
import { useT } from '../../i18n/react.tsx';
import { t as pageT } from '../../i18n/runtime.ts';
import type { Say } from '../../lessons/verdict.ts';
import { useLesson } from './useLesson.ts';
import type { LanesShown } from '../../store/simulatorTypes.ts';
import { selectLanesShown } from '../../store/react/selectors.ts';
import { useSim } from '../../store/react/hooks.ts';
import { controlsShown } from '../../url/pageAttributes.ts';
import { usePage } from '../share/pageContext.ts';
import { BeatCaption } from './BeatCaption.tsx';

/** Free play's line, naming only what this page shows: an embed has no header (no Controls
 * button, no lesson picker), and shows the settings beside the stage only with `controls=full`. */
export function freePlayLine(
  mode: LanesShown,
  embed: boolean,
  fullControls: boolean,
  say: Say = pageT,
): string {
  const lanes = { lanes: mode };
  if (!embed) return say('lessonUi.free.page', lanes);
  return say(fullControls ? 'lessonUi.free.embedControls' : 'lessonUi.free.embed', lanes);
}

export function LessonPanel() {
  const scenario = useLesson();
  const mode = useSim(selectLanesShown);
  const { page } = usePage();
  const t = useT();
  return (
    <section className="lesson" aria-labelledby="lesson-title">
      <h2 id="lesson-title" className="lesson-title">
        {scenario ? scenario.title : t('lessonUi.free.title')}
      </h2>
      {scenario ? (
        <BeatCaption />
      ) : (
        <p className="lesson-free">
          {freePlayLine(mode, page.embed, controlsShown(page) === 'full', t)}
        </p>
      )}
    </section>
  );
}
