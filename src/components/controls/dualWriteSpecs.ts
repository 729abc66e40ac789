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
    hintId: 'dualWrite.crashRate.help',
  }),
  outbox: spec({
    key: OUTBOX_KEY,
    kind: 'switch',
    hintId: 'dualWrite.outbox.help',
  }),
  poll: spec({
    key: 'queue.outboxPollMs',
    kind: 'number',
    step: 100,
    hintId: 'dualWrite.poll.help',
  }),
} as const satisfies Record<string, ControlSpec>;
