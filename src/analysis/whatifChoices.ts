/** "What if?"'s choices: the settings it varies (the fixed ones, and the run's flow's steps' time
 * and failure rate) and the metrics it reads from each run's report. */
import type { AnySettingKey, Flow, Report } from '../engine/index.ts';
import { settingName } from '../engine/index.ts';

export interface WhatIfSetting {
  /** A registry setting, or a step's time or failure rate under the name a link writes
   * (`latency.charge`, `steps.transcode.latency`). */
  key: AnySettingKey;
  label: string;
  /** How the axis shows a value: a count, ms, a share, or orders/s. */
  unit: 'count' | 'ms' | 'share' | 'rate';
  /** The setting inside a sentence ("each value of …"), where the label lowercased reads wrong
   * ("the mean time to store the file"); the lowercased label otherwise. */
  phrase?: string;
}

export const WHATIF_SETTINGS: readonly WhatIfSetting[] = [
  { key: 'workers.count', label: 'Workers', unit: 'count' },
  { key: 'server.handlers', label: 'Server handlers', unit: 'count' },
  { key: 'traffic.rate', label: 'Orders per second', unit: 'rate' },
  { key: 'latency.email', label: 'Email latency (mean)', unit: 'ms' },
  { key: 'email.failureRate', label: 'Email failure rate', unit: 'share' },
  { key: 'queue.visibilityTimeout', label: 'Visibility timeout', unit: 'ms' },
  { key: 'retry.base', label: 'Retry base delay', unit: 'ms' },
];

export interface WhatIfMetric {
  id: string;
  label: string;
  unit: 'ms' | 'count';
  read(r: Report, durationMs: number): number;
}

/** Customers whose email never left and will not: lost in sync, dead-lettered or dropped by a
 * broker in async, or still pending when the run stopped. */
export function noEmail(r: Report): number {
  return r.emails.lost + r.emails.deadLettered + r.emails.dropped + r.emails.pending;
}

export const WHATIF_METRICS: readonly WhatIfMetric[] = [
  { id: 'response-p95', label: 'p95 response', unit: 'ms', read: (r) => r.responseMs.p95 },
  { id: 'email-p95', label: 'p95 email delay', unit: 'ms', read: (r) => r.emailDelayMs.p95 },
  { id: 'error-pages', label: 'Error pages', unit: 'count', read: (r) => r.orders.failed },
  { id: 'no-email', label: 'Customers with no email', unit: 'count', read: noEmail },
  { id: 'duplicates', label: 'Duplicate emails', unit: 'count', read: (r) => r.emails.duplicates },
  // Messages waiting in the broker; the sync lane has no queue, so its curve stays at 0.
  { id: 'largest-queue', label: 'Largest queue', unit: 'count', read: (r) => r.queue.maxDepth },
  {
    id: 'drain-time',
    label: 'Drain time (after arrivals end)',
    unit: 'ms',
    read: (r, durationMs) => Math.max(0, r.simulatedMs - durationMs),
  },
];

export const findWhatIfSetting = (key: string) => WHATIF_SETTINGS.find((s) => s.key === key);

/** The settings and metrics about the email: a flow that sends none has no email step to set
 * (the engine refuses `latency.email` for it) and no email to measure. */
const EMAIL_ONLY: ReadonlySet<string> = new Set([
  'latency.email',
  'email.failureRate',
  'email-p95',
  'no-email',
  'duplicates',
]);
const sendsEmail = (flow: Flow) => flow.steps.some((s) => s.id === 'email');

/** The settings "What if?" offers for a flow: the fixed ones that fit it, then each step's time
 * (its mean) and failure rate, labelled with the step's label, except those the fixed ones already
 * are (`latency.email` is the email step's time). */
export function whatIfSettingsFor(flow: Flow): readonly WhatIfSetting[] {
  const fixed = sendsEmail(flow)
    ? WHATIF_SETTINGS
    : WHATIF_SETTINGS.filter((s) => !EMAIL_ONLY.has(s.key));
  const taken = new Set<string>(fixed.map((s) => s.key));
  const steps: WhatIfSetting[] = [];
  for (const step of flow.steps) {
    const time = settingName(`steps.${step.id}.latency` as const);
    const failures = settingName(`steps.${step.id}.failureRate` as const);
    // A step's label is what it does ("Store the file"), so it reads inside a sentence.
    const does = step.label.charAt(0).toLowerCase() + step.label.slice(1);
    if (!taken.has(time)) {
      const phrase = `the mean time to ${does}`;
      steps.push({ key: time, label: `${step.label}: time (mean)`, unit: 'ms', phrase });
    }
    if (!taken.has(failures)) {
      const phrase = `the chance that one attempt to ${does} fails`;
      steps.push({ key: failures, label: `${step.label}: failure rate`, unit: 'share', phrase });
    }
  }
  return [...fixed, ...steps];
}

export const whatIfMetricsFor = (flow: Flow): readonly WhatIfMetric[] =>
  sendsEmail(flow) ? WHATIF_METRICS : WHATIF_METRICS.filter((m) => !EMAIL_ONLY.has(m.id));
export const findWhatIfMetric = (id: string) => WHATIF_METRICS.find((m) => m.id === id);
