/** The lane's countdowns in words, for a screen reader and for tests: what the soonest few waits
 * are for and how long each has left ("order 12: try 3 in 2.0 s"), the same facts the diagram's
 * countdown rings draw, in the language on. Its words load with it, in the part below the stage
 * (WaitWords.tsx loads this module after the first screen; the first load has no room for them). */
import '../../i18n/parts/analysis.ts';
import type { WaitView } from '../../engine/index.ts';
import { localTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/react.tsx';
import { pageTranslator } from '../../i18n/translate.ts';

/** Phrases said at most: the soonest waits; the rest are counted. */
export const MAX_WAIT_PHRASES = 3;

/** One wait in words, `nowMs` being the moment shown. */
export function waitPhrase(wait: WaitView, nowMs: number, t: Translate = pageTranslator()): string {
  const { order, worker, attempt } = wait;
  const left = localTime(t, Math.max(0, wait.endMs - nowMs), 1);
  switch (wait.kind) {
    case 'backoff':
      return t('analysis.waits.backoff', { order, attempt, left });
    case 'lease':
      return worker >= 0
        ? t('analysis.waits.lease', { order, left, worker })
        : t('analysis.waits.leaseFree', { order, left, attempt });
    case 'minIdle':
      return worker >= 0
        ? t('analysis.waits.claim', { order, left, worker })
        : t('analysis.waits.claimFree', { order, left, attempt });
    case 'session':
      return t('analysis.waits.session', { worker, left });
  }
}

/** The lane's sentence: its soonest waits, then how many more there are. `waits` come soonest
 * first, as the engine's view lists them. */
export function waitWords(
  waits: readonly WaitView[],
  nowMs: number,
  max = MAX_WAIT_PHRASES,
  t: Translate = pageTranslator(),
): string {
  const said: string[] = [];
  let more = 0;
  for (const w of waits) {
    // The clock may be a little past the engine's last event: an ended wait is not said.
    if (w.endMs <= nowMs) continue;
    if (said.length < max) said.push(waitPhrase(w, nowMs, t));
    else more++;
  }
  if (said.length === 0) return t('analysis.waits.none');
  return t('analysis.waits.sentence', { said: said.join(t('analysis.waits.separator')), more });
}
