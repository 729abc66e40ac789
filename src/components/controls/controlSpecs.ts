/** The settings the control panel offers, as data: which registry key, how it is labelled and
 * which native input shows it. Validation, descriptions, bounds and units come from the engine's
 * registry; what is here is the panel's own copy. */
import {
  BROKER_NAMES,
  BROKERS,
  findSetting,
  numericSetting,
  type Broker,
  type SettingKey,
} from '../../engine/index.ts';
import { RATE_KEY } from '../../store/locks.ts';

/** `slider`: a number on a slider; `latency`: a step's time (a number or a distribution's mean)
 * on a slider; `percent`: a probability on a slider, in per cent; the rest are native inputs. */
export type ControlKind = 'number' | 'slider' | 'latency' | 'percent' | 'switch' | 'select';

export interface ControlSpec {
  key: SettingKey;
  label: string;
  kind: ControlKind;
  /** The unit shown beside the value: the registry's unit unless given. */
  unit?: string;
  /** The unit for exactly one, where it differs ("1 worker"). */
  unitOne?: string;
  /** The unit as a screen reader should say it, where the short one is an abbreviation. */
  spokenUnit?: string;
  /** A number box's spinner step; the bounds are the registry's. */
  step?: number;
  /** A slider's stops, in the control's unit: from the registry's minimum, each pair is (up to,
   * step), so that short times get fine steps and long ones coarse. The registry's maximum
   * caps the last; typing can go beyond the slider, up to the registry's maximum. */
  scale?: readonly (readonly [upTo: number, step: number])[];
  options?: readonly { value: string; label: string }[];
  /** A short explanation under the label: the registry's own description unless given. */
  hint: string;
  /** What the real system does by default, where the simulator's value differs from it or
   * scales its time down. */
  real?: string;
}

/** A control spec whose hint is the registry's description unless given. */
export function spec(s: Omit<ControlSpec, 'hint'> & { hint?: string }): ControlSpec {
  const unit = s.unit ?? numericSetting(s.key)?.unit;
  return {
    ...s,
    ...(unit ? { unit } : {}),
    hint: s.hint ?? findSetting(s.key)?.description ?? '',
  };
}

/** 10 ms steps to 100 ms, 50 to 1 s, 100 to 2 s, 250 to 5 s, then whole seconds to 10 s: the
 * lesson's 50, 200, 800 and 1,500 ms are all stops. */
const LATENCY_SCALE = [
  [100, 10],
  [1000, 50],
  [2000, 100],
  [5000, 250],
  [10_000, 1000],
] as const;

const latency = (key: SettingKey, label: string) =>
  spec({ key, label, kind: 'latency', scale: LATENCY_SCALE });

export const LATENCY_CONTROLS: readonly ControlSpec[] = [
  latency('latency.validate', 'Check payment'),
  latency('latency.charge', 'Charge card'),
  latency('latency.save', 'Save order'),
  latency('latency.email', 'Send email'),
  latency('latency.enqueue', 'Queue the job (async)'),
];

/** Whole per cent: arrows move 1 %, Page Up and Down 10 %. */
export const PERCENT_SCALE = [[100, 1]] as const;

export const EMAIL_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: 'email.failureRate',
    label: 'Email failure rate',
    kind: 'percent',
    unit: '%',
    scale: PERCENT_SCALE,
  }),
  spec({ key: 'email.down', label: 'Email service outage', kind: 'switch' }),
];

export const LOAD_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: RATE_KEY,
    label: 'Orders per second',
    kind: 'slider',
    unit: 'orders/s',
    spokenUnit: 'orders per second',
    unitOne: 'order/s',
    // A teaching range: the spike lesson peaks at 40 a second; typing goes to the registry's 10,000.
    scale: [
      [20, 1],
      [100, 5],
      [200, 10],
    ],
  }),
  spec({
    key: 'workers.count',
    label: 'Workers',
    kind: 'slider',
    unit: 'workers',
    unitOne: 'worker',
    scale: [[50, 1]],
  }),
  spec({
    key: 'server.handlers',
    label: 'Server handlers',
    kind: 'slider',
    unit: 'handlers',
    unitOne: 'handler',
    scale: [
      [20, 1],
      [100, 5],
      [200, 20],
      [500, 50],
      [1000, 100],
    ],
  }),
];

export const ADVANCED_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: 'traffic.spikeRate',
    label: 'Spike orders per second',
    kind: 'number',
    unit: '/s',
    step: 5,
  }),
  spec({
    key: 'traffic.spikeFor',
    label: 'Spike length',
    kind: 'number',
    step: 5,
  }),
  spec({
    key: 'server.timeout',
    label: 'User timeout',
    kind: 'number',
    step: 500,
  }),
  spec({
    key: 'retry.backoff',
    label: 'Backoff',
    kind: 'select',
    options: [
      { value: 'none', label: 'None: retry at once' },
      { value: 'fixed', label: 'Fixed' },
      { value: 'exponential', label: 'Exponential' },
      { value: 'full-jitter', label: 'Exponential, full jitter' },
    ],
  }),
  spec({
    key: 'retry.base',
    label: 'First backoff',
    kind: 'number',
    step: 250,
  }),
  spec({
    key: 'workers.crashRate',
    label: 'Worker crash rate',
    kind: 'percent',
    unit: '%',
    scale: PERCENT_SCALE,
  }),
  spec({ key: 'users.retryOnError', label: 'Users retry on error', kind: 'switch' }),
];

