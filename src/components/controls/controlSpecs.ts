/** The settings the control panel offers, as data: which registry key and which native input
 * shows it, with its slider stops. The bounds and unit come from the engine's registry entry; the
 * words are the catalog's (`setting.<key>.label` and `.help`, a broker's own settings
 * `broker.<broker>.<key>.*`), whose English is the registry's, and localSpec.ts reads them in the
 * language on. What is here is the panel's own: the kind of input and the stops. */
import {
  BROKER_NAMES,
  BROKERS,
  brokerFacts,
  findSetting,
  numericSetting,
  type Broker,
  type BrokerSetting,
  type SettingKey,
} from '../../engine/index.ts';
// First, so that the controls' English words are in before any spec reads them.
import '../../i18n/parts/controls.ts';
import { t, type MessageId } from '../../i18n/runtime.ts';
import { RATE_KEY } from '../../store/changes/locks.ts';

/** `slider`: a number on a slider; `latency`: a step's time (a number or a distribution's mean)
 * on a slider; `percent`: a probability on a slider, in per cent; the rest are native inputs. */
export type ControlKind = 'number' | 'slider' | 'latency' | 'percent' | 'switch' | 'select';

export interface ControlSpec {
  key: SettingKey;
  /** The label, in English here; localSpec gives it in the language on. */
  label: string;
  labelId: MessageId;
  kind: ControlKind;
  /** The unit shown beside the value, by its English name (UNIT_IDS in localSpec.ts): the
   * registry's unit unless given. */
  unit?: string;
  /** A number box's spinner step; the bounds are the registry's. */
  step?: number;
  /** A slider's stops, in the control's unit: from the registry's minimum, each pair is (up to,
   * step), so that short times get fine steps and long ones coarse. The registry's maximum
   * caps the last; typing can go beyond the slider, up to the registry's maximum. */
  scale?: readonly (readonly [upTo: number, step: number])[];
  /** A choice's label is its value's (a product name) unless the catalog words it. */
  options?: readonly { value: string; label: string; labelId?: MessageId }[];
  /** A short explanation under the label: the registry's own description unless given. */
  hint: string;
  hintId: MessageId;
  /** What the real system does by default, where the simulator's value differs from it or
   * scales its time down. */
  real?: string;
  realId?: MessageId;
}

/** A setting's message in the catalog; the catalog test keeps one for every registry key. */
export const settingWords = (key: SettingKey, part: 'label' | 'help') =>
  `setting.${key}.${part}` as MessageId;

/** A control spec whose words are the registry's (`setting.<key>.*`) unless other catalog ids are
 * given (a broker's words, a control's own hint); the English is the catalog's. */
export function spec(
  s: Omit<ControlSpec, 'hint' | 'label' | 'labelId' | 'hintId' | 'real'> & {
    labelId?: MessageId;
    hintId?: MessageId;
  },
): ControlSpec {
  const unit = s.unit ?? numericSetting(s.key)?.unit;
  const labelId = s.labelId ?? settingWords(s.key, 'label');
  const hintId = s.hintId ?? settingWords(s.key, 'help');
  return {
    ...s,
    ...(unit ? { unit } : {}),
    ...(s.realId ? { real: t(s.realId, undefined, 'en') } : {}),
    labelId,
    hintId,
    label: t(labelId, undefined, 'en'),
    hint: t(hintId, undefined, 'en'),
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

const latency = (key: SettingKey) => spec({ key, kind: 'latency', scale: LATENCY_SCALE });

export const LATENCY_CONTROLS: readonly ControlSpec[] = [
  latency('latency.validate'),
  latency('latency.charge'),
  latency('latency.save'),
  latency('latency.email'),
  latency('latency.enqueue'),
];

/** Whole per cent: arrows move 1 %, Page Up and Down 10 %. */
export const PERCENT_SCALE = [[100, 1]] as const;

export const EMAIL_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: 'email.failureRate',
    kind: 'percent',
    unit: '%',
    scale: PERCENT_SCALE,
  }),
  spec({ key: 'email.down', kind: 'switch' }),
];

