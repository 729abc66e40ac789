/** What sits below the stage: the orders as a table, the analysis, "What if?" and the exports.
 * Out of sight at start (hidden in an embed and when presenting), it is one chunk that the page
 * loads once the first screen has painted (App.tsx's BELOW_STAGE), and each part loads its heavy
 * code on demand after that. */
import { lazy, Suspense } from 'react';
import { OrdersTable } from './a11y/OrdersTable.tsx';
import { AnalysisArea } from './AnalysisArea.tsx';
import { PreloadNextLesson } from './lessons/PreloadNextLesson.tsx';
import { WhatIfPanel } from './whatif/WhatIfPanel.tsx';

const ExportMenu = lazy(() =>
  import('./export/ExportMenu.tsx').then((m) => ({ default: m.ExportMenu })),
);

export function BelowStage() {
  return (
    <>
      <PreloadNextLesson />
      <OrdersTable />
      <AnalysisArea />
      <WhatIfPanel />
      {/* Its exporters (the poster, SVG and PNG) load after it. */}
      <Suspense fallback={null}>
        <ExportMenu />
      </Suspense>
    </>
  );
}
