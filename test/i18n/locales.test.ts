// Which language a first visit gets: the first of the browser's languages the page has.
import { describe, expect, it } from 'vitest';
import { browserLanguage } from '../../src/i18n/locales.ts';

describe('the browser’s language on a first visit', () => {
  const cases: [readonly string[], string][] = [
    [['es-MX', 'en'], 'es'],
    [['es'], 'es'],
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['zh-Hans-HK'], 'zh-CN'],
    // Traditional script is not Simplified Chinese: the next language the reader has is used.
    [['zh-TW', 'es'], 'es'],
    [['zh-Hant', 'en-GB'], 'en'],
    [['fr-FR', 'de', 'es-ES'], 'es'],
    [['fr', 'de'], 'en'],
    [['en-US', 'es'], 'en'],
    [[], 'en'],
  ];
  for (const [preferred, expected] of cases) {
    it(`reads ${JSON.stringify(preferred)} as ${expected}`, () => {
      expect(browserLanguage(preferred)).toBe(expected);
    });
  }
});
