/** Counts for the diagram's narrow status lines in the language on: whole below 10,000, then to
 * three digits in the language's own short form ("66.9K", "66,9 mil", "6.69万"), as
 * formatShortCount writes them in English. */
import { MISSING } from '../../format/index.ts';
import type { Locale } from '../../i18n/locales.ts';

const WHOLE = new Map<Locale, Intl.NumberFormat>();
const SHORT = new Map<Locale, Intl.NumberFormat>();

function formatter(
  cache: Map<Locale, Intl.NumberFormat>,
  locale: Locale,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  let made = cache.get(locale);
  if (!made) cache.set(locale, (made = new Intl.NumberFormat(locale, options)));
  return made;
}

export function localShortCount(locale: Locale, n: number | null | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return MISSING;
  if (Math.abs(n) < 10_000) {
    return formatter(WHOLE, locale, { maximumFractionDigits: 0 }).format(Math.round(n));
  }
  return formatter(SHORT, locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(n);
}
