/** The text alternative to the animation: a disclosure with, for each lane on screen, a table of
 * its latest orders and where each one is now. Read only while open, at the analysis' pace. */
import { useState } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useSim } from '../../store/react/hooks.ts';
import { selectLanesShown, shownModes } from '../../store/react/selectors.ts';
import { deferred, useDeferred } from '../deferred.ts';
import { useT } from '../../i18n/react.tsx';
import '../../styles/export.css';

/** The tables load when first opened: most readers never open them (check:bundle). */
const TABLES = deferred(() => import('./LaneTable.tsx'));

function Tables({ modes }: { modes: readonly Mode[] }) {
  const module = useDeferred(TABLES);
  const t = useT();
  if (module instanceof Error)
    return <p>{t('narration.tablesFailed', { reason: module.message })}</p>;
  if (!module) return <p>{t('narration.tablesLoading')}</p>;
  return modes.map((mode) => <module.LaneTable key={mode} mode={mode} />);
}

export function OrdersTable() {
  const [open, setOpen] = useState(false);
  const modes = shownModes(useSim(selectLanesShown));
  const t = useT();
  return (
    <details
      className="orders-table card"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('narration.tables')}</summary>
      {open && <Tables modes={modes} />}
    </details>
  );
}
