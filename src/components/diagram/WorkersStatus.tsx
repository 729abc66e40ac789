/** The async workers: one glyph per worker (idle, busy or crashed, shown by shape as well as
 * colour) and the counts; with RabbitMQ, a badge on each worker for the messages it holds under
 * its prefetch. */
import './brokers.css';
import { brokerFacts } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { useLane } from '../../store/react/hooks.ts';
import { WORKERS_DRAWN } from '../../store/publish/snapshot.ts';
import {
  heldBadge,
  heldTotalText,
  leavingSentence,
  leavingText,
  workerSlot,
  workersLine,
} from './brokerLayout.ts';
import type { Box, DiagramLayout } from './geometry.ts';
import { useBrokerSummary } from './useBrokerSummary.ts';
import { useTextWidth } from './useTextWidth.ts';

const SIZE = 15;

/** Centred above its worker when the workers fit in one row; in two rows, on its top-right
 * corner, since the row above leaves no room. */
function HeldBadge({ held, x, y, above }: { held: number; x: number; y: number; above: boolean }) {
  const t = useT();
  const text = heldBadge(held);
  const [ref, textW] = useTextWidth(text, text.length * 8);
  const w = 8 + textW;
  return (
    <g
      className="held-badge"
      transform={
        above
          ? `translate(${x + SIZE / 2 - w / 2} ${y - 19})`
          : `translate(${x + SIZE - 6} ${y - 10})`
      }
    >
      <title>{t('node.heldBadgeWhy', { count: held })}</title>
      <rect width={w} height={17} rx={8.5} />
      <text ref={ref} x={w / 2} y={13} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** The held total on a tab across the node's top edge, like the queue's broker tag. */
function HeldTag({ held, b }: { held: number; b: Box }) {
  const t = useT();
  const text = heldTotalText(t, held);
  const [ref, textW] = useTextWidth(text, text.length * 7.5);
  const w = 16 + textW;
  return (
    <g className="held-badge held-tag" transform={`translate(${b.x + 8} ${b.y - 9})`}>
      <title>{t('node.heldTotalWhy', { count: held })}</title>
      <rect width={w} height={19} rx={9.5} />
      <text ref={ref} x={w / 2} y={13.5} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** Just under the node, while workers beyond a cut finish their last message. */
function LeavingTag({ leaving, total, b }: { leaving: number; total: number; b: Box }) {
  const t = useT();
  const text = leavingText(t, leaving);
  const [ref, textW] = useTextWidth(text, text.length * 7.5);
  const w = 16 + textW;
  return (
    <g className="leaving-tag" transform={`translate(${b.x + 8} ${b.y + b.h + 3})`}>
      <title>{leavingSentence(t, leaving, total)}</title>
      <rect width={w} height={19} rx={9.5} />
      <text ref={ref} x={w / 2} y={13.5} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

export function WorkersStatus({ layout }: { layout: DiagramLayout }) {
  const t = useT();
  const { workerStates, workersBusy, workersLeaving, workersCrashed, workersTotal } = useLane(
    'async',
    (l) => ({
      workerStates: l.workerStates,
      workersBusy: l.workersBusy,
      workersLeaving: l.workersLeaving,
      workersCrashed: l.workersCrashed,
      workersTotal: l.workersTotal,
    }),
  );
  const { broker, prefetched, held } = useBrokerSummary('async');
  const prefetches = brokerFacts(broker).prefetches;
  const b = layout.nodes.worker;
  const glyphs = [...workerStates].slice(0, WORKERS_DRAWN);
  const busy = workersLine(t, workersBusy, workersLeaving, workersCrashed, workersTotal);
  return (
    <g className="node-status">
      {glyphs.map((state, i) => {
        const at = workerSlot(i, glyphs.length, prefetches);
        if (!at) return null;
        const x = b.x + at.x;
        const y = b.y + at.y;
        const holds = prefetches ? (prefetched[i] ?? 0) : 0;
        return (
          <g key={i}>
            <g className={`worker worker-${state}`} transform={`translate(${x} ${y})`}>
              <rect width={SIZE} height={SIZE} rx={3} />
              {state === 'b' && (
                <circle cx={SIZE / 2} cy={SIZE / 2} r={3.5} className="worker-mark" />
              )}
              {state === 'c' && <path d="M4 4l7 7M11 4l-7 7" className="worker-mark" />}
            </g>
            {holds > 0 && <HeldBadge held={holds} x={x} y={y} above={glyphs.length <= 4} />}
          </g>
        );
      })}
      <text className="node-line" x={b.x + 10} y={b.y + b.h - 12}>
        {busy}
      </text>
      {prefetches && held > 0 && <HeldTag held={held} b={b} />}
      {workersLeaving > 0 && <LeavingTag leaving={workersLeaving} total={workersTotal} b={b} />}
    </g>
  );
}
