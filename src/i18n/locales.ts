/** The languages the page speaks, and which one a reader gets: a link's `lang`, else the first of
 * the browser's languages that the page has. Pure: no DOM. */

import * as catalogs from 'virtual:catalog/languages';

/** A language tag the page has a catalog for ("es", "zh-CN"): checked by `isLocale`. */
export type Locale = string;
export type Language = Locale;

/** The languages a reader may choose, English first (the one in the first load): one per
 * catalog file in `src/i18n/catalogs/`, so that adding a language is adding its catalog. */
export const LANGUAGES: readonly Language[] = catalogs.LANGUAGES;

/** The pseudo-locale for tests: the English catalog accented and about 35 % longer
 * (scripts/lib/catalogPlugin.mjs). A link may ask for it; the picker does not offer it. */
export const PSEUDO_LOCALE: Locale = catalogs.PSEUDO_LOCALE;

/** Every locale a link or a host may name. */
export const LOCALES: readonly Locale[] = [...LANGUAGES, PSEUDO_LOCALE];

export const DEFAULT_LOCALE: Language = 'en';

/** Each language in its own words, as a picker lists them (its catalog's `language.name`, never
 * translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = catalogs.LANGUAGE_NAMES;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** A tag's language and script, the script filled in where the tag leaves it to the language
 * ("zh-TW" is Traditional Chinese, "zh-SG" Simplified); undefined for a tag that is not one. */
function languageAndScript(tag: string): string | undefined {
  try {
    const full = new Intl.Locale(tag).maximize();
    return `${full.language}-${full.script ?? ''}`;
  } catch {
    return undefined;
  }
}

/** The page's language for one of the browser's language tags, if it has one: the same tag, else
 * one of the same language in the same script. Any Spanish ("es-MX") reads Spanish; Chinese in
 * simplified script ("zh", "zh-SG", "zh-Hans-HK") reads Simplified Chinese, and Chinese in
 * traditional script ("zh-TW", "zh-Hant") none, until a catalog for it is added. */
function languageOf(tag: string): Language | undefined {
  const exact = LANGUAGES.find((l) => l.toLowerCase() === tag.toLowerCase().replace('_', '-'));
  if (exact) return exact;
  const wanted = languageAndScript(tag.replace('_', '-'));
  return wanted === undefined ? undefined : LANGUAGES.find((l) => languageAndScript(l) === wanted);
}

/** The first of the browser's languages (`navigator.languages`, most preferred first) that the
 * page has, else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return DEFAULT_LOCALE;
}
