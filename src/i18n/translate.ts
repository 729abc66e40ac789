/** The page's translator for code outside React (a sentence built in the store, a link's
 * notices): `t` in the language on, with that language, as `useT` gives components. */
import type { Translate } from './react.tsx';
import { currentLocale, t, type MessageId, type MessageValues } from './runtime.ts';

export function pageTranslator(): Translate {
  const locale = currentLocale();
  return Object.assign((id: MessageId, values?: MessageValues) => t(id, values, locale), {
    locale,
  });
}
