// The link parameter that opens the "What if?" panel: read, validated, and written back.
import { describe, expect, it } from 'vitest';
import { WHATIF_METRICS, WHATIF_SETTINGS } from '../../src/analysis/whatif.ts';
import { WHATIF_METRIC_IDS, WHATIF_SETTING_KEYS } from '../../src/analysis/whatifParam.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { noticeText } from '../../src/url/urlState.ts';

describe('whatif=SETTING,METRIC', () => {
  it('reads a setting and a metric, and writes them back unescaped', () => {
    const { state, notices } = parseParams('?v=1&whatif=email.failureRate,no-email');
    expect(notices).toEqual([]);
    expect(state.whatif).toEqual({ setting: 'email.failureRate', metric: 'no-email' });
    expect(serializeState(state)).toBe('?v=1&whatif=email.failureRate,no-email');
  });

  it('takes the p95 email delay when the metric is left out', () => {
    expect(parseParams('?whatif=workers.count').state.whatif).toEqual({
      setting: 'workers.count',
      metric: 'email-p95',
    });
  });

  it.each([
    'steps.charge.where',
    'latency.enqueue',
    'workers.count,speed',
    'workers.count,email-p95,x',
    '',
  ])('ignores %j with a notice naming the choices', (value) => {
    const { state, notices } = parseParams(`?whatif=${value}`);
    expect(state.whatif).toBeNull();
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect('allowed' in notice ? notice.allowed : '').toContain(
      'workers.count, server.handlers, traffic.rate',
    );
    expect('allowed' in notice ? notice.allowed : '').toContain(
      'response-p95, email-p95, error-pages',
    );
  });

  it('offers exactly the settings and metrics the panel offers', () => {
    expect(WHATIF_SETTINGS.map((s) => s.key)).toEqual([...WHATIF_SETTING_KEYS]);
    expect(WHATIF_METRICS.map((m) => m.id)).toEqual([...WHATIF_METRIC_IDS]);
  });
});

describe('whatif= on a step', () => {
  it('opens on a step of the link’s flow and writes it back', () => {
    const search = '?v=1&flow=video&whatif=steps.transcode.latency,response-p95';
    const { state, notices } = parseParams(search);
    expect(notices).toEqual([]);
    expect(state.whatif).toEqual({ setting: 'steps.transcode.latency', metric: 'response-p95' });
    expect(serializeState(state)).toBe(search);
  });

  it('reads a checkout step’s key under its older name', () => {
    expect(parseParams('?whatif=steps.charge.latency').state.whatif?.setting).toBe(
      'latency.charge',
    );
    expect(parseParams('?whatif=steps.email.failureRate').state.whatif?.setting).toBe(
      'email.failureRate',
    );
  });

  it('names the flow’s steps for a step it lacks', () => {
    const { state, notices } = parseParams('?whatif=steps.transcode.latency');
    expect(state.whatif).toBeNull();
    expect(notices.map(noticeText)).toEqual([
      "Ignored whatif=steps.transcode.latency: the flow 'checkout' has no step 'transcode'; its steps: validate, charge, save, email.",
    ]);
  });
});
