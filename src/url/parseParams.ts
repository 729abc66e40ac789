/** Reads a link's query string into a UrlState, validating every parameter (settings through the
 * engine's registry) and collecting a notice for each one it ignores: what it accepts in English,
 * and, for the page's own checks, as a message the page shows in the language on (a registry's
 * refusal is worded later, from the setting: noticeWords.ts). Pure: no DOM. */
import {
  buildConfig,
  checkoutFlow,
  findSetting,
  isAnySettingKey,
  parseDecimal,
  settingName,
  type AnySettingKey,
  type Flow,
} from '../engine/index.ts';
import {
  LESSONS,
  lessonEntry,
  flowField,
  scenarioChanges,
  scenarioFlow,
} from '../scenarios/index.ts';
import { parseWhatIfParam, whatIfStepProblem } from '../analysis/whatifParam.ts';
import { SPEEDS } from '../store/time/clock.ts';
import { shown } from '../store/changes/echo.ts';
import { overBudget } from '../store/time/replayBudget.ts';
import { DEFAULT_DURATION_MS } from '../store/simulatorStore.ts';
import { THEMES } from '../store/pageStore.ts';
import { readFlowParam } from './flowParam.ts';
import { inLinkOrder, lessonClash, lockedKeys, valueProblem } from './linkSettings.ts';
import {
  CONTROLS,
  DEFAULT_URL_STATE,
  PANELS,
  URL_VERSION,
  LANES_SHOWN,
  type Notice,
  type NoticeReason,
  type UrlState,
} from './urlState.ts';
import { isLocale, LOCALES } from '../i18n/locales.ts';

/** Parameters about the host page rather than the simulation: kept even from a newer link. */
const EMBEDDING = new Set([
  'embed',
  'controls',
  'lock',
  'theme',
  'motion',
  'present',
  'autoplay',
  'api',
  'parentOrigin',
  'lang',
]);
const MAX_T_SEC = 86_400;
const MAX_SEED = 0xffffffff;
/** Notices shown at most; the rest are counted in one line. */
export const MAX_NOTICES = 20;

