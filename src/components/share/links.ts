/** The links the share controls hand out: a plain link to the current state, the embed link, and
 * the iframe snippet for it. Pure over the store state and the page's own parameters. */
import { lessonEntry } from '../../scenarios/index.ts';
import { serializeState } from '../../url/serializeState.ts';
import { urlStateOf } from '../../url/storeState.ts';
import type { UrlState } from '../../url/urlState.ts';
import type { SimulatorState } from '../../store/simulatorTypes.ts';
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';

export const EMBED_WIDTH = 800;
export const EMBED_HEIGHT = 450;

type Run = Parameters<typeof urlStateOf>[0];

/** The state as a link for someone else: without the parameters that belong to one host page. */
function forSomeoneElse(base: string, state: UrlState): string {
  return `${base}${serializeState({
    ...state,
    embed: false,
    api: false,
    parentOrigin: null,
    autoplay: null,
  })}`;
}

/** A link for someone else to this state. */
export function shareLink(base: string, s: Run, page: UrlState): string {
  return forSomeoneElse(base, urlStateOf(s, page));
}

/** A link to one of the lesson's captions (1-based): it opens paused on that caption, whatever
 * the moment on screen now. */
export function captionLink(base: string, s: Run, page: UrlState, caption: number): string {
  return forSomeoneElse(base, { ...urlStateOf(s, page), t: 0, caption: String(caption) });
}

export function embedLink(base: string, s: Run, page: UrlState): string {
  const state = urlStateOf(s, page);
  return `${base}${serializeState({ ...state, embed: true, api: false, parentOrigin: null })}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function iframeSnippet(src: string, title: string): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" allow="fullscreen" ` +
    `style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}

/** The iframe's and the poster's title, in the language on (a lesson's title as its catalog has
 * it). */
export function embedTitle(s: Pick<SimulatorState, 'scenarioId'>, t: Translate): string {
  const scenario = s.scenarioId === null ? undefined : lessonEntry(s.scenarioId);
  if (!scenario) return t('share.titleFree');
  return t('share.titleLesson', { title: t(`lesson.${scenario.id}.title` as MessageId) });
}

/** The page's address without its query and hash. */
export function pageBase(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}
