/** The "Export" group: the run's orders and ledger as CSV or JSON, and a chart as SVG or PNG.
 * The orders come from a replay of the run (src/export/replay.ts), made when a button is pressed,
 * in slices that leave the page answering, with its progress and a way to stop it. */
// The exports' English words load with them, before anything of them renders.
import '../../i18n/parts/exports.ts';
import { Suspense, lazy, useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  chartsOnPage,
  downloadBlob,
  downloadText,
  fileName,
  ledgerCsv,
  ordersCsv,
  runJson,
  runOfSliced,
  serializeSvg,
  svgToPng,
  type RunExport,
} from '../../export/index.ts';
import { useHandles, useSim } from '../../store/react/hooks.ts';
import { selectAnalysisVersion, shownModes } from '../../store/react/selectors.ts';
import { localCount } from '../../i18n/numbers.ts';
import { useT } from '../../i18n/react.tsx';
import { HandoutLink } from '../handout/HandoutLink.tsx';
import { nextPaint } from '../afterPaint.ts';
import '../../styles/export.css';

type DataFile = 'orders-csv' | 'ledger-csv' | 'json';

/** The video part loads when asked for: its encoder and muxers are not part of the first screen. */
const VideoExport = lazy(() => import('./VideoExport.tsx'));

export function ExportMenu() {
  const id = useId();
  const t = useT();
  const { simulator } = useHandles();
  const [status, setStatus] = useState('');
  const [charts, setCharts] = useState<string[]>([]);
  const [chart, setChart] = useState('');

  const [busy, setBusy] = useState(false);
  const [video, setVideo] = useState(false);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const saveData = async (what: DataFile) => {
    // While one export runs, the buttons stay focusable (aria-disabled) and do nothing.
    if (running.current) return;
    const s = simulator.store.getState();
    s.pause();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setStatus(t('export.replaying'));
    const run = await runOfSliced(s, shownModes(s.lanesShown), {
      now: () => performance.now(),
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      // In tenths, so the status (a live region) is not read out at every slice.
      progress: (done) =>
        setStatus(t('export.replayingShare', { share: Math.floor(done * 10) / 10 })),
      signal: controller.signal,
    });
    running.current = null;
    setBusy(false);
    if (!run) return setStatus(t('export.stopped'));
    save(what, run);
  };

  const save = (what: DataFile, run: RunExport) => {
    const orders = run.lanes.reduce((n, l) => n + l.orders.length, 0);
    const cut = run.lanes.reduce((n, l) => n + l.truncated, 0);
    const lost = run.lanes.reduce((n, l) => n + l.lostEntries, 0);
    // A replay that lost log entries made rows that may be wrong: the file's name says so too.
    const orderFile = lost > 0 ? 'orders-incomplete' : 'orders';
    if (what === 'orders-csv') {
      downloadText(ordersCsv(run.lanes), fileName(run, orderFile, 'csv'), 'text/csv');
    } else if (what === 'ledger-csv') {
      downloadText(ledgerCsv(run.lanes), fileName(run, 'ledger', 'csv'), 'text/csv');
    } else {
      downloadText(
        runJson(run),
        fileName(run, `run${lost > 0 ? '-incomplete' : ''}`, 'json'),
        'application/json',
      );
    }
    const saved =
      what === 'ledger-csv' ? t('export.savedLedger') : t('export.savedOrders', { count: orders });
    const note = cut > 0 ? ` ${t('export.leftOut', { count: cut })}` : '';
    const incomplete =
      lost > 0 && what !== 'ledger-csv'
        ? ` ${t('export.incomplete', { lost: localCount(t, lost) })}`
        : '';
    setStatus(`${saved}${note}${incomplete}`);
  };

  // A new language renames the charts: the list is read again then too.
  const refreshCharts = useCallback(() => {
    const untitled = (n: number) => t('export.chartNumbered', { n });
    const titles = chartsOnPage(document, untitled).map((c) => c.title);
    setCharts((old) => (old.join('\n') === titles.join('\n') ? old : titles));
  }, [t]);
  // Charts come and go with the data (an empty chart has no plot): list them after a redraw, at
  // most once a second (reading them is a walk of the page, and a drag redraws many times).
  const analysisVersion = useSim(selectAnalysisVersion);
  const lastRefresh = useRef(-Infinity);
  useEffect(() => {
    const wait = Math.max(0, lastRefresh.current + 1000 - performance.now());
    const timer = setTimeout(() => {
      lastRefresh.current = performance.now();
      refreshCharts();
    }, wait);
    return () => clearTimeout(timer);
  }, [analysisVersion, refreshCharts]);

  // The chosen chart by its title, or the first while none is chosen or it has gone.
  const chosen = charts.includes(chart) ? chart : (charts[0] ?? '');
  const saveChart = async (format: 'svg' | 'png') => {
    // Copying the chart with its styles reads every element's computed style, and a PNG is drawn
    // and encoded after that (a second and more with a slow CPU, bench:page): the status says so
    // in the next frame, and the work starts once that frame is painted.
    setStatus(t('export.drawingChart', { chart: chosen, format: format.toUpperCase() }));
    await nextPaint();
    const found = chartsOnPage(document, (n) => t('export.chartNumbered', { n })).find(
      (c) => c.title === chosen,
    );
    if (!found) return setStatus(t('export.chartGone'));
    const s = simulator.store.getState();
    // A title in Chinese has no letters for a file's name: the chart's place in the list names it.
    const slug =
      found.title
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase() || `chart-${charts.indexOf(found.title) + 1}`;
    const at = `${Math.round(s.simMs / 100) / 10}s`;
    const name = `sync-vs-async-${slug}-${at}.${format}`;
    const svg = serializeSvg(found.svg, found.title);
    try {
      if (format === 'svg') downloadText(svg, name, 'image/svg+xml');
      else downloadBlob(await svgToPng(svg), name);
      setStatus(t('export.savedChart', { chart: found.title }));
    } catch (error) {
      setStatus(t('export.chartFailed', { reason: (error as Error).message }));
    }
  };

  return (
    <section className="export card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('export.title')}</h2>
      <p className="hint">{t('export.hint')}</p>
      <div className="export-buttons" role="group" aria-label={t('export.dataGroup')}>
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => void saveData('orders-csv')}
        >
          {t('export.ordersCsv')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => void saveData('ledger-csv')}
        >
          {t('export.ledgerCsv')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => void saveData('json')}
        >
          {t('export.json')}
        </button>
        {busy && (
          <button type="button" className="button" onClick={() => running.current?.abort()}>
            {t('export.stop')}
          </button>
        )}
      </div>
      <div className="export-chart" role="group" aria-label={t('export.chartGroup')}>
        <label htmlFor={`${id}-chart`}>{t('export.chart')}</label>
        <select
          id={`${id}-chart`}
          value={chosen}
          onChange={(e) => setChart(e.target.value)}
          // The charts redraw in a deferred render after the list was last read: read it again
          // when the student reaches for it.
          onFocus={refreshCharts}
          onPointerDown={refreshCharts}
        >
          {charts.length === 0 && <option value="">{t('export.noCharts')}</option>}
          {charts.map((title) => (
            <option key={title} value={title}>
              {title}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={charts.length === 0}
          onClick={() => void saveChart('svg')}
        >
          {t('export.chartSvg')}
        </button>
        <button
          type="button"
          className="button"
          disabled={charts.length === 0}
          onClick={() => void saveChart('png')}
        >
          {t('export.chartPng')}
        </button>
      </div>
      <button
        type="button"
        className="button"
        aria-expanded={video}
        onClick={() => setVideo((v) => !v)}
      >
        {t('export.video')}
      </button>
      {video && (
        <Suspense fallback={<p className="hint">{t('export.loadingVideo')}</p>}>
          <VideoExport />
        </Suspense>
      )}
      <HandoutLink />
      <p className="export-status" role="status">
        {status}
      </p>
    </section>
  );
}
