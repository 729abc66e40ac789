/** The analysis section under the stage: measures its width, notices when it is scrolled out of
 * view (then its panels stop redrawing), and hands the panels their data. */
import { useAnalysis } from '../store/useAnalysis.ts';
import { AnalysisPanels } from './AnalysisPanels.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { useOnScreen } from './useOnScreen.ts';

export function AnalysisArea() {
  const [section, onScreen] = useOnScreen<HTMLElement>();
  const data = useAnalysis(onScreen);
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  return (
    <section ref={section} className="analysis card" aria-labelledby="analysis-title">
      <h2 id="analysis-title">What happened</h2>
      <div ref={ref}>
        <AnalysisPanels data={data} width={width} />
      </div>
    </section>
  );
}
