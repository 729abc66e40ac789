/** The diagram's node titles: the stage (DiagramSvg), its compact numbers and the exported video
 * all name a node the same way, in the language on. The queue's title names its broker
 * (QueueStatus draws it). */
import type { Place } from '../../engine/index.ts';
import type { MessageId } from '../../i18n/runtime.ts';
import { isStepNode, type DiagramLayout, type NodeId } from './geometry.ts';

export const PLACE_TITLES: Record<Exclude<Place, 'queue'>, MessageId> = {
  customer: 'node.customer',
  server: 'node.server',
  payment: 'node.payment',
  database: 'node.database',
  worker: 'node.worker',
  email: 'node.email',
  dlq: 'node.dlq',
};

/** The titles at low detail, in 21-unit bold type beside a big number: where a language's
 * title is too long for its node there ("Base de datos"), a shorter one ("BD"). */
export const COMPACT_TITLES: Record<Exclude<Place, 'queue'>, MessageId> = {
  customer: 'node.compact.customer',
  server: 'node.compact.server',
  payment: 'node.compact.payment',
  database: 'node.compact.database',
  worker: 'node.compact.worker',
  email: 'node.compact.email',
  dlq: 'node.compact.dlq',
};

/** A node's title: a flow step's short label (the layout made it from the step's name in the
 * language on, short enough for low detail), or the checkout place's, at the detail drawn. */
export function titleOf(
  t: (id: MessageId) => string,
  layout: DiagramLayout,
  place: Exclude<NodeId, 'queue'>,
  compact = false,
): string {
  if (isStepNode(place)) return layout.titles[place]?.short ?? place;
  return t((compact ? COMPACT_TITLES : PLACE_TITLES)[place]);
}
