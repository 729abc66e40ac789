/** "What if?"'s choices: the settings it varies (the registry's ranked sweeps, and the run's
 * flow's steps' time and failure rate) and the metrics it reads from each run's report. */
import type { AnySettingKey, Flow, Report, Setting } from '../engine/index.ts';
import { buildConfig, findSetting, RANKED_SWEEPS, settingName, stepIdOf } from '../engine/index.ts';

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

/** The axis a setting's values go on, from its registry entry: a time, a rate, a share (a number
 * from 0 to 1 with no unit) or a count. */
function axisOf(setting: Setting): WhatIfSetting['unit'] {
  if (setting.kind === 'latency' || (setting.kind === 'number' && setting.unit === 'ms')) {
    return 'ms';
  }
  if (setting.kind === 'number' && setting.unit === 'orders/s') return 'rate';
  if (setting.kind === 'number' && !setting.integer && setting.max === 1) return 'share';
  return 'count';
}

/** A step's time or failure rate, named after what the step does ("Store the file"), so that it
 * reads the same for the checkout's email as for a video's transcode. */
function stepSetting(key: AnySettingKey, step: Flow['steps'][number]): WhatIfSetting {
  const setting = findSetting(key)!;
  const does = step.label.charAt(0).toLowerCase() + step.label.slice(1);
  return setting.kind === 'latency'
    ? {
        key,
        label: `${step.label}: time (mean)`,
        unit: 'ms',
        phrase: `the mean time to ${does}`,
      }
    : {
        key,
        label: `${step.label}: failure rate`,
        unit: 'share',
        phrase: `the chance that one attempt to ${does} fails`,
      };
}

/** The registry's ranked sweeps that fit the flow: a step's setting (the email's time) only
 * where the flow has that step, named after it. */
function rankedFor(flow: Flow): WhatIfSetting[] {
  const offered: WhatIfSetting[] = [];
  for (const setting of RANKED_SWEEPS) {
    const id = stepIdOf(setting.key);
    if (id === undefined) {
      offered.push({ key: setting.key, label: setting.label, unit: axisOf(setting) });
      continue;
    }
    const step = flow.steps.find((s) => s.id === id);
    if (step) offered.push(stepSetting(setting.key, step));
  }
  return offered;
}

/** The ranked settings as the checkout offers them: the list a link's `whatif` names. */
export const WHATIF_SETTINGS: readonly WhatIfSetting[] = rankedFor(buildConfig().flow);

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

/** The metrics about the email: a flow that sends none has no email to measure. */
const EMAIL_ONLY: ReadonlySet<string> = new Set(['email-p95', 'no-email', 'duplicates']);
const sendsEmail = (flow: Flow) => flow.steps.some((s) => s.id === 'email');

/** The settings "What if?" offers for a flow: the ranked ones that fit it, then each step's time
 * (its mean) and failure rate, named after the step, except those the ranked ones already are
 * (`latency.email` is the email step's time). */
export function whatIfSettingsFor(flow: Flow): readonly WhatIfSetting[] {
  const ranked = rankedFor(flow);
  const taken = new Set<string>(ranked.map((s) => s.key));
  const steps: WhatIfSetting[] = [];
  for (const step of flow.steps) {
    for (const key of [
      settingName(`steps.${step.id}.latency` as const),
      settingName(`steps.${step.id}.failureRate` as const),
    ]) {
      if (!taken.has(key)) steps.push(stepSetting(key, step));
    }
  }
  return [...ranked, ...steps];
}

export const whatIfMetricsFor = (flow: Flow): readonly WhatIfMetric[] =>
  sendsEmail(flow) ? WHATIF_METRICS : WHATIF_METRICS.filter((m) => !EMAIL_ONLY.has(m.id));
export const findWhatIfMetric = (id: string) => WHATIF_METRICS.find((m) => m.id === id);
