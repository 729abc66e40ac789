// A SystemView for tests of what is drawn from the engine's view: empty pools unless told.
import type { SystemView } from '../../src/engine/index.ts';

export function systemView(parts: Partial<SystemView>): SystemView {
  return {
    now: 0,
    mode: 'sync',
    handlers: { busy: 0, total: 64, waiting: 0 },
    requests: [],
    visible: [],
    delayed: [],
    workers: [],
    emailDown: false,
    broker: 'sqs',
    partitions: [],
    deadLetters: 0,
    dropped: 0,
    hidden: 0,
    waits: [],
    ...parts,
  };
}
