/** The web server's live state: a meter of busy handlers, and how many requests wait for one. */
import type { Mode } from '../../engine/index.ts';
import { formatShortCount } from '../../format/index.ts';
import { useLane } from '../../store/react/hooks.ts';
import type { DiagramLayout } from './geometry.ts';

export function ServerStatus({ mode, layout }: { mode: Mode; layout: DiagramLayout }) {
  const { handlersBusy, handlersTotal, waiting } = useLane(mode, (l) => ({
    handlersBusy: l.handlersBusy,
    handlersTotal: l.handlersTotal,
    waiting: l.waiting,
  }));
  const b = layout.nodes.server;
  const width = b.w - 24;
  const share = handlersTotal > 0 ? Math.min(1, handlersBusy / handlersTotal) : 0;
  const full = handlersBusy >= handlersTotal;
  const count = `${formatShortCount(handlersBusy)} / ${formatShortCount(handlersTotal)}`;
  // Beside the word, the count has room for about 9 characters ("100 / 100", 9 units each); a
  // longer one ("1,000 / 1,000", "56.2K / 100K") ran over it, and takes the line alone.
  const roomy = count.length <= 9;
  return (
    <g className="node-status">
      {roomy && (
        <text className="node-line" x={b.x + 12} y={b.y + 46}>
          handlers
        </text>
      )}
      <text className="node-line node-strong" x={b.x + b.w - 12} y={b.y + 46} textAnchor="end">
        {roomy ? null : <title>{`${count} handlers busy`}</title>}
        {count}
      </text>
      <rect className="meter-track" x={b.x + 12} y={b.y + 54} width={width} height={9} rx={4.5} />
      <rect
        className={`meter-fill${full ? ' meter-full' : ''}`}
        x={b.x + 12}
        y={b.y + 54}
        width={Math.max(share * width, share > 0 ? 5 : 0)}
        height={9}
        rx={4.5}
      />
      <text className={`node-line${waiting > 0 ? ' node-alert' : ''}`} x={b.x + 12} y={b.y + 84}>
        {waiting > 0 ? `${waiting.toLocaleString('en')} in line` : 'no line'}
      </text>
    </g>
  );
}
