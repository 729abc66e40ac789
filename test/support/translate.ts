/** A translator as components get it from useT(), for tests of the pure helpers that word the
 * diagram: English by default, or a language whose catalog has loaded (setLocale, loadLocale). */
import type { Locale } from '../../src/i18n/locales.ts';
import type { Translate } from '../../src/i18n/react.tsx';
import { t, type MessageId, type MessageValues } from '../../src/i18n/runtime.ts';

export function translator(locale: Locale = 'en'): Translate {
  return Object.assign((id: MessageId, values?: MessageValues) => t(id, values, locale), {
    locale,
  });
}

export const english = translator();
