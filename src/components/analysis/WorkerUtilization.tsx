/** How busy the workers and the server's request handlers are: the share of time so far from the
 * report, and what each worker is doing right now, told by shape and word as well as colour. */
import '../../i18n/parts/analysis.ts';
import { useId } from 'react';
import { localPercent } from '../../i18n/numbers.ts';
import { useT } from '../../i18n/react.tsx';
import type { Report, SystemView, WorkerView } from '../../engine/index.ts';
import { COLOURS, OUTLINE, SURFACE } from './palette.ts';
import './analysis.css';

export interface WorkerUtilizationProps {
  /** The lane's report: workers.utilization and server.utilization. */
  report: Report;
  /** The lane's live view: its workers and handlers now. */
  view: Pick<SystemView, 'workers' | 'handlers' | 'totals'>;
  /** The lane's name in Compare mode. */
  label?: string;
}

/** Above this many workers, one stacked bar replaces a square per worker. */
const MAX_SQUARES = 48;
const SIZE = 18;
const GAP = 4;

type Live = 'busy' | 'idle' | 'crashed';

function liveOf(w: WorkerView): Live | null {
  return w.state === 'retired' ? null : w.state;
}

export function WorkerUtilization({ report, view, label }: WorkerUtilizationProps) {
  const id = useId();
  const t = useT();
  // Counted from the view's totals: its list of workers holds only the first few hundred.
  const { busy, idle, crashed } = view.totals.workers;
  const counts = { busy, idle, crashed };
  const liveCount = busy + idle + crashed;
  const live =
    liveCount <= MAX_SQUARES ? view.workers.map(liveOf).filter((s): s is Live => s !== null) : [];
  const title = label
    ? t('analysis.workers.titleOf', { lane: label })
    : t('analysis.workers.title');
  const { handlers } = view;
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="an-title">
        {title}
      </h3>
      <p className="an-description">
        {t('analysis.workers.handlers', {
          busy: handlers.busy,
          total: handlers.total,
          waiting: handlers.waiting,
          share: localPercent(t, report.server.utilization),
        })}
      </p>
      {report.mode === 'sync' ? (
        <p className="an-description">{t('analysis.workers.sync')}</p>
      ) : liveCount === 0 ? (
        <p className="an-description">{t('analysis.workers.none')}</p>
      ) : (
        <>
          <p className="an-description">
            {t('analysis.workers.workers', {
              busy: counts.busy,
              idle: counts.idle,
              crashed: counts.crashed,
              share: localPercent(t, report.workers.utilization),
            })}
          </p>
          {liveCount <= MAX_SQUARES ? <Squares live={live} /> : <StackedBar counts={counts} />}
          <p className="an-legend" aria-hidden="true">
            <Glyph state="busy" /> {t('analysis.workers.busy')} <Glyph state="idle" />{' '}
            {t('analysis.workers.idle')} <Glyph state="crashed" /> {t('analysis.workers.crashed')}
          </p>
        </>
      )}
    </section>
  );
}

function Glyph({ state, x = 0, y = 0 }: { state: Live; x?: number; y?: number }) {
  const fill = state === 'busy' ? COLOURS.worker : state === 'crashed' ? COLOURS.bad : SURFACE;
  const inline = x === 0 && y === 0;
  const shape = (
    <g transform={`translate(${x},${y})`}>
      <rect
        width={SIZE}
        height={SIZE}
        rx={state === 'idle' ? SIZE / 2 : 2}
        style={{ fill }}
        stroke={OUTLINE}
        strokeWidth={1.5}
      />
      {state === 'crashed' ? (
        <path
          d={`M4,4 L${SIZE - 4},${SIZE - 4} M${SIZE - 4},4 L4,${SIZE - 4}`}
          stroke={OUTLINE}
          strokeWidth={2}
        />
      ) : null}
      {state === 'busy' ? (
        <path d={`M6,4 L${SIZE - 4},${SIZE / 2} L6,${SIZE - 4} Z`} fill={OUTLINE} />
      ) : null}
    </g>
  );
  return inline ? (
    <svg width={SIZE} height={SIZE} viewBox={`-1 -1 ${SIZE + 2} ${SIZE + 2}`} aria-hidden="true">
      {shape}
    </svg>
  ) : (
    shape
  );
}

function Squares({ live }: { live: readonly Live[] }) {
  const perRow = 16;
  const rows = Math.ceil(live.length / perRow);
  const width = Math.min(live.length, perRow) * (SIZE + GAP);
  return (
    <svg
      className="an-svg"
      style={{ maxWidth: width }}
      viewBox={`-1 -1 ${width + 2} ${rows * (SIZE + GAP) + 2}`}
      aria-hidden="true"
    >
      {live.map((state, i) => (
        <Glyph
          key={i}
          state={state}
          x={(i % perRow) * (SIZE + GAP)}
          y={Math.floor(i / perRow) * (SIZE + GAP)}
        />
      ))}
    </svg>
  );
}

function StackedBar({ counts }: { counts: Record<Live, number> }) {
  const total = counts.busy + counts.idle + counts.crashed;
  const width = 320;
  let x = 0;
  const parts = (['busy', 'idle', 'crashed'] as const).map((state) => {
    const w = total > 0 ? (counts[state] / total) * width : 0;
    const part = { state, x, w };
    x += w;
    return part;
  });
  return (
    <svg className="an-svg" viewBox={`-1 -1 ${width + 2} ${SIZE + 2}`} aria-hidden="true">
      {parts.map((p) => (
        <rect
          key={p.state}
          x={p.x}
          width={p.w}
          height={SIZE}
          style={{
            fill:
              p.state === 'busy' ? COLOURS.worker : p.state === 'crashed' ? COLOURS.bad : SURFACE,
          }}
          stroke={OUTLINE}
        />
      ))}
    </svg>
  );
}
