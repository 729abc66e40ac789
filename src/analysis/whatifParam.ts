/** The link parameter that opens the "What if?" panel: `whatif=SETTING[,METRIC]`. Kept apart from
 * whatif.ts so that reading a link does not need the runs. */
export const WHATIF_SETTING_KEYS = [
  'workers.count',
  'server.handlers',
  'traffic.rate',
  'latency.email',
  'email.failureRate',
  'queue.visibilityTimeout',
  'retry.base',
] as const;

export const WHATIF_METRIC_IDS = [
  'response-p95',
  'email-p95',
  'error-pages',
  'no-email',
  'duplicates',
  'largest-queue',
  'drain-time',
] as const;

export const DEFAULT_WHATIF = { setting: 'workers.count', metric: 'email-p95' };

/** The panel's choices from the parameter's value, or the sentence for the notice. */
export function parseWhatIfParam(value: string): { setting: string; metric: string } | string {
  const [setting = '', metric = DEFAULT_WHATIF.metric, ...extra] = value
    .split(',')
    .map((s) => s.trim());
  const settings: readonly string[] = WHATIF_SETTING_KEYS;
  const metrics: readonly string[] = WHATIF_METRIC_IDS;
  if (extra.length > 0 || !settings.includes(setting) || !metrics.includes(metric)) {
    return `a setting (${WHATIF_SETTING_KEYS.join(', ')}), then optionally a comma and a metric (${WHATIF_METRIC_IDS.join(', ')})`;
  }
  return { setting, metric };
}
