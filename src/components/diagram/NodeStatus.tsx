/** The live status line of a simple node: how many are there right now (a flow step's node: how
 * many requests or jobs are at that step). */
import type { Mode, Place } from '../../engine/index.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import { useLane } from '../../store/react/hooks.ts';
import type { LaneSnapshot } from '../../store/publish/snapshot.ts';
import { boxOf, isStepNode, type DiagramLayout } from './geometry.ts';

type Simple = 'customer' | 'payment' | 'database' | 'dlq';

function line(t: Translate, place: Simple, s: LaneSnapshot): string {
  switch (place) {
    case 'customer':
      return t('node.waiting', { count: s.usersWaiting });
    case 'payment':
      return t('node.charging', { count: s.atPayment });
    case 'database':
      return t('node.saving', { count: s.atDatabase });
    case 'dlq':
      return t('node.givenUp', { count: s.dlq });
  }
}

export function NodeStatus({
  mode,
  place,
  layout,
}: {
  mode: Mode;
  place: Place & Simple;
  layout: DiagramLayout;
}) {
  const t = useT();
  const { text } = useLane(mode, (l) => ({ text: line(t, place, l) }));
  const b = layout.nodes[place];
  switch (place) {
    case 'dlq':
      return (
        <text className="node-line" x={b.x + 12} y={b.y + 44}>
          {text}
        </text>
      );
    case 'customer':
      return (
        <g className="node-status">
          <g
            transform={`translate(${b.x + b.w / 2 - 12} ${b.y + 34})`}
            className="person"
            aria-hidden="true"
          >
            <circle cx="12" cy="7" r="7" />
            <path d="M-1 34c0-9 5.8-14 13-14s13 5 13 14z" />
          </g>
          <text className="node-line" x={b.x + b.w / 2} y={b.y + b.h - 12} textAnchor="middle">
            {text}
          </text>
        </g>
      );
    default:
      return (
        <text className="node-line" x={b.x + 12} y={b.y + 44}>
          {text}
        </text>
      );
  }
}

/** "N working" in each step node of a generated layout: requests at the step, or workers on its
 * jobs. */
export function StepStatus({ mode, layout }: { mode: Mode; layout: DiagramLayout }) {
  const t = useT();
  const nodes = layout.places.filter(isStepNode);
  const counts = useLane(mode, (l) => {
    const out: Record<string, number> = {};
    for (const node of nodes) out[node] = l.atSteps[layout.titles[node]?.index ?? -1] ?? 0;
    return out;
  });
  return (
    <>
      {nodes.map((node) => {
        const b = boxOf(layout, node);
        return (
          <text key={node} className="node-line" x={b.x + 12} y={b.y + 44}>
            {t('node.working', { count: counts[node] ?? 0 })}
          </text>
        );
      })}
    </>
  );
}
