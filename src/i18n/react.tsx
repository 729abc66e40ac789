/** The translator for components: a hook that re-renders a component when the language changes,
 * and a provider that pins a language for the components below it (a preview, a test); without
 * one, the page's language. */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from './locales.ts';
import {
  currentLocale,
  onLocaleChange,
  t as translate,
  type MessageId,
  type MessageValues,
} from './runtime.ts';

/** null: the page's language, whatever it is now. */
const PinnedLocale = createContext<Locale | null>(null);

/** Renders its children in `locale`, whose catalog must have loaded (loadLocale). */
export function LanguageProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <PinnedLocale.Provider value={locale}>{children}</PinnedLocale.Provider>;
}

export type Translate = ((id: MessageId, values?: MessageValues) => string) & {
  readonly locale: Locale;
};

/** The language on; re-renders the component when it changes. */
export function useLocale(): Locale {
  const pinned = useContext(PinnedLocale);
  const page = useSyncExternalStore(onLocaleChange, currentLocale);
  return pinned ?? page;
}

/** `t(id, values)`: a message in the language on, a new function whenever the language changes
 * (so that memos and effects that use it run again). */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(
    () =>
      Object.assign((id: MessageId, values?: MessageValues) => translate(id, values, locale), {
        locale,
      }),
    [locale],
  );
}
