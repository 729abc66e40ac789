/** The system as a diagram: the edges, the nodes' frames and titles, and their live status lines.
 * Tokens are drawn on a canvas above it (TokenCanvas). */
import type { Mode, Place } from '../../engine/index.ts';
import { MODE_TITLE } from '../modeTitle.ts';
import {
  EDGES,
  EDGES_BY_MODE,
  NODES,
  PLACES_BY_MODE,
  VIEW_H,
  VIEW_W,
  WAITING_AREA,
  pathOf,
  titleBaseline,
} from './geometry.ts';
import { NodeStatus } from './NodeStatus.tsx';
import { ServerStatus } from './ServerStatus.tsx';
import { WorkersStatus } from './WorkersStatus.tsx';
import { EmailStatus } from './EmailStatus.tsx';
import { CompactQueueTitle, QueueStatus } from './QueueStatus.tsx';
import { CompactStatus } from './CompactStatus.tsx';
import type { Detail } from './detail.ts';

const TITLES: Record<Exclude<Place, 'queue'>, string> = {
  customer: 'Customers',
  server: 'Web server',
  payment: 'Payment',
  database: 'Database',
  worker: 'Workers',
  email: 'Email',
  dlq: 'Dead letters',
};

export function DiagramSvg({ mode, detail }: { mode: Mode; detail: Detail }) {
  const full = detail === 'full';
  const titleId = `diagram-${mode}-title`;
  return (
    <svg
      className={`diagram-svg detail-${detail}`}
      viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
      aria-labelledby={titleId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title
        id={titleId}
      >{`${MODE_TITLE[mode]} checkout: the system and what each part is doing`}</title>
      <defs>
        <pattern
          id={`hatch-${mode}`}
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#fbe9df" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#e8b79c" strokeWidth="3" />
        </pattern>
      </defs>
      {EDGES_BY_MODE[mode].map((id) => (
        <path key={id} className={`edge edge-${id}`} d={pathOf(EDGES[id])} />
      ))}
      <rect
        className="waiting-area"
        x={WAITING_AREA.x}
        y={WAITING_AREA.y}
        width={WAITING_AREA.w}
        height={WAITING_AREA.h}
        rx={6}
      />
      {full && (
        <text
          className="area-label"
          x={WAITING_AREA.x + WAITING_AREA.w / 2}
          y={WAITING_AREA.y + WAITING_AREA.h + 16}
          textAnchor="middle"
        >
          waiting line
        </text>
      )}
      {PLACES_BY_MODE[mode].map((place) => {
        const b = NODES[place];
        return (
          <g key={place} className={`node node-${place}`}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
            {/* The queue's title names its broker: QueueStatus draws it. */}
            {place !== 'queue' && (
              <text
                className="node-title"
                x={place === 'customer' ? b.x + b.w / 2 : b.x + 10}
                y={b.y + titleBaseline(place)}
                textAnchor={place === 'customer' ? 'middle' : 'start'}
              >
                {TITLES[place]}
              </text>
            )}
          </g>
        );
      })}
      {full ? (
        <>
          <NodeStatus mode={mode} place="customer" />
          <ServerStatus mode={mode} />
          <NodeStatus mode={mode} place="payment" />
          <NodeStatus mode={mode} place="database" />
          <EmailStatus mode={mode} />
          {mode === 'sync' && (
            <text className="area-note" x={740} y={62} textAnchor="middle">
              <tspan x={740}>No queue here: the server</tspan>
              <tspan x={740} dy={19}>
                calls the email service itself,
              </tspan>
              <tspan x={740} dy={19}>
                and the customer waits for it.
              </tspan>
            </text>
          )}
          {mode === 'async' && (
            <>
              <QueueStatus />
              <WorkersStatus />
              <NodeStatus mode={mode} place="dlq" />
            </>
          )}
        </>
      ) : (
        <>
          {mode === 'async' && <CompactQueueTitle />}
          <CompactStatus mode={mode} />
        </>
      )}
    </svg>
  );
}
