// The root's data attributes that the embed stylesheet keys on.
import { describe, expect, it } from 'vitest';
import { pageAttributes } from '../../src/url/pageAttributes.ts';
import { parseParams } from '../../src/url/parseParams.ts';

const attrs = (search: string, framed = false) => pageAttributes(parseParams(search).state, framed);

describe('the root attributes', () => {
  it('show full controls on an ordinary page', () => {
    expect(attrs('')).toEqual({ 'data-controls': 'full' });
  });

  it('mark an embed, with basic controls unless told', () => {
    expect(attrs('?embed=1', true)).toEqual({
      'data-embed': '1',
      'data-framed': '1',
      'data-controls': 'basic',
    });
    expect(attrs('?embed=1&controls=none')['data-controls']).toBe('none');
  });

  it('name the chosen panels and reduced motion', () => {
    expect(attrs('?panels=charts,log&motion=reduce')).toMatchObject({
      'data-panels': 'charts log',
      'data-motion': 'reduce',
    });
    expect(attrs('?panels=')['data-panels']).toBe('none');
  });
});
