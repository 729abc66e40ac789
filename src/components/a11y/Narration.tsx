/** A throttled narration for screen readers (role="log"): every two seconds while the simulation
 * runs, one short sentence per lane that counts what happened, instead of one announcement per
 * event. Visually hidden: on screen the diagram and the counters say the same. */
import { useEffect, useRef, useState } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useHandles, useSim } from '../../store/react/hooks.ts';
import { selectPlaying, selectLanesShown, shownModes } from '../../store/react/selectors.ts';
import { deferred } from '../deferred.ts';
import type { Counts } from './narration.ts';

/** Its sentences load when a run first plays: the first batch is said two seconds after that,
 * and they were part of the initial JavaScript (check:bundle). */
const SENTENCES = deferred(() => import('./narration.ts'));

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

  useEffect(() => {
    if (!playing) return;
    const laneModes = key.split(',') as Mode[];
    let timer: ReturnType<typeof setInterval> | undefined;
    let live = true;
    const reports = () => {
      const generation = simulator.store.getState().generation;
      return laneModes.map((mode) => ({
        mode,
        report: simulator.lane(mode).report('live'),
        generation,
      }));
    };
    // The totals as play starts, counted once the sentences are in.
    const atStart = reports();
    const start = ({ batchSentence, countsOf }: typeof import('./narration.ts')) => {
      const totals = (taken = reports()) => {
        const out = {} as Record<Mode, { counts: Counts; generation: number }>;
        for (const { mode, report, generation } of taken) {
          out[mode] = { counts: countsOf(report), generation };
        }
        return out;
      };
      let before = totals(atStart);
      timer = setInterval(() => {
        const after = totals();
        const said: string[] = [];
        for (const mode of laneModes) {
          // After a seek back the lanes are new: start counting again, silently.
          if (after[mode].generation !== before[mode].generation) continue;
          const sentence = batchSentence(mode, before[mode].counts, after[mode].counts);
          if (sentence) said.push(sentence);
        }
        before = after;
        if (said.length === 0) return;
        const text = said.join(' ');
        setLines((old) => [...old, { id: next.current++, text }].slice(-KEPT));
      }, NARRATE_EVERY_MS);
    };
    const loaded = SENTENCES.current();
    if (loaded) start(loaded);
    else
      SENTENCES.load().then(
        (m) => live && start(m),
        () => {},
      );
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [playing, key, simulator]);

  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label="Narration">
      {lines.map((l) => (
        <p key={l.id}>{l.text}</p>
      ))}
    </div>
  );
}
