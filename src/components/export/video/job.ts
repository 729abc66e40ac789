/** A video job from the simulator's state: the run's recipe and captions as the store holds them,
 * the lanes shown, the lesson's words for the title card, the lanes and the tallies, and the
 * video's own words in the page's language (videoWords.ts). */
import '../../../i18n/parts/exports.ts';
import type { Translate } from '../../../i18n/react.tsx';
import { currentLocale, t as translate } from '../../../i18n/runtime.ts';
import type { SimulatorState } from '../../../store/simulatorTypes.ts';
import { shownModes } from '../../../store/react/selectors.ts';
import { localCaption, localLesson } from '../../../lessons/localLesson.ts';
import { findScenario } from '../../../scenarios/index.ts';
import type { VideoOptions } from '../../../export/video/plan.ts';
import type { VideoJob } from './encode.ts';
import type { VideoTheme } from './palette.ts';
import { videoWords } from './videoWords.ts';

/** The page's translator, for a video asked for outside React (the host API). */
function pageTranslate(): Translate {
  const locale = currentLocale();
  return Object.assign(
    (id: Parameters<typeof translate>[0], values?: Parameters<typeof translate>[1]) =>
      translate(id, values, locale),
    { locale },
  );
}

export function videoJobOf(
  s: SimulatorState,
  options: VideoOptions,
  theme: VideoTheme = 'light',
  t: Translate = pageTranslate(),
): VideoJob {
  const own = s.scenarioId === null ? undefined : findScenario(s.scenarioId);
  // The lesson's words and captions in the video's language; their moments are the run's.
  const scenario = own && localLesson(own, t.locale);
  const beats = own
    ? s.beats.map((b) => ({ ...b, caption: localCaption(own.id, b, t.locale) }))
    : s.beats;
  return {
    run: {
      base: s.base,
      seed: s.seed,
      durationMs: s.durationMs,
      script: s.script,
      changes: s.changes,
      scenarioId: s.scenarioId,
      simMs: s.simMs,
      flow: s.flow,
      beats,
    },
    modes: shownModes(s.lanesShown),
    options,
    theme,
    text: {
      title: scenario?.title ?? t('video.freeTitle'),
      premise: scenario?.premise ?? t('video.freePremise', { seed: s.seed }),
      tallies: scenario?.tallies ?? [],
      words: videoWords(t, s.flow ?? null),
    },
  };
}
