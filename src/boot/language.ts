/** The page's language at start: the link's `lang`, else the first of the browser's languages the
 * page has (a first visit without `lang=`), its catalog loaded before the first screen renders so
 * that nothing shows in English first. */
import { browserLanguage, type Locale } from '../i18n/locales.ts';
import { setLocale } from '../i18n/runtime.ts';
import type { Notice } from '../url/urlState.ts';

/** Resolves once the language is on, with a notice when the link's could not load (its chunk did
 * not arrive: the page then reads in English). */
export async function startLanguage(win: Window, lang: Locale | null): Promise<Notice[]> {
  const root = win.document.documentElement;
  const preferred = win.navigator.languages?.length
    ? win.navigator.languages
    : [win.navigator.language];
  const wanted = lang ?? browserLanguage(preferred);
  try {
    await setLocale(wanted, { chosen: lang !== null, root });
    return [];
  } catch {
    await setLocale('en', { chosen: false, root });
    return lang === null
      ? []
      : [
          {
            param: 'lang',
            value: lang,
            allowed: 'its words could not load; the page is in English',
            reason: { id: 'analysis.link.reason.language' },
          },
        ];
  }
}