export const BROKER_KEY = 'queue.broker' satisfies SettingKey;

export const BROKER_CONTROL: ControlSpec = spec({
  key: BROKER_KEY,
  label: 'Broker',
  kind: 'select',
  options: BROKERS.map((value) => ({ value, label: BROKER_NAMES[value].label })),
  hint: 'Whose delivery rules the queue follows. Changing the broker restarts the run; your other settings stay.',
});

const deadLetter = (target: string, hint: string, real?: string) =>
  spec({
    key: 'queue.deadLetter',
    label: `${target} configured`,
    kind: 'switch',
    hint,
    ...(real ? { real } : {}),
  });

const tries = (label: string, hint: string, real?: string) =>
  spec({
    key: 'queue.maxReceives',
    label,
    hint,
    kind: 'number',
    step: 1,
    ...(real ? { real } : {}),
  });

/** Each broker's own settings, in its own words, with the real defaults beside the simulator's. */
export const BROKER_CONTROLS: Readonly<Record<Broker, readonly ControlSpec[]>> = {
  ideal: [
    tries(
      'Tries before the dead-letter queue',
      'Failed tries of a message before it goes to the dead-letter queue.',
    ),
    deadLetter('Dead-letter queue', 'Without one, a failing email is retried for ever.'),
  ],
  sqs: [
    spec({
      key: 'queue.visibilityTimeout',
      label: 'Visibility timeout',
      kind: 'number',
      step: 500,
      hint: 'How long a received message stays hidden before it is delivered again.',
      real: 'SQS: 30 s by default, 12 h at most.',
    }),
    tries(
      'maxReceiveCount',
      'Receives before SQS moves a message to the dead-letter queue.',
      'SQS has no default: you choose 1–1000 in the redrive policy.',
    ),
    deadLetter(
      'Dead-letter queue',
      'The redrive policy. Without one, a failing message is received again and again.',
      'Real SQS then deletes it when its retention period ends (4 days by default).',
    ),
  ],
  rabbitmq: [
    spec({
      key: 'queue.prefetch',
      label: 'Prefetch per worker',
      kind: 'number',
      step: 1,
      hint: 'Unacked messages one worker may hold at once (basic.qos).',
      real: 'RabbitMQ’s default is unlimited.',
    }),
    spec({
      key: 'queue.deliveryLimit',
      label: 'Delivery limit',
      kind: 'number',
      step: 1,
      hint: 'Deliveries before the queue gives a message up.',
      real: '20 by default since RabbitMQ 4.0.',
    }),
    deadLetter(
      'Dead-letter exchange',
      'Without one, a message at the delivery limit is dropped: that customer never gets an email.',
    ),
  ],
  kafka: [
    spec({
      key: 'queue.partitions',
      label: 'Partitions',
      kind: 'number',
      step: 1,
      hint: 'One worker reads each, in order. Changing it restarts the run.',
      real: 'Kafka’s default num.partitions is 1.',
    }),
    spec({
      key: 'queue.commitEvery',
      label: 'Commit every N records',
      kind: 'number',
      step: 1,
      hint: 'After a crash, everything since the last commit is replayed.',
      real: 'Real consumers auto-commit every 5 s, or after each poll batch (up to 500 records).',
    }),
    tries(
      'App’s retries before the dead-letter topic',
      'Failed tries of a record before the app skips it to the dead-letter topic.',
      'Kafka counts no deliveries: your application keeps this count.',
    ),
    deadLetter('Dead-letter topic', 'Without one, a failing record blocks its partition for ever.'),
  ],
  redis: [
    spec({
      key: 'queue.minIdle',
      label: 'Min idle time before a claim',
      kind: 'number',
      step: 500,
      hint: 'How long an entry stays pending before another worker may claim it.',
      real: 'No default: you choose it in each XAUTOCLAIM call.',
    }),
    tries(
      'App’s delivery-count limit',
      'Deliveries of an entry before the app moves it to the dead-letter stream.',
      'Redis counts deliveries; your application decides when to give up.',
    ),
    deadLetter('Dead-letter stream', 'Without one, a failing entry is claimed again for ever.'),
  ],
};

/** A sentence about what the simulator leaves out or idealises for a broker, if any. */
export const BROKER_NOTES: Readonly<Partial<Record<Broker, string>>> = {
  ideal:
    'No real broker delivers exactly once: real ones deliver at least once, so a crash can send a second email.',
  rabbitmq: 'The consumer ack timeout (30 min by default) is not modelled.',
};

/** The text a control shows for an engine value, and the engine value for a control's text. */
export function toControl(spec: ControlSpec, engineValue: string): string {
  if (spec.kind === 'percent') return String(Math.round(Number(engineValue) * 1000) / 10);
  return engineValue;
}

export function toEngine(spec: ControlSpec, controlValue: string): string {
  if (spec.kind === 'percent') {
    const n = Number(controlValue);
    return controlValue.trim() === '' || !Number.isFinite(n) ? controlValue : String(n / 100);
  }
  return controlValue;
}
