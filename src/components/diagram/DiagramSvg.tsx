/** The system as a diagram: the edges, the nodes' frames and titles, and their live status lines.
 * Tokens are drawn on a canvas above it (TokenCanvas). */
import type { Mode, Place } from '../../engine/index.ts';
import { MODE_TITLE } from '../modeTitle.ts';
import { pathOf, titleBaseline, type DiagramLayout } from './geometry.ts';
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

/** The sync lane's note, where the async lane has its queue: three lines beside the email service
 * in the wide layout, five in the tall layout's narrower column. */
const NOTE: Record<'wide' | 'narrow', readonly string[]> = {
  wide: [
    'No queue here: the server',
    'calls the email service itself,',
    'and the customer waits for it.',
  ],
  narrow: [
    'No queue here:',
    'the server calls',
    'the email service',
    'itself, and the',
    'customer waits.',
  ],
};

export function DiagramSvg({
  mode,
  detail,
  layout,
}: {
  mode: Mode;
  detail: Detail;
  layout: DiagramLayout;
}) {
  const full = detail === 'full';
  const wait = layout.waitingArea;
  const note = layout.note;
  const titleId = `diagram-${mode}-title`;
  return (
    <svg
      className={`diagram-svg detail-${detail} layout-${layout.kind}`}
      viewBox={`0 0 ${layout.w} ${layout.h}`}
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
          {/* Colours in diagram.css and themes.css, so the words over it keep their contrast. */}
          <rect className="hatch-ground" width="8" height="8" />
          <line className="hatch-stripe" x1="0" y1="0" x2="0" y2="8" strokeWidth="3" />
        </pattern>
      </defs>
      {layout.edgeIds.map((id) => (
        <path key={id} className={`edge edge-${id}`} d={pathOf(layout.edges[id])} />
      ))}
      <rect className="waiting-area" x={wait.x} y={wait.y} width={wait.w} height={wait.h} rx={6} />
      {full && (
        <text
          className="area-label"
          x={layout.waitingLabel.x}
          y={layout.waitingLabel.y}
          textAnchor={layout.waitingLabel.anchor}
        >
          waiting line
        </text>
      )}
      {layout.places.map((place) => {
        const b = layout.nodes[place];
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
          <NodeStatus mode={mode} place="customer" layout={layout} />
          <ServerStatus mode={mode} layout={layout} />
          <NodeStatus mode={mode} place="payment" layout={layout} />
          <NodeStatus mode={mode} place="database" layout={layout} />
          <EmailStatus mode={mode} layout={layout} />
          {mode === 'sync' && (
            <text className="area-note" x={note.x} y={note.y} textAnchor="middle">
              {NOTE[note.lines].map((line, i) => (
                <tspan key={line} x={note.x} dy={i === 0 ? 0 : 19}>
                  {line}
                </tspan>
              ))}
            </text>
          )}
          {mode === 'async' && (
            <>
              <QueueStatus layout={layout} />
              <WorkersStatus layout={layout} />
              <NodeStatus mode={mode} place="dlq" layout={layout} />
            </>
          )}
        </>
      ) : (
        <>
          {mode === 'async' && <CompactQueueTitle layout={layout} />}
          <CompactStatus mode={mode} layout={layout} />
        </>
      )}
    </svg>
  );
}
