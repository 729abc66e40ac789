/** The polite live region that tells screen-reader users what each customer has seen. Visually
 * hidden: on screen the customers' screens and their clocks say the same. Its sentences and their
 * words load just after the first screen (a11y/summary.ts, check:bundle); the region is there from the
 * start, so that what it says then is announced. */
import { useMemo } from 'react';
import { useT } from '../i18n/react.tsx';
import { selectLanesShown, shownModes } from '../store/react/selectors.ts';
import { useLane, useSim } from '../store/react/hooks.ts';
import { deferred, useDeferred } from './deferred.ts';
import { useLaneFlow } from './useLaneFlow.ts';

export const SUMMARY = deferred(() => import('./a11y/summary.ts'));

export function StatusSummary() {
  const lanesShown = useSim(selectLanesShown);
  const sync = useLane('sync', (l) => l.screen);
  const async = useLane('async', (l) => l.screen);
  const t = useT();
  const syncFlow = useLaneFlow('sync');
  const asyncFlow = useLaneFlow('async');
  const module = useDeferred(SUMMARY);
  const text = useMemo(() => {
    if (!module || module instanceof Error) return '';
    const steps = module.stepWords(t, { sync: syncFlow, async: asyncFlow });
    return module.summaryOf(shownModes(lanesShown), { sync, async }, t, steps);
  }, [module, lanesShown, sync, async, t, syncFlow, asyncFlow]);
  return (
    <p className="status-summary visually-hidden" role="status">
      {text}
    </p>
  );
}