export const LOAD_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: RATE_KEY,
    kind: 'slider',
    unit: 'orders/s',
    // A teaching range: the spike lesson peaks at 40 a second; typing goes to the registry's 10,000.
    scale: [
      [20, 1],
      [100, 5],
      [200, 10],
    ],
  }),
  spec({
    key: 'workers.count',
    kind: 'slider',
    unit: 'workers',
    scale: [[50, 1]],
  }),
  spec({
    key: 'server.handlers',
    kind: 'slider',
    unit: 'handlers',
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
    kind: 'number',
    unit: '/s',
    step: 5,
  }),
  spec({
    key: 'traffic.spikeFor',
    kind: 'number',
    step: 5,
  }),
  spec({
    key: 'server.timeout',
    kind: 'number',
    step: 500,
  }),
  spec({
    key: 'retry.backoff',
    kind: 'select',
    options: [
      { value: 'none', label: 'none', labelId: 'backoff.none' },
      { value: 'fixed', label: 'fixed', labelId: 'backoff.fixed' },
      { value: 'exponential', label: 'exponential', labelId: 'backoff.exponential' },
      { value: 'full-jitter', label: 'full-jitter', labelId: 'backoff.full-jitter' },
    ],
  }),
  spec({
    key: 'retry.base',
    kind: 'number',
    step: 250,
  }),
  spec({
    key: 'workers.crashRate',
    kind: 'percent',
    unit: '%',
    scale: PERCENT_SCALE,
  }),
  spec({ key: 'users.retryOnError', kind: 'switch' }),
];

export const BROKER_KEY = 'queue.broker' satisfies SettingKey;

export const BROKER_CONTROL: ControlSpec = spec({
  key: BROKER_KEY,
  kind: 'select',
  options: BROKERS.map((value) => ({
    value,
    label: BROKER_NAMES[value].label,
    labelId: `broker.${value}.name` as MessageId,
  })),
  hintId: 'broker.help',
});

/** A broker's words for one of its settings, in the catalog. */
export const brokerWords = (broker: Broker, key: SettingKey, part: 'label' | 'help' | 'real') =>
  `broker.${broker}.${key}.${part}` as MessageId;

/** A broker's own setting as its policy words it (`settings` with a `control`): a number box
 * stepping by half seconds for a time and by one otherwise, a switch for a yes or no, a list for
 * any other choice; the label, hint and real default are the broker's. */
function brokerControl(broker: Broker, { key, control }: BrokerSetting): ControlSpec[] {
  if (!control) return [];
  const words = {
    key,
    labelId: brokerWords(broker, key, 'label'),
    hintId: brokerWords(broker, key, 'help'),
    ...(control.real ? { realId: brokerWords(broker, key, 'real') } : {}),
  };
  const numeric = numericSetting(key);
  if (numeric) return [spec({ ...words, kind: 'number', step: numeric.unit === 'ms' ? 500 : 1 })];
  const setting = findSetting(key);
  const choices = setting?.kind === 'choice' ? setting.choices : [];
  if (choices.length === 2 && choices.includes('true') && choices.includes('false')) {
    return [spec({ ...words, kind: 'switch' })];
  }
  return [
    spec({ ...words, kind: 'select', options: choices.map((value) => ({ value, label: value })) }),
  ];
}

const brokerSpecs = new Map<Broker, readonly ControlSpec[]>();

/** Each broker's own settings, in its own words, with the real defaults beside the simulator's. */
export function brokerControls(broker: Broker): readonly ControlSpec[] {
  let specs = brokerSpecs.get(broker);
  if (!specs) {
    specs = brokerFacts(broker).settings.flatMap((s) => brokerControl(broker, s));
    brokerSpecs.set(broker, specs);
  }
  return specs;
}

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
