/** A run's state at its start, built from what the run is asked to do (SimulationInput). */
import { newPartition } from './entities.ts';
import { createEventList } from './eventList.ts';
import { stepIndexOf } from './flow.ts';
import { CHECK_EVERY, RUN_LIMITS, type RunLimits } from './limits.ts';
import { createLog } from './log.ts';
import { createMetrics } from './metrics.ts';
import { BROKER_NAMES } from './queue/brokers.ts';
import { createFifo } from './ring.ts';
import { createStreams } from './rng.ts';
import { FIRST_STEP_LANE } from './schedule.ts';
import type { Config, Mode, TimedChange } from './settings.ts';
import type { SimState } from './state.ts';
import { flowStreams, runStepsOf } from './steps.ts';

export interface SimulationInput {
  config: Config;
  mode: Mode;
  seed: number;
  /** Orders arrive during this many ms of simulated time. */
  durationMs: number;
  changes?: readonly TimedChange[];
  /** Keep an event log of this many entries for the UI (0: none, the fastest). */
  logCapacity?: number;
  /** Budgets smaller than the command line's (RUN_LIMITS), for a caller with less room. */
  limits?: Partial<RunLimits>;
}

export function createState(input: SimulationInput): SimState {
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to ${0xffffffff}`);
  }
  if (!(input.durationMs >= 0)) {
    throw new RangeError('durationMs must be a number of ms, 0 or more');
  }
  const atOneInstant = Math.min(
    input.limits?.atOneInstant ?? RUN_LIMITS.atOneInstant,
    RUN_LIMITS.atOneInstant,
  );
  const streams = createStreams(input.seed, flowStreams(input.config.flow));
  const config = structuredClone(input.config);
  const compiled = runStepsOf(config.flow, input.mode, streams);
  return {
    mode: input.mode,
    seed: input.seed,
    durationMs: input.durationMs,
    config,
    now: 0,
    seq: 0,
    events: 0,
    heap: createEventList(FIRST_STEP_LANE + compiled.steps.length),
    streams,
    changes: [...(input.changes ?? [])].sort((a, b) => a.atMs - b.atMs),
    nextOrderId: 1,
    nextMessageId: 1,
    arrivals: { placed: 0, budget: 0, fromMs: 0, gen: 0, pending: false },
    changesPending: 0,
    live: [],
    liveNext: 0,
    liveAt: Infinity,
    server: {
      steps: compiled.steps,
      runs: compiled.runs,
      jobs: compiled.jobs,
      failedLate: {},
      openOrders: 0,
      retriesPending: 0,
      handlerQueue: createFifo(),
      handlersBusy: 0,
      patience: createFifo(),
      sweepGen: 0,
      sweepAt: Infinity,
    },
    queue: {
      visible: createFifo(),
      front: 0,
      delayed: 0,
      idle: createFifo(),
      rr: 0,
      redriveGen: 0,
      redriveAt: Infinity,
    },
    kafka: {
      partitions:
        input.mode === 'async' && BROKER_NAMES[input.config.queue.broker].partitioned
          ? Array.from({ length: input.config.queue.partitions }, (_, id) => newPartition(id))
          : [],
      backlog: 0,
      ready:
        input.mode === 'async' && BROKER_NAMES[input.config.queue.broker].partitioned
          ? new Array<number>(Math.ceil(input.config.queue.partitions / 32)).fill(0)
          : [],
      groupLeft: 0,
      rebalanced: false,
      tree: [],
      lead: [],
      members: 0,
      groupCount: -1,
      groupSize: -1,
      uncommitted: 0,
    },
    rabbitmq: { buffered: 0, room: [], roomCount: 0, roomFor: [-1, -1] },
    outbox: { rows: [], pollAt: Infinity },
    email: { outageGen: 0, inOutage: false, ok: true },
    workers: [],
    inflight: 0,
    dlq: [],
    metrics: createMetrics(config.flow.steps.length, stepIndexOf(config.flow, 'email')),
    log: input.logCapacity ? createLog(input.logCapacity) : null,
    stopped: null,
    budget: {
      checkAt: Math.min(CHECK_EVERY, Math.ceil(atOneInstant / 4)),
      stallAtMs: -1,
      stallFromEvents: 0,
      finishedSeen: 0,
      expiredFrom: 0,
      maxHeld: Math.min(input.limits?.held ?? RUN_LIMITS.held, RUN_LIMITS.held),
      maxEvents: Math.min(input.limits?.events ?? RUN_LIMITS.events, RUN_LIMITS.events),
      maxAtOneInstant: atOneInstant,
    },
  };
}
