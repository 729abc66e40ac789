/** The curves for one setting over the run's recipe: started when the panel opens, then a moment
 * after the recipe or the setting last changed (a burst of changes makes one request), and
 * cancelled when either changes again. Every metric is computed at once, so switching the metric
 * redraws without running. */
import { useEffect, useRef, useState } from 'react';
import { whatIfPoints, whatIfTooLarge, type WhatIfResult } from '../../analysis/whatif.ts';
import type { Mode } from '../../engine/index.ts';
import { useSim, useSimulator } from '../../store/react/hooks.ts';
import { runCurves } from './curveRunner.ts';

const SETTLE_MS = 150;
export const WHATIF_MODES: readonly Mode[] = ['sync', 'async'];
let nextId = 1;

export interface Curves {
  key: string;
  results: readonly WhatIfResult[];
  /** How many points the request has in all. */
  total: number;
  /** Wall time from the request to its last point, once done. */
  elapsedMs: number | null;
  where: 'worker' | 'main thread' | null;
  /** Why the curves were not run (the runs would be too large), or null. */
  refused: string | null;
  /** Why the curves stopped short (their runs used the request's work budget), or null: the
   * values done by then stay on the plot. */
  stopped: string | null;
}

export function useWhatIfCurves(key: string, current: string): Curves {
  const simulator = useSimulator();
  // The recipe is a new object only when it changes (a recorded change, a new run or seed), not
  // when the lanes are rebuilt for a seek.
  const recipe = useSim(() => simulator.recipe());
  const [curves, setCurves] = useState<Curves>({
    key,
    results: [],
    total: 0,
    elapsedMs: null,
    where: null,
    refused: null,
    stopped: null,
  });
  const shown = useRef(curves);
  useEffect(() => {
    shown.current = curves;
  }, [curves]);

  // The panel's first request starts at once: it opened on a click, not in a burst of changes.
  const requested = useRef(false);
  useEffect(() => {
    const points = whatIfPoints(key, current);
    let cancel = () => {};
    const settle = requested.current ? SETTLE_MS : 0;
    requested.current = true;
    const timer = setTimeout(() => {
      const refused = whatIfTooLarge(recipe, key, points, WHATIF_MODES);
      if (refused) {
        setCurves({
          key,
          results: [],
          total: points.length,
          elapsedMs: null,
          where: null,
          refused,
          stopped: null,
        });
        return;
      }
      const request = { id: nextId++, recipe, key, points, modes: WHATIF_MODES };
      const fresh: WhatIfResult[] = [];
      // A complete curve of this setting stays on screen until the new one is complete; a first
      // curve, or another setting's, draws point by point.
      const keep = shown.current.key === key && shown.current.results.length > 0;
      setCurves((c) =>
        keep
          ? { ...c, elapsedMs: null, where: null, refused: null, stopped: null }
          : {
              key,
              results: [],
              total: points.length,
              elapsedMs: null,
              where: null,
              refused: null,
              stopped: null,
            },
      );
      cancel = runCurves(request, {
        // Not transitions: while a run plays, its updates every frame put a transition off for
        // seconds (React lets one wait up to 5 s), so the progress and the finished curves
        // showed late (bench:page). The plot is small: one render a value.
        onPoint: (result) => {
          // The workers finish values out of order; the plot draws them along the axis.
          fresh.push(result);
          fresh.sort((a, b) => a.x - b.x);
          if (!keep) setCurves((c) => ({ ...c, results: [...fresh] }));
        },
        onDone: (elapsedMs, where) =>
          setCurves({
            key,
            results: fresh,
            total: points.length,
            elapsedMs,
            where,
            refused: null,
            stopped: null,
          }),
        onStopped: (stopped) =>
          setCurves({
            key,
            results: fresh,
            total: points.length,
            elapsedMs: null,
            where: null,
            refused: null,
            stopped,
          }),
      });
    }, settle);
    return () => {
      clearTimeout(timer);
      cancel();
    };
  }, [recipe, key, current]);

  return curves;
}
