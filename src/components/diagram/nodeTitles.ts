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

/** A node's title: a flow step's short label (the layout made it from the step's name in the
 * language on), or the checkout place's. */
export function titleOf(
  t: (id: MessageId) => string,
  layout: DiagramLayout,
  place: Exclude<NodeId, 'queue'>,
): string {
  return isStepNode(place) ? (layout.titles[place]?.short ?? place) : t(PLACE_TITLES[place]);
}
