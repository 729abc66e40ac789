/** Chooses the page's language: a globe, the sign a reader looks for whatever language the page
 * speaks, over the browser's own list with each language in its own words. A globe alone keeps
 * the header on one line at 1280 px in English. The choice is kept in the address and in the
 * links the page hands out (`lang=`). */
import { useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, isLocale } from '../i18n/locales.ts';
import { useT } from '../i18n/react.tsx';
import { setLocale } from '../i18n/runtime.ts';
import { Icon } from './Icon.tsx';

export function LanguagePicker() {
  const t = useT();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('header.language')}</label>
      <span className="button language-picker-face" aria-hidden="true">
        <Icon name="globe" />
      </span>
      {/* The native list, unseen over the globe: the browser's own keyboard, touch and screen
          reader handling, and every language named in full when it opens. */}
      <select
        id={id}
        title={t('header.language')}
        value={t.locale}
        onChange={(e) => {
          const lang = e.target.value;
          // A failed load leaves the page in the language it had, which the picker still shows.
          if (isLocale(lang))
            void setLocale(lang, { chosen: true, root: document.documentElement });
        }}
      >
        {/* The pseudo-locale is for tests: listed only while it is on (a link asked for it). */}
        {(LANGUAGES as readonly string[]).includes(t.locale) ? null : (
          <option value={t.locale}>{t.locale}</option>
        )}
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
