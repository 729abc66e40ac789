/** The page's link parameters and the notices about the ones it ignored, for the components that
 * share, embed or lock; without a provider (component tests) the page is a plain default one. */
import { createContext, useContext } from 'react';
import type { SettingKey } from '../../engine/index.ts';
import { linkLocale } from '../../i18n/runtime.ts';
import { DEFAULT_URL_STATE, type Notice, type UrlState } from '../../url/urlState.ts';

export interface PageInfo {
  page: UrlState;
  notices: readonly Notice[];
}

export const PageContext = createContext<PageInfo>({ page: DEFAULT_URL_STATE, notices: [] });

export function usePage(): PageInfo {
  return useContext(PageContext);
}

/** The page's parameters for a link it hands out: its language now, if the reader chose one
 * (the link's, the picker's or a host's), in place of the one it opened with. */
export function linkPage(page: UrlState): UrlState {
  return { ...page, lang: linkLocale() };
}

/** Whether the `lock` parameter disables this setting's control. */
export function useLocked(key: SettingKey): boolean {
  return usePage().page.lock.includes(key);
}
