/** The polite live region that tells screen-reader users what each customer has seen. Visually
 * hidden: on screen the customers' screens and their clocks say the same. */
import { useMemo } from 'react';
import { selectLanesShown, shownModes } from '../store/react/selectors.ts';
import { useLane, useSim } from '../store/react/hooks.ts';
import { summaryOf } from '../store/publish/summary.ts';

export function StatusSummary() {
  const lanesShown = useSim(selectLanesShown);
  const sync = useLane('sync', (l) => l.screen);
  const async = useLane('async', (l) => l.screen);
  const text = useMemo(
    () => summaryOf(shownModes(lanesShown), { sync, async }),
    [lanesShown, sync, async],
  );
  return (
    <p className="status-summary visually-hidden" role="status">
      {text}
    </p>
  );
}
