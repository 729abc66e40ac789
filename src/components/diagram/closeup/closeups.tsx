/** Which close-up each broker opens, the UI's one table keyed by broker: the engine says what a
 * broker's close-up holds (its policy's `inspect`, told apart by `kind`), this says how it is
 * drawn. null: the broker has no close-up (the ideal broker has no state of its own). */
import '../../../i18n/parts/closeups.ts';
import type { ReactNode } from 'react';
import type { Broker, BrokerInspection } from '../../../engine/index.ts';
import type { MessageId } from '../../../i18n/runtime.ts';
import { KafkaCloseup } from './KafkaCloseup.tsx';
import { LeaseCloseup } from './LeaseCloseup.tsx';
import { RabbitCloseup } from './RabbitCloseup.tsx';

export interface CloseupProps {
  state: BrokerInspection;
  /** The newest message the broker dropped, read from the lane's log. */
  lastDrop: { order: number; atMs: number } | null;
}

export type Closeup = (props: CloseupProps) => ReactNode;

const partitions: Closeup = ({ state }) =>
  state.kind === 'partitions' ? <KafkaCloseup state={state} /> : null;

const prefetch: Closeup = ({ state, lastDrop }) =>
  state.kind === 'prefetch' ? <RabbitCloseup state={state} lastDrop={lastDrop} /> : null;

const leases: Closeup = ({ state }) =>
  state.kind === 'leases' ? <LeaseCloseup state={state} /> : null;

export const CLOSEUPS: Readonly<Record<Broker, Closeup | null>> = {
  ideal: null,
  sqs: leases,
  rabbitmq: prefetch,
  kafka: partitions,
  redis: leases,
};

/** Each close-up's heading; the engine's English (its policy's `closeupTitle`) is the catalog's
 * English (closeups.test). null: no close-up. */
export const CLOSEUP_TITLES: Readonly<Record<Broker, MessageId | null>> = {
  ideal: null,
  sqs: 'closeup.sqs.title',
  rabbitmq: 'closeup.rabbitmq.title',
  kafka: 'closeup.kafka.title',
  redis: 'closeup.redis.title',
};