function oneOf<T extends string>(choices: readonly T[], raw: string): T | undefined {
  return (choices as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function flag(raw: string): boolean | undefined {
  return raw === '1' ? true : raw === '0' ? false : undefined;
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseParams(search: string): { state: UrlState; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const state: UrlState = { ...DEFAULT_URL_STATE, settings: {}, lock: [] };
  const settings: Record<string, string> = {};
  /** The link's params for each setting, by the name it is written under. */
  const given = new Map<string, string>();
  let lock: AnySettingKey[] = [];
  const ignore = (param: string, value: string, allowed: string, reason?: NoticeReason) =>
    notices.push({
      param: shown(param),
      value: shown(value),
      allowed,
      ...(reason ? { reason } : {}),
    });

  const version = params.get('v');
  const newer = version !== null && version !== String(URL_VERSION);
  if (newer) {
    ignore(
      'v',
      version,
      `this page reads version ${URL_VERSION} links; the simulation starts from its defaults`,
      { id: 'analysis.link.reason.version', values: { version: String(URL_VERSION) } },
    );
  }

  const entries = [...params];
  const lastIndex = new Map(entries.map(([param], i) => [param, i]));
  // `latency.charge` and `steps.charge.latency` are one setting: as with a repeated parameter,
  // the last one is read.
  const lastOfName = new Map(entries.map(([param], i) => [settingName(param), i]));
  for (const [i, [param, raw]] of entries.entries()) {
    if (param === 'v' || (newer && !EMBEDDING.has(param))) continue;
    if (lastIndex.get(param) !== i) {
      ignore(param, raw, `${shown(param)} is given more than once; only the last one is read`, {
        id: 'analysis.link.reason.repeated',
        values: { param: shown(param) },
      });
      continue;
    }
    const value = raw.trim();
    switch (param) {
      case 'scenario': {
        const ids = LESSONS.map((s) => s.id);
        if (ids.includes(value)) state.scenario = value;
        else ignore(param, raw, `one of ${ids.join(', ')}`);
        break;
      }
      case 'mode': {
        const mode = oneOf(LANES_SHOWN, value);
        if (mode) state.mode = mode;
        else ignore(param, raw, `one of ${LANES_SHOWN.join(', ')}`);
        break;
      }
      case 'seed': {
        const n = parseDecimal(value);
        if (Number.isInteger(n) && n >= 0 && n <= MAX_SEED) state.seed = n;
        else {
          ignore(param, raw, `a whole number from 0 to ${MAX_SEED}`, {
            id: 'analysis.link.reason.range',
            values: { whole: 'yes', min: '0', max: String(MAX_SEED), unit: 'none', hex: 'no' },
          });
        }
        break;
      }
      case 'speed': {
        const n = parseDecimal(value);
        if ((SPEEDS as readonly number[]).includes(n)) state.speed = n;
        else ignore(param, raw, `one of ${SPEEDS.join(', ')}`);
        break;
      }
      case 't': {
        const n = parseDecimal(value);
        if (Number.isFinite(n) && n >= 0 && n <= MAX_T_SEC) state.t = Math.round(n * 1000) / 1000;
        else {
          ignore(param, raw, `a number of seconds from 0 to ${MAX_T_SEC}`, {
            id: 'analysis.link.reason.seconds',
            values: { max: String(MAX_T_SEC) },
          });
        }
        break;
      }
      case 'flow': {
        const flow = readFlowParam(value);
        if (typeof flow === 'string') ignore(param, raw, flow);
        else state.flow = flow;
        break;
      }
      case 'caption':
        // Its range is the loaded lesson's beats, which only the store knows: see captionMoment.
        state.caption = value;
        break;
      case 'panels': {
        const wanted = list(value);
        const bad = wanted.filter((p) => !oneOf(PANELS, p));
        if (bad.length > 0) {
          ignore(param, raw, `a comma-separated list of ${PANELS.join(', ')}`, {
            id: 'analysis.link.reason.list',
            values: { choices: PANELS.join(', ') },
          });
        } else state.panels = PANELS.filter((p) => wanted.includes(p));
        break;
      }
      case 'embed':
      case 'present':
      case 'autoplay':
      case 'api': {
        const on = flag(value);
        if (on === undefined) ignore(param, raw, 'one of 0, 1');
        else if (param === 'embed') state.embed = on;
        else if (param === 'present') state.present = on;
        else if (param === 'api') state.api = on;
        else state.autoplay = on;
        break;
      }
      case 'controls': {
        const level = oneOf(CONTROLS, value);
        if (level) state.controls = level;
        else ignore(param, raw, `one of ${CONTROLS.join(', ')}`);
        break;
      }
      case 'lock': {
        const keys = list(value);
        for (const key of keys) {
          if (isAnySettingKey(key)) continue;
          ignore('lock', key, 'a setting key, e.g. workers.count or steps.charge.where', {
            id: 'analysis.link.reason.lock',
          });
        }
        lock = keys.filter(isAnySettingKey);
        break;
      }
      case 'theme': {
        const theme = oneOf(THEMES, value);
        if (theme) state.theme = theme;
        else ignore(param, raw, `one of ${THEMES.join(', ')}`);
        break;
      }
      case 'lang': {
        if (isLocale(value)) state.lang = value;
        else ignore(param, raw, `one of ${LOCALES.join(', ')}`);
        break;
      }
      case 'motion': {
        if (value === 'reduce') state.reducedMotion = true;
        else
          ignore(param, raw, 'reduce', {
            id: 'analysis.link.reason.only',
            values: { value: 'reduce' },
          });
        break;
      }
      case 'parentOrigin': {
        const origin = originOf(value);
        if (origin) state.parentOrigin = origin;
        else {
          ignore(param, raw, 'an origin such as https://example.org', {
            id: 'analysis.link.reason.origin',
          });
        }
        break;
      }
      case 'whatif': {
        const whatif = parseWhatIfParam(value);
        if (typeof whatif === 'string') ignore(param, raw, whatif);
        else state.whatif = whatif;
        break;
      }
      default: {
        if (!isAnySettingKey(param)) {
          ignore(param, raw, 'not a parameter of this page', {
            id: 'analysis.link.reason.unknown',
          });
          break;
        }
        const name = settingName(param);
        const later = entries[lastOfName.get(name)!]![0];
        if (later !== param) {
          ignore(param, raw, `${shown(later)} is the same setting, and only the last one is read`, {
            id: 'analysis.link.reason.sameSetting',
            values: { param: shown(later) },
          });
          break;
        }
        const problem = valueProblem(param, value);
        if (problem) ignore(param, raw, problem);
        else {
          settings[name] = value;
          given.set(name, param);
        }
      }
    }
  }
  const clash = lessonClash(state);
  if (clash) {
    ignore('flow', params.get('flow')!, clash);
    state.flow = null;
  }
  // A step the link's flow does not have ("latency.charge" or "steps.charge.where" with a
  // password check) is refused naming the flow's steps; each value was checked on its own above.
  const flow = linkFlow(state) ?? checkoutFlow();
  const config = buildConfig({}, flow);
  for (const [key, value] of Object.entries(settings)) {
    const problem = findSetting(key)!.apply(config, value);
    if (problem === undefined) continue;
    ignore(given.get(key)!, value, problem);
    delete settings[key];
  }
  // whatif=latency.charge with a password check: the panel has no such setting to open on.
  const noStep = state.whatif ? whatIfStepProblem(state.whatif.setting, flow) : undefined;
  if (noStep) {
    ignore('whatif', params.get('whatif')!, noStep);
    state.whatif = null;
  }
  // Settings and locks in the link's order, so that a link and its round trip read the same.
  state.settings = inLinkOrder(settings, flow);
  state.lock = lockedKeys(lock, flow, ignore);
  // With a caption, the caption gives the moment and the store names an unreachable t then.
  const tooFar =
    state.t > 0 && state.caption === null ? overBudget(recipeOf(state), state.t * 1000) : undefined;
  if (tooFar) {
    ignore('t', params.get('t') ?? '', `${tooFar}; the run starts at 0 s`);
    state.t = 0;
  }
  if (notices.length <= MAX_NOTICES) return { state, notices };
  return {
    state,
    notices: [...notices.slice(0, MAX_NOTICES), { more: notices.length - MAX_NOTICES }],
  };
}

/** The run a link asks for, as the replay budget reads it: the scenario's settings and script,
 * with the link's settings on top. */
function recipeOf(state: UrlState) {
  const scenario = state.scenario === null ? undefined : lessonEntry(state.scenario);
  return {
    settings: { ...scenario?.settings, ...state.settings },
    seed: 0,
    durationMs: scenario ? scenario.durationSec * 1000 : DEFAULT_DURATION_MS,
    changes: scenario ? scenarioChanges(scenario) : [],
    ...flowField(linkFlow(state)),
  };
}

/** The flow a link runs: its `flow`, else its scenario's; undefined for the checkout. */
export function linkFlow(state: Pick<UrlState, 'flow' | 'scenario'>): Flow | undefined {
  if (state.flow !== null) return state.flow;
  const scenario = state.scenario === null ? undefined : lessonEntry(state.scenario);
  return scenario ? scenarioFlow(scenario) : undefined;
}

/** The origin of an http(s) URL, if the text is exactly such an origin. */
function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin === text.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}
