import { describe, expect, it } from 'vitest';
import {
  applySetting,
  defaultConfig,
  formatDistribution,
  meanMs,
  numericSetting,
  parseDistribution,
  SETTINGS,
  withMeanMs,
  type Distribution,
} from '../../src/engine/index.ts';

function parsed(spec: string): Distribution {
  const d = parseDistribution(spec);
  if (typeof d === 'string') throw new Error(d);
  return d;
}

const moved = (spec: string, mean: number) => formatDistribution(withMeanMs(parsed(spec), mean));

describe('moving a latency to a new mean', () => {
  it('keeps a constant a constant', () => {
    expect(moved('800', 1500)).toBe('1500');
  });

  it('gives exp() the new mean', () => {
    expect(moved('exp(200)', 350)).toBe('exp(350)');
  });

  it('scales uniform() about its mean, so its spread keeps its proportion', () => {
    expect(moved('uniform(30,50)', 80)).toBe('uniform(60,100)');
    expect(meanMs(parsed(moved('uniform(100,300)', 50)))).toBe(50);
  });

  it('keeps lognormal()’s deviation in proportion to its mean', () => {
    expect(moved('lognormal(2500,2000)', 5000)).toBe('lognormal(5000,4000)');
    expect(moved('lognormal(2500,2000)', 1000)).toBe('lognormal(1000,800)');
  });

  it('keeps exp() and lognormal() valid at a mean of 0, which they do not allow', () => {
    expect(moved('exp(200)', 0)).toBe('exp(0.1)');
    expect(typeof parseDistribution(moved('lognormal(2500,2000)', 0))).not.toBe('string');
    expect(moved('uniform(0,0)', 40)).toBe('uniform(40,40)');
  });

  it('never goes past the one-hour limit: the mean falls short instead', () => {
    expect(moved('uniform(1000,3000)', 3_600_000)).toBe('uniform(1800000,3600000)');
    expect(typeof parseDistribution(moved('lognormal(100,400)', 3_600_000))).not.toBe('string');
  });
});

describe('the bounds the registry gives the controls', () => {
  it('gives a number setting its range and unit, and a latency the range of its mean', () => {
    expect(numericSetting('workers.count')).toMatchObject({
      kind: 'number',
      min: 0,
      max: 10_000,
      integer: true,
      unit: '',
    });
    expect(numericSetting('server.timeout')).toMatchObject({ min: 1, unit: 'ms' });
    expect(numericSetting('latency.email')).toMatchObject({
      kind: 'latency',
      min: 0,
      max: 3_600_000,
      integer: false,
      unit: 'ms',
    });
    expect(numericSetting('queue.broker')).toBeUndefined();
    expect(numericSetting('no.such')).toBeUndefined();
  });

  it('says the bounds in its message as it gives them to the controls', () => {
    for (const setting of SETTINGS) {
      const numeric = numericSetting(setting.key);
      if (numeric?.kind !== 'number') continue;
      expect(setting.allowed).toContain(`from ${numeric.min} to ${numeric.max}`);
      expect(applySetting(defaultConfig(), setting.key, numeric.max)).toBeUndefined();
      expect(applySetting(defaultConfig(), setting.key, numeric.max + 1)).toMatch(/not allowed/);
      expect(applySetting(defaultConfig(), setting.key, numeric.min - 1)).toMatch(/not allowed/);
    }
  });
});
