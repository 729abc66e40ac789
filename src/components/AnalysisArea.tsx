/** The analysis section under the stage: measures its width, notices when it is scrolled out of
 * view (then its panels stop redrawing), and hands the panels their data. The panels (the d3
 * charts, the ledger, the log) load after the first screen, which does not show them. */
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/react.tsx';
import { useAnalysis } from '../store/react/useAnalysis.ts';
import { useElementWidth } from './useElementWidth.ts';
import { useOnScreen } from './useOnScreen.ts';

const AnalysisPanels = lazy(() =>
  import('./AnalysisPanels.tsx').then((m) => ({ default: m.AnalysisPanels })),
);

export function AnalysisArea() {
  const [section, onScreen] = useOnScreen<HTMLElement>();
  const data = useAnalysis(onScreen);
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const t = useT();
  return (
    <section ref={section} className="analysis card" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('belowStage.whatHappened')}</h2>
      <div ref={ref}>
        <Suspense fallback={<p className="analysis-loading">{t('belowStage.loadingCharts')}</p>}>
          <AnalysisPanels data={data} width={width} />
        </Suspense>
      </div>
    </section>
  );
}
