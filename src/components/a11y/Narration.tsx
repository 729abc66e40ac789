/** A throttled narration for screen readers (role="log"): every two seconds while the simulation
 * runs, one short sentence per lane that counts what happened, instead of one announcement per
 * event. Visually hidden: on screen the diagram and the counters say the same. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { afterFirstScreen } from '../afterPaint.ts';
import type { Mode } from '../../engine/index.ts';
import { useHandles, useSim } from '../../store/react/hooks.ts';
import { selectPlaying, selectLanesShown, shownModes } from '../../store/react/selectors.ts';
import type { Counts } from './narration.ts';
import { deferred } from '../deferred.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import type { Simulator } from '../../store/simulatorTypes.ts';

/** The sentences and their words, loaded when the run first plays (check:bundle). */
export const SENTENCES = deferred(() => import('./narration.ts'));

/** Wall-clock ms between two batches. */
export const NARRATE_EVERY_MS = 2000;
/** Sentences kept in the region; older ones have been read already. */
const KEPT = 6;

export function Narration() {
  const { simulator } = useHandles();
  const playing = useSim(selectPlaying);
  const modes = shownModes(useSim(selectLanesShown));
  const [lines, setLines] = useState<{ id: number; text: string }[]>([]);
  const next = useRef(0);
  const key = modes.join(',');
  const t = useT();
  // The interval reads the language on through this, without starting over when it changes.
  const words = useRef(t);
  useLayoutEffect(() => {
    words.current = t;
  }, [t]);

  useEffect(() => {
    if (!playing) return;
    const say = (text: string) =>
      setLines((old) => [...old, { id: next.current++, text }].slice(-KEPT));
    const start = (module: Sentences) =>
      narrate(module, simulator, key.split(',') as Mode[], () => words.current, say);
    // At once if the sentences have loaded, else once they have.
    const loaded = SENTENCES.current();
    let timer = loaded ? start(loaded) : undefined;
    let live = true;
    // A run playing from the first screen (a link with autoplay) loads them after that screen:
    // with the analysis words they bring, their bytes were on a slow link's way to it.
    const cancel = loaded
      ? undefined
      : afterFirstScreen(
          () =>
            void SENTENCES.load().then((module) => {
              if (live) timer = start(module);
            }),
        );
    return () => {
      live = false;
      cancel?.();
      clearInterval(timer);
    };
  }, [playing, key, simulator]);

  return (
    <div
      className="visually-hidden"
      role="log"
      aria-live="polite"
      aria-label={t('narration.label')}
    >
      {lines.map((l) => (
        <p key={l.id}>{l.text}</p>
      ))}
    </div>
  );
}

type Sentences = typeof import('./narration.ts');

/** Every NARRATE_EVERY_MS, one sentence per lane of what happened since the last; returns the
 * interval. */
function narrate(
  { batchSentence, countsOf }: Sentences,
  simulator: Simulator,
  laneModes: readonly Mode[],
  words: () => Translate,
  say: (text: string) => void,
): ReturnType<typeof setInterval> {
  const totals = () => {
    const out = {} as Record<Mode, { counts: Counts; generation: number }>;
    const generation = simulator.store.getState().generation;
    for (const mode of laneModes) {
      out[mode] = { counts: countsOf(simulator.lane(mode).report('live')), generation };
    }
    return out;
  };
  let before = totals();
  return setInterval(() => {
    const after = totals();
    const said: string[] = [];
    for (const mode of laneModes) {
      // After a seek back the lanes are new: start counting again, silently.
      if (after[mode].generation !== before[mode].generation) continue;
      const sentence = batchSentence(mode, before[mode].counts, after[mode].counts, words());
      if (sentence) said.push(sentence);
    }
    before = after;
    if (said.length > 0) say(said.join(' '));
  }, NARRATE_EVERY_MS);
}
