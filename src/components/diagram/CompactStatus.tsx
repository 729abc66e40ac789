/** The diagram at low detail (a slide embed, a phone): each node's one big number (short past
 * 9,999: "107K"), on the node's title row or just below it, clear of the areas where tokens dwell. */
import type { Mode, Place } from '../../engine/index.ts';
import { formatShortCount } from '../../format/index.ts';
import { useLane } from '../../store/hooks.ts';
import type { LaneSnapshot } from '../../store/snapshot.ts';
import { BROKER_NAMES } from '../../engine/index.ts';
import { boxOf, isStepNode, type DiagramLayout, type NodeId } from './geometry.ts';
import { PLACE_TITLES } from './nodeTitles.ts';

/** The number a node stands for, and whether it is bad news. */
function bigNumber(
  layout: DiagramLayout,
  place: NodeId,
  s: LaneSnapshot,
): { text: string; alert: boolean } {
  if (isStepNode(place)) {
    return {
      text: formatShortCount(s.atSteps[layout.titles[place]?.index ?? -1] ?? 0),
      alert: false,
    };
  }
  return placeNumber(place, s);
}

function placeNumber(place: Place, s: LaneSnapshot): { text: string; alert: boolean } {
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
            ? `${formatShortCount(s.workersBusy)} busy`
            : `${formatShortCount(s.workersBusy)}/${formatShortCount(s.workersTotal)} busy`,
        alert: s.workersCrashed > 0,
      };
    case 'email':
      return s.emailDown
        ? { text: 'Down', alert: true }
        : { text: formatShortCount(s.atEmail), alert: false };
    case 'dlq':
      return { text: formatShortCount(s.dlq), alert: s.dlq > 0 };
  }
}

/** Em widths of bold sans-serif text, a little generous (DejaVu Sans Bold, Chromium's fallback
 * on Linux, is among the widest): the title is 21 px (.detail-compact .node-title), the number
 * 24 px (.node-big), or 18 px when tight (.node-big-tight). */
const EM = 0.7;
const TITLE_PX = 21;
const NUMBER_PX = 24;
/** Room kept at both sides of the box and between the title and the number. */
const PADDING = 23;

/** How many characters the node's title has: the queue's is its broker's noun, the longest. */
function titleChars(layout: DiagramLayout, place: NodeId): number {
  if (place === 'queue')
    return Math.max(...Object.values(BROKER_NAMES).map((b) => b.queueNoun.length));
  if (isStepNode(place)) return (layout.titles[place]?.short ?? place).length;
  return PLACE_TITLES[place].length;
}

/** Whether `number` fits on the title row of a box `width` wide beside a title of `chars`. */
export function fitsBeside(chars: number, number: string, width: number): boolean {
  return chars * EM * TITLE_PX + number.length * EM * NUMBER_PX + PADDING <= width;
}

export function CompactStatus({ mode, layout }: { mode: Mode; layout: DiagramLayout }) {
  // Flat primitives (text, and `place!` for alerts), so the shallow comparison skips renders.
  const numbers = useLane(mode, (s) => {
    const out: Record<string, string | boolean> = {};
    for (const place of layout.places) {
      const n = bigNumber(layout, place, s);
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
          return (
            <text key={place} className={className} x={b.x + 10} y={b.y + b.h - 10}>
              {text}
            </text>
          );
        }
        // On the title row, a number that would reach the title is drawn smaller ("Queue1,037").
        const tight = !fitsBeside(titleChars(layout, place), text, b.w);
        return (
          <text
            key={place}
            className={`${className}${tight ? ' node-big-tight' : ''}`}
            x={b.x + b.w - 10}
            y={b.y + 27}
            textAnchor="end"
          >
            {text}
          </text>
        );
      })}
    </g>
  );
}
