/** The controls of the dual write, as data: the web server's crash between saving an order and
 * queueing its job, the transactional outbox, and its relay's poll. */
import type { SettingKey } from '../../engine/index.ts';
import { PERCENT_SCALE, spec, type ControlSpec } from './controlSpecs.ts';

export const OUTBOX_KEY = 'queue.outbox' satisfies SettingKey;

/** The dual write (async only): the web server dying between the save and the enqueue, the
 * outbox that makes the crash lose nothing, and its relay's poll, which matters only while the
 * outbox is on (the panel hides it otherwise, as it hides another broker's settings). */
export const DUAL_WRITE_CONTROLS = {
  crashRate: spec({
    key: 'server.crashRate',
    kind: 'percent',
    unit: '%',
    scale: PERCENT_SCALE,
    hint: 'Chance that the web server dies after saving an order and before queueing its email job. The customer sees an error page; without the outbox, nobody ever sends that email.',
  }),
  outbox: spec({
    key: OUTBOX_KEY,
    kind: 'switch',
    hint: 'The email job is written in the same database transaction as the order, and a relay moves it to the queue: a crash after the save loses no email.',
  }),
  poll: spec({
    key: 'queue.outboxPollMs',
    kind: 'number',
    step: 100,
    hint: 'How often the relay moves waiting jobs to the queue. Each email is later by half of it on average.',
  }),
} as const satisfies Record<string, ControlSpec>;
