/** The caption strip at the top of the stage: the lesson's title and its current caption, with
 * the buttons that step from caption to caption. */
import { useLesson } from './useLesson.ts';
import type { LanesShown } from '../../store/simulatorTypes.ts';
import { selectLanesShown } from '../../store/react/selectors.ts';
import { useSim } from '../../store/react/hooks.ts';
import { controlsShown } from '../../url/pageAttributes.ts';
import { usePage } from '../share/pageContext.ts';
import { BeatCaption } from './BeatCaption.tsx';

const WATCHED: Record<LanesShown, string> = {
  compare: 'both designs',
  sync: 'the synchronous design',
  async: 'the asynchronous design',
};

/** Free play's line, naming only what this page shows: an embed has no header (no Controls
 * button, no lesson picker), and shows the settings beside the stage only with `controls=full`. */
export function freePlayLine(mode: LanesShown, embed: boolean, fullControls: boolean): string {
  const watch = WATCHED[mode];
  if (!embed) {
    return `Change any setting in Controls and watch ${watch}, or pick a lesson for a guided run.`;
  }
  if (fullControls) return `Change any setting beside the stage and watch ${watch}.`;
  return `Watch ${watch} handle the same orders.`;
}

export function LessonPanel() {
  const scenario = useLesson();
  const mode = useSim(selectLanesShown);
  const { page } = usePage();
  return (
    <section className="lesson" aria-labelledby="lesson-title">
      <h2 id="lesson-title" className="lesson-title">
        {scenario ? scenario.title : 'Free play'}
      </h2>
      {scenario ? (
        <BeatCaption />
      ) : (
        <p className="lesson-free">
          {freePlayLine(mode, page.embed, controlsShown(page) === 'full')}
        </p>
      )}
    </section>
  );
}
