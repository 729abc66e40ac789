// "What if?" on a flow's steps: each step's time (mean) and failure rate offered under the step's
// label and the name a link writes, their points, and curves that move the way the design says:
// the answer waits for a request step's time and not for a background step's.
import { describe, expect, it } from 'vitest';
import {
  computePoint,
  runWhatIf,
  whatIfPoints,
  whatIfSettingsFor,
  type WhatIfRequest,
} from '../../src/analysis/whatif.ts';
import { FLOW_PRESETS, buildConfig, findSetting, type RunRecipe } from '../../src/engine/index.ts';

const video = FLOW_PRESETS.video!();
/** Ten uploads a second for 20 s: enough orders for a p95, small enough for a unit test. */
const uploads: RunRecipe = {
  settings: { 'traffic.pattern': 'steady', 'traffic.rate': 10, 'workers.count': 40 },
  seed: 3,
  durationMs: 20_000,
  changes: [],
  flow: video,
};

describe('the step settings "What if?" offers', () => {
  it('names each step’s time and failure rate after the step, for the run’s flow', () => {
    const offered = whatIfSettingsFor(video);
    const steps = offered
      .filter((s) => s.key.startsWith('steps.'))
      .map(({ key, label, unit }) => ({ key, label, unit }));
    expect(steps).toEqual([
      { key: 'steps.store.latency', label: 'Store the file: time (mean)', unit: 'ms' },
      { key: 'steps.store.failureRate', label: 'Store the file: failure rate', unit: 'share' },
      { key: 'steps.transcode.latency', label: 'Transcode the video: time (mean)', unit: 'ms' },
      {
        key: 'steps.transcode.failureRate',
        label: 'Transcode the video: failure rate',
        unit: 'share',
      },
      { key: 'steps.thumbnail.latency', label: 'Make a thumbnail: time (mean)', unit: 'ms' },
      {
        key: 'steps.thumbnail.failureRate',
        label: 'Make a thumbnail: failure rate',
        unit: 'share',
      },
    ]);
  });

  it('says each inside a sentence as what the step does', () => {
    const transcode = whatIfSettingsFor(video).filter((s) => s.key.startsWith('steps.transcode.'));
    expect(transcode.map((s) => s.phrase)).toEqual([
      'the mean time to transcode the video',
      'the chance that one attempt to transcode the video fails',
    ]);
  });

  it('gives the checkout’s steps their older names and offers the email step once', () => {
    const keys = whatIfSettingsFor(buildConfig().flow).map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining(['latency.validate', 'latency.charge', 'latency.save']),
    );
    expect(keys.filter((k) => k === 'latency.email' || k === 'email.failureRate')).toHaveLength(2);
    expect(keys).not.toContain('steps.email.latency');
    expect(keys).not.toContain('steps.email.failureRate');
    expect(keys).not.toContain('steps.charge.latency');
    expect(keys).toContain('steps.charge.failureRate');
  });

  it('every one is a setting the flow takes at every point of its curve', () => {
    const config = buildConfig({}, video);
    for (const { key } of whatIfSettingsFor(video)) {
      const setting = findSetting(key)!;
      for (const p of whatIfPoints(key, setting.read(config))) {
        expect(setting.apply(buildConfig({}, video), p.value), `${key}=${p.value}`).toBeUndefined();
      }
    }
  });
});

describe('a step’s points', () => {
  it('treat a step’s time as a latency: its mean moves, its shape stays', () => {
    const points = whatIfPoints('steps.transcode.latency', 'exp(30000)');
    expect(points[0]!.x).toBe(0);
    expect(points.at(-1)!.x).toBe(60_000);
    expect(points.find((p) => p.x === 30_000)?.value).toBe('exp(30000)');
    expect(points.every((p) => p.value.startsWith('exp('))).toBe(true);
  });

  it('run a step’s failure rate from 0 to 1', () => {
    const xs = whatIfPoints('steps.thumbnail.failureRate', '0').map((p) => p.x);
    expect(xs[0]).toBe(0);
    expect(xs.at(-1)).toBe(1);
    expect(xs.length).toBeGreaterThanOrEqual(21);
  });
});

describe('a step’s curve', () => {
  const p95 = (key: string, value: string) =>
    runWhatIf(uploads, key, value, 'async').responseMs.p95;

  it('rises with a request step’s time: the answer waits for it', () => {
    const fast = p95('steps.store.latency', '500');
    const slow = p95('steps.store.latency', '4000');
    expect(fast).toBeGreaterThanOrEqual(500);
    expect(slow).toBeGreaterThanOrEqual(fast + 3000);
  });

  it('stays put with a background step’s time: the answer does not wait for it', () => {
    const quick = p95('steps.transcode.latency', '1000');
    const long = p95('steps.transcode.latency', '60000');
    expect(long).toBe(quick);
    // …until the step is moved into the request, where it is waited for.
    const inRequest = {
      ...uploads,
      settings: { ...uploads.settings, 'steps.transcode.where': 'request' },
    };
    expect(
      runWhatIf(inRequest, 'steps.transcode.latency', '1000', 'async').responseMs.p95,
    ).toBeGreaterThan(quick + 900);
  });

  it('holds the step at the point’s value under either name, over a timed change of it', () => {
    const checkout: RunRecipe = {
      // A step key in the base, as the store keeps one the page set (the type lists registry keys).
      settings: { 'steps.charge.latency': 300 } as RunRecipe['settings'],
      seed: 1,
      durationMs: 5_000,
      changes: [{ atMs: 0, key: 'steps.charge.latency', value: '5000' }],
    };
    const r = runWhatIf(checkout, 'latency.charge', '100', 'sync');
    // validate 200 + charge 100 + save 50 + email 1,500: the change to 5 s was dropped.
    expect(r.responseMs.p50).toBe(1850);
  });

  it('is the same computed in a worker, from a structured clone of the request', () => {
    const request: WhatIfRequest = {
      id: 1,
      recipe: uploads,
      key: 'steps.thumbnail.failureRate',
      points: whatIfPoints('steps.thumbnail.failureRate', '0').slice(0, 3),
      modes: ['sync', 'async'],
    };
    const cloned = structuredClone(request);
    for (const [i, point] of request.points.entries()) {
      expect(computePoint(cloned, cloned.points[i]!)).toEqual(computePoint(request, point));
    }
  });
});
