/** Links to a lesson's printable handout (`?v=1&handout=email-outage`), which the page opens
 * instead of the simulator, and the lesson's own link that the handout prints as a QR code. */
import { serializeState } from './serializeState.ts';
import { DEFAULT_URL_STATE, URL_VERSION } from './urlState.ts';

export const HANDOUT_PARAM = 'handout';

/** The lesson id a link asks a handout for ("" for the list of handouts), or null for the
 * simulator. */
export function handoutParam(search: string): string | null {
  return new URLSearchParams(search).get(HANDOUT_PARAM);
}

/** `base` is the page's address without its query (links.ts `pageBase`). */
export function handoutLink(base: string, scenarioId: string): string {
  const query = new URLSearchParams({ v: String(URL_VERSION), [HANDOUT_PARAM]: scenarioId });
  return `${base}?${query.toString()}`;
}

/** The lesson at its start, as a student opens it: its question first. */
export function lessonLink(base: string, scenarioId: string): string {
  return `${base}${serializeState({ ...DEFAULT_URL_STATE, scenario: scenarioId })}`;
}
