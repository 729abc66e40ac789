/** The diagram at low detail (a slide embed, a phone): each node's one big number (short past
 * 9,999: "107K"), on the node's title row or just below it, clear of the areas where tokens dwell. */
import { isBroker, type Mode, type Place } from '../../engine/index.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import { useLane, useSim } from '../../store/react/hooks.ts';
import type { LaneSnapshot } from '../../store/publish/snapshot.ts';
import { QUEUE_NOUNS } from './brokerLayout.ts';
import { boxOf, isStepNode, type DiagramLayout, type NodeId } from './geometry.ts';
import { localShortCount } from './localCount.ts';
import { titleOf } from './nodeTitles.ts';

/** The number a node stands for, and whether it is bad news. */
function bigNumber(
  t: Translate,
  layout: DiagramLayout,
  place: NodeId,
  s: LaneSnapshot,
): { text: string; alert: boolean } {
  if (isStepNode(place)) {
    return {
      text: localShortCount(t.locale, s.atSteps[layout.titles[place]?.index ?? -1] ?? 0),
      alert: false,
    };
  }
  return placeNumber(t, place, s);
}

function placeNumber(
  t: Translate,
  place: Place,
  s: LaneSnapshot,
): { text: string; alert: boolean } {
  const formatShortCount = (n: number) => localShortCount(t.locale, n);
  switch (place) {
    case 'customer':
      return { text: formatShortCount(s.usersWaiting), alert: false };
    case 'server':
      return {
        text: `${formatShortCount(s.handlersBusy)}/${formatShortCount(s.handlersTotal)}`,
        alert: s.waiting > 0,
      };
    case 'payment':
      return { text: formatShortCount(s.atPayment), alert: false };
    case 'database':
      return { text: formatShortCount(s.atDatabase), alert: false };
    case 'queue':
      return { text: formatShortCount(s.queueDepth + s.delayed + s.hidden), alert: false };
    case 'worker':
      return {
        // After a cut, workers beyond the new count finish their last message: not "6/0 busy".
        text:
          s.workersLeaving > 0
            ? t('node.compact.busy', { busy: formatShortCount(s.workersBusy) })
            : t('node.compact.busyShort', {
                busy: formatShortCount(s.workersBusy),
                total: formatShortCount(s.workersTotal),
              }),
        alert: s.workersCrashed > 0,
      };
    case 'email':
      return s.emailDown
        ? { text: t('node.down'), alert: true }
        : { text: formatShortCount(s.atEmail), alert: false };
    case 'dlq':
      return { text: formatShortCount(s.dlq), alert: s.dlq > 0 };
  }
}

/** The width of bold sans-serif text in ems, a little generous (DejaVu Sans Bold, Chromium's
 * fallback on Linux, is among the widest fonts): narrow letters, wide ones, capitals, digits, and
 * Chinese characters and punctuation a whole em each. */
export function boldEms(text: string): number {
  let ems = 0;
  for (const c of text) {
    if (c >= '\u2e80') ems += 1;
    else if ('iljtfr.,: '.includes(c)) ems += 0.42;
    else if ('mwMW'.includes(c)) ems += 1.04;
    else if (c >= 'A' && c <= 'Z') ems += 0.8;
    else ems += 0.7;
  }
  return ems;
}

/** The title is 21 px (.detail-compact .node-title), the number 24 px (.node-big); both sit 10 px
 * in from the box's sides, with 4 px between them (small text is hinted wider than its estimate). */
const TITLE_PX = 21;
const NUMBER_PX = 24;
const PADDING = 24;

/** The node's title as the compact diagram draws it; the queue's is its broker's noun. */
function titleText(
  t: Translate,
  layout: DiagramLayout,
  place: NodeId,
  broker: string | undefined,
): string {
  if (place === 'queue') return t(broker && isBroker(broker) ? QUEUE_NOUNS[broker] : 'node.queue');
  return titleOf(t, layout, place, true);
}

/** Whether `number` fits on the title row of a box `width` wide beside `title`. */
export function fitsBeside(title: string, number: string, width: number): boolean {
  return boldEms(title) * TITLE_PX + boldEms(number) * NUMBER_PX + PADDING <= width;
}

export function CompactStatus({ mode, layout }: { mode: Mode; layout: DiagramLayout }) {
  const t = useT();
  // Flat primitives (text, and `place!` for alerts), so the shallow comparison skips renders.
  const broker = useSim((s) => s.values['queue.broker']);
  const numbers = useLane(mode, (s) => {
    const out: Record<string, string | boolean> = {};
    for (const place of layout.places) {
      const n = bigNumber(t, layout, place, s);
      out[place] = n.text;
      out[`${place}!`] = n.alert;
    }
    return out;
  });
  return (
    <g className="node-status compact-status">
      {layout.places.map((place) => {
        const b = boxOf(layout, place);
        const text = String(numbers[place] ?? '');
        const className = `node-big${numbers[`${place}!`] ? ' node-alert' : ''}`;
        // Where the title fills its row, the number goes below it ("Email" and "Down" side by
        // side ran together at some widths).
        // So too a dead-letter node narrower than the checkout's wide one (a generated layout's).
        const under = place === 'email' || isStepNode(place) || (place === 'dlq' && b.w < 190);
        if (place === 'customer' || place === 'server' || under) {
          return (
            <text
              key={place}
              className={className}
              x={place === 'customer' ? b.x + b.w / 2 : b.x + 10}
              y={b.y + (under ? 52 : 56)}
              textAnchor={place === 'customer' ? 'middle' : 'start'}
            >
              {text}
            </text>
          );
        }
        if (place === 'worker') {
          // "10/10 busy" is wider than the checkout's workers box: the count, then "busy" below.
          const [count, ...rest] = text.split(' ');
          if (fitsBeside('', text, b.w) || rest.length === 0) {
            return (
              <text key={place} className={className} x={b.x + 10} y={b.y + b.h - 10}>
                {text}
              </text>
            );
          }
          return (
            <g key={place}>
              <text className={className} x={b.x + 10} y={b.y + b.h - 36}>
                {count}
              </text>
              <text className={`${className} node-big-word`} x={b.x + 10} y={b.y + b.h - 8}>
                {rest.join(' ')}
              </text>
            </g>
          );
        }
        // A count that would reach its title ("Queue1,037", or a longer title in another
        // language) steps down a line, at the right, clear of the waiting jobs drawn at the left.
        const down = !fitsBeside(titleText(t, layout, place, broker), text, b.w);
        return (
          <text
            key={place}
            className={className}
            x={b.x + b.w - 10}
            y={b.y + (down ? 56 : 27)}
            textAnchor="end"
          >
            {text}
          </text>
        );
      })}
    </g>
  );
}
