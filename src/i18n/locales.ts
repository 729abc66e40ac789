/** The languages the page speaks, and which one a reader gets: a link's `lang`, else the first of
 * the browser's languages that the page has. Pure: no DOM. */

/** The languages a reader may choose, English first: the one in the first load. */
export const LANGUAGES = ['en', 'es', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The pseudo-locale for tests: the English catalog accented and about 35 % longer
 * (scripts/lib/catalogPlugin.mjs). A link may ask for it; the picker does not offer it. */
export const PSEUDO_LOCALE = 'en-XA';

/** Every locale a link or a host may name. */
export const LOCALES = [...LANGUAGES, PSEUDO_LOCALE] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Language = 'en';

/** Each language in its own words, as a picker lists them (never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Español',
  'zh-CN': '简体中文',
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The page's language for one of the browser's language tags, if it has one: any Spanish
 * ("es-MX") reads Spanish; Chinese in simplified script ("zh", "zh-CN", "zh-SG", "zh-Hans") reads
 * Simplified Chinese, and Chinese in traditional script ("zh-TW", "zh-HK", "zh-Hant") none. */
function languageOf(tag: string): Language | undefined {
  const [base = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  if (base === 'en') return 'en';
  if (base === 'es') return 'es';
  if (base !== 'zh') return undefined;
  if (rest.includes('hant') || rest.some((part) => ['tw', 'hk', 'mo'].includes(part))) {
    return rest.includes('hans') ? 'zh-CN' : undefined;
  }
  return 'zh-CN';
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
