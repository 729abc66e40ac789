/** The diagram's node titles: the stage (DiagramSvg), its compact numbers and the exported video
 * all name a node the same way. The queue's title names its broker (QueueStatus draws it). */
import type { Place } from '../../engine/index.ts';
import { isStepNode, type DiagramLayout, type NodeId } from './geometry.ts';

export const PLACE_TITLES: Record<Exclude<Place, 'queue'>, string> = {
  customer: 'Customers',
  server: 'Web server',
  payment: 'Payment',
  database: 'Database',
  worker: 'Workers',
  email: 'Email',
  dlq: 'Dead letters',
};

/** A node's title: a flow step's short label, or the checkout place's. */
export function titleOf(layout: DiagramLayout, place: Exclude<NodeId, 'queue'>): string {
  return isStepNode(place) ? (layout.titles[place]?.short ?? place) : PLACE_TITLES[place];
}
