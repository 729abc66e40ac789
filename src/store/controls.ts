/** The settings the control panel offers, as data: which registry key, how it is labelled and
 * which native input shows it. Validation and descriptions come from the engine's registry. */
import { findSetting } from '../engine/index.ts';

export type ControlKind = 'number' | 'percent' | 'switch' | 'select';

export interface ControlSpec {
  key: string;
  label: string;
  kind: ControlKind;
  unit?: string;
  min?: number;
  max?: number;
  step?: number;
  options?: readonly { value: string; label: string }[];
  /** A short explanation under the label: the registry's own description. */
  hint: string;
}

function spec(s: Omit<ControlSpec, 'hint'>): ControlSpec {
  return { ...s, hint: findSetting(s.key)?.description ?? '' };
}

/** The special key of the orders-per-second field: 0 also means "no steady traffic". */
export const RATE_KEY = 'traffic.rate';

export const LATENCY_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: 'latency.validate',
    label: 'Check payment',
    kind: 'number',
    unit: 'ms',
    min: 0,
    max: 60_000,
    step: 50,
  }),
  spec({
    key: 'latency.charge',
    label: 'Charge card',
    kind: 'number',
    unit: 'ms',
    min: 0,
    max: 60_000,
    step: 50,
  }),
  spec({
    key: 'latency.save',
    label: 'Save order',
    kind: 'number',
    unit: 'ms',
    min: 0,
    max: 60_000,
    step: 10,
  }),
  spec({
    key: 'latency.email',
    label: 'Send email',
    kind: 'number',
    unit: 'ms',
    min: 0,
    max: 60_000,
    step: 100,
  }),
  spec({
    key: 'latency.enqueue',
    label: 'Queue the job (async)',
    kind: 'number',
    unit: 'ms',
    min: 0,
    max: 60_000,
    step: 10,
  }),
];

export const EMAIL_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: 'email.failureRate',
    label: 'Email failure rate',
    kind: 'percent',
    min: 0,
    max: 100,
    step: 5,
  }),
  spec({ key: 'email.down', label: 'Email service outage', kind: 'switch' }),
];

export const LOAD_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: RATE_KEY,
    label: 'Orders per second',
    kind: 'number',
    unit: '/s',
    min: 0,
    max: 500,
    step: 1,
  }),
  spec({ key: 'workers.count', label: 'Workers', kind: 'number', min: 0, max: 200, step: 1 }),
];

export const ADVANCED_CONTROLS: readonly ControlSpec[] = [
  spec({
    key: 'traffic.spikeRate',
    label: 'Spike orders per second',
    kind: 'number',
    unit: '/s',
    min: 0,
    max: 1000,
    step: 5,
  }),
  spec({
    key: 'traffic.spikeFor',
    label: 'Spike length',
    kind: 'number',
    unit: 's',
    min: 0,
    max: 3600,
    step: 5,
  }),
  spec({
    key: 'server.handlers',
    label: 'Server handlers',
    kind: 'number',
    min: 1,
    max: 10_000,
    step: 1,
  }),
  spec({
    key: 'server.timeout',
    label: 'User timeout',
    kind: 'number',
    unit: 'ms',
    min: 1,
    max: 3_600_000,
    step: 500,
  }),
  spec({
    key: 'queue.visibilityTimeout',
    label: 'Visibility timeout',
    kind: 'number',
    unit: 'ms',
    min: 1,
    max: 43_200_000,
    step: 500,
  }),
  spec({
    key: 'queue.maxReceives',
    label: 'Max receives',
    kind: 'number',
    min: 1,
    max: 1000,
    step: 1,
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
    unit: 'ms',
    min: 0,
    max: 3_600_000,
    step: 250,
  }),
  spec({
    key: 'workers.crashRate',
    label: 'Worker crash rate',
    kind: 'percent',
    min: 0,
    max: 100,
    step: 5,
  }),
  spec({ key: 'users.retryOnError', label: 'Users retry on error', kind: 'switch' }),
];

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
