/** The analysis panels under the stage: charts, the outcome ledger and the event log. */
export function AnalysisArea() {
  return (
    <section className="analysis card" aria-labelledby="analysis-title">
      <h2 id="analysis-title">What happened</h2>
      <p className="placeholder">Charts, the outcome ledger and the event log appear here.</p>
    </section>
  );
}
