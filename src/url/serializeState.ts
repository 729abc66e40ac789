/** Writes a UrlState as a query string: `v=1`, then only what differs from the defaults, in a
 * fixed order, so that equal states give equal links and `parseParams` reads it back exactly. */
import { settingName } from '../engine/index.ts';
import { writeFlowParam } from './flowParam.ts';
import { DEFAULT_URL_STATE, URL_VERSION, type UrlState } from './urlState.ts';

export function serializeState(state: UrlState): string {
  const d = DEFAULT_URL_STATE;
  const params = new URLSearchParams({ v: String(URL_VERSION) });
  const put = (key: string, value: string) => params.set(key, value);
  if (state.scenario !== null) put('scenario', state.scenario);
  if (state.mode !== null) put('mode', state.mode);
  if (state.seed !== null) put('seed', String(state.seed));
  if (state.speed !== d.speed) put('speed', String(state.speed));
  if (state.t !== d.t) put('t', String(state.t));
  if (state.caption !== null) put('caption', state.caption);
  if (state.flow !== null) put('flow', writeFlowParam(state.flow));
  for (const [key, value] of Object.entries(state.settings)) put(key, value);
  if (state.panels !== null) put('panels', state.panels.join(','));
  if (state.embed) put('embed', '1');
  if (state.controls !== null) put('controls', state.controls);
  if (state.lock.length > 0) put('lock', [...new Set(state.lock.map(settingName))].join(','));
  if (state.theme !== null) put('theme', state.theme);
  if (state.reducedMotion) put('motion', 'reduce');
  if (state.present) put('present', '1');
  if (state.autoplay !== null) put('autoplay', state.autoplay ? '1' : '0');
  if (state.api) put('api', '1');
  if (state.parentOrigin !== null) put('parentOrigin', state.parentOrigin);
  if (state.whatif !== null) put('whatif', `${state.whatif.setting},${state.whatif.metric}`);
  if (state.lang !== null) put('lang', state.lang);
  // Commas, colons and a latency's parentheses (`exp(900)`) read better unescaped in an address
  // bar and are safe in a query.
  const query = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return `?${query.replace(/%28/gi, '(').replace(/%29/gi, ')')}`;
}
