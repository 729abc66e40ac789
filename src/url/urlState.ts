/** What a link carries: the simulation's state (scenario, lanes shown, seed, speed, moment or caption,
 * settings, panels) and how the page is shown (embedding, controls, locks, theme, motion, host API). */
import { formatCount } from '../format/index.ts';
import type { MessageId, MessageValues } from '../i18n/runtime.ts';
import type { AnySettingKey, Flow, SettingKey, StepSettingKey } from '../engine/index.ts';
import type { Theme } from '../store/pageStore.ts';
import type { LanesShown } from '../store/simulatorTypes.ts';
import type { Locale } from '../i18n/locales.ts';

/** The one version of the parameters; links without `v` are read as this version. */
export const URL_VERSION = 1;

export const LANES_SHOWN = ['compare', 'sync', 'async'] as const satisfies readonly LanesShown[];
export const CONTROLS = ['none', 'basic', 'full'] as const;
export type ControlsLevel = (typeof CONTROLS)[number];
/** The page's parts a link can show or hide. */
export const PANELS = ['controls', 'charts', 'log'] as const;
export type Panel = (typeof PANELS)[number];

export interface UrlState {
  /** A preset scenario's id, or null for the free simulator. */
  scenario: string | null;
  /** null: the scenario's own view (Compare without one). */
  mode: LanesShown | null;
  /** null: the scenario's own seed (1 without one). */
  seed: number | null;
  speed: number;
  /** The simulated moment, in seconds. */
  t: number;
  /** A lesson's caption to open on, as the link wrote it ("2": the second caption). Checked
   * against the store's beats once the lesson is loaded (`captionMoment`); it wins over `t`. */
  caption: string | null;
  /** The link's flow: a preset (FLOW_PRESETS) or steps of one's own (flowParam.ts), or null: the
   * scenario's own flow (the checkout without one), so links from before flows mean what they
   * meant. */
  flow: Flow | null;
  /** Settings that differ from the scenario's (or the defaults), as the registry formats them:
   * registry keys, then the steps' own in the flow's order (linkSettings.ts). A step's keys are a
   * template type (parseParams has checked each against the flow); any other key is a type error. */
  settings: Readonly<Partial<Record<SettingKey, string>> & Record<StepSettingKey, string>>;
  /** null: everything the layout shows by default. */
  panels: readonly Panel[] | null;
  embed: boolean;
  /** null: full on the page, basic when embedded. */
  controls: ControlsLevel | null;
  /** Settings whose controls are disabled and which a host may not `set`, each by every name it
   * goes by (`latency.charge` and `steps.charge.latency`); a link writes each once. */
  lock: readonly AnySettingKey[];
  theme: Theme | null;
  reducedMotion: boolean;
  /** Open in presentation mode (large type, beats on PageDown). */
  present: boolean;
  /** null: play at once unless framed or the reader prefers less motion. */
  autoplay: boolean | null;
  /** Whether a host page may change the state (reset, loadScenario, set). */
  api: boolean;
  /** The only origin whose messages are accepted, when given. */
  parentOrigin: string | null;
  /** Open the "What if?" panel on this setting and metric (`whatif=workers.count,email-p95`). */
  whatif: { setting: string; metric: string } | null;
  /** The page's language; null: the browser's (the first of its languages the page has). */
  lang: Locale | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  scenario: null,
  mode: null,
  seed: null,
  speed: 1,
  t: 0,
  caption: null,
  flow: null,
  settings: {},
  panels: null,
  embed: false,
  controls: null,
  lock: [],
  theme: null,
  reducedMotion: false,
  present: false,
  autoplay: null,
  api: false,
  parentOrigin: null,
  whatif: null,
  lang: null,
};

/** What a notice says was wrong, as a catalog message (`analysis.link.reason.…`) whose English is
 * `allowed` word for word (test/url/linkReasons.test.ts). */
export interface NoticeReason {
  id: MessageId;
  values?: MessageValues;
}

/** A parameter the page ignored, with what it would have accepted, in English (the engine's words
 * where it refused the value) and, where the page words it, as a message; or, after the first
 * few, how many more there were. The page shows it in the language on (src/url/noticeWords.ts). */
export type Notice =
  { param: string; value: string; allowed: string; reason?: NoticeReason } | { more: number };

/** A notice in English, as the command line and the tests read it. */
export function noticeText(n: Notice): string {
  if ('more' in n)
    return `And ${formatCount(n.more)} more ignored ${n.more === 1 ? 'parameter' : 'parameters'}.`;
  return `Ignored ${n.param}=${n.value}: ${n.allowed}.`;
}
