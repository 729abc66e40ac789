/** The system as a diagram: the edges, the nodes' frames and titles, and their live status lines.
 * Tokens are drawn on a canvas above it (TokenCanvas). */
import { useMemo } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { flowName } from '../flowWords.ts';
import { useLaneFlow } from '../useLaneFlow.ts';
import {
  boxOf,
  edgeOf,
  isStepNode,
  pathOf,
  titleBaseline,
  type DiagramLayout,
} from './geometry.ts';
import { NodeStatus, StepStatus } from './NodeStatus.tsx';
import { ServerStatus } from './ServerStatus.tsx';
import { WorkersStatus } from './WorkersStatus.tsx';
import { EmailStatus } from './EmailStatus.tsx';
import { CompactQueueTitle, QueueStatus } from './QueueStatus.tsx';
import { CompactStatus } from './CompactStatus.tsx';
import type { Detail } from './detail.ts';
import { NodeTitle } from './NodeTitle.tsx';
import { titleOf } from './nodeTitles.ts';
import { measureNote, NOTE_WIDTH, wrapLines } from './noteLines.ts';

/** The title names the lane after its flow ("Synchronous password check"). */
export function DiagramSvg({
  mode,
  detail,
  layout,
}: {
  mode: Mode;
  detail: Detail;
  layout: DiagramLayout;
}) {
  const t = useT();
  const flow = useLaneFlow(mode);
  const full = detail === 'full';
  const wait = layout.waitingArea;
  const note = layout.note;
  const noteText = note.text === null ? '' : t(note.text);
  const noteLines = useMemo(
    () => wrapLines(noteText, NOTE_WIDTH[note.lines], measureNote),
    [noteText, note.lines],
  );
  const titleId = `diagram-${mode}-title`;
  return (
    <svg
      className={`diagram-svg detail-${detail} layout-${layout.kind}`}
      viewBox={`0 0 ${layout.w} ${layout.h}`}
      aria-labelledby={titleId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{t('stage.diagramTitle', { mode, flow: flowName(t, flow) })}</title>
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
        <path
          key={id}
          className={`edge edge-${id.split(':')[0]!}`}
          d={pathOf(edgeOf(layout, id))}
        />
      ))}
      <rect className="waiting-area" x={wait.x} y={wait.y} width={wait.w} height={wait.h} rx={6} />
      {full && (
        <text
          className="area-label"
          x={layout.waitingLabel.x}
          y={layout.waitingLabel.y}
          textAnchor={layout.waitingLabel.anchor}
        >
          {t('stage.waitingLine')}
        </text>
      )}
      {layout.places.map((place) => {
        const b = boxOf(layout, place);
        const step = isStepNode(place) ? layout.titles[place] : undefined;
        return (
          <g
            key={place}
            className={step ? 'node node-step' : `node node-${place}`}
            data-node={place}
          >
            {step && <title>{step.full}</title>}
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
            {/* The queue's title names its broker: QueueStatus draws it. */}
            {place !== 'queue' && (
              <NodeTitle
                // Measured again at each level of detail, whose title size differs.
                key={detail}
                text={titleOf(t, layout, place, !full)}
                x={place === 'customer' ? b.x + b.w / 2 : b.x + 10}
                y={b.y + titleBaseline(place)}
                room={b.w - 20}
                detail={detail}
                anchor={place === 'customer' ? 'middle' : 'start'}
              />
            )}
          </g>
        );
      })}
      {full ? (
        <>
          <NodeStatus mode={mode} place="customer" layout={layout} />
          <ServerStatus mode={mode} layout={layout} />
          {layout.places.includes('payment') && (
            <NodeStatus mode={mode} place="payment" layout={layout} />
          )}
          {layout.places.includes('database') && (
            <NodeStatus mode={mode} place="database" layout={layout} />
          )}
          {layout.places.includes('email') && <EmailStatus mode={mode} layout={layout} />}
          <StepStatus mode={mode} layout={layout} />
          {noteLines.length > 0 && (
            <text className="area-note" x={note.x} y={note.y} textAnchor="middle">
              {noteLines.map((line, i) => (
                <tspan key={line} x={note.x} dy={i === 0 ? 0 : 19}>
                  {line}
                </tspan>
              ))}
            </text>
          )}
          {layout.places.includes('queue') && (
            <>
              <QueueStatus layout={layout} />
              <WorkersStatus layout={layout} />
              <NodeStatus mode={mode} place="dlq" layout={layout} />
            </>
          )}
        </>
      ) : (
        <>
          {layout.places.includes('queue') && <CompactQueueTitle layout={layout} />}
          <CompactStatus mode={mode} layout={layout} />
        </>
      )}
    </svg>
  );
}
