/** The postMessage vocabulary between the simulator and a host page: plain objects with a `type`,
 * an optional `id` that replies carry back, and `source: "sync-vs-async"` on everything sent out. */

import type { Flow } from '../engine/index.ts';
import type { Locale } from '../i18n/locales.ts';
import type { VideoFields } from './videoRequest.ts';

export const SOURCE = 'sync-vs-async';

/** Commands any framing page may send: they only move time or read. */
export const HARMLESS = [
  'play',
  'pause',
  'step',
  'seek',
  'getState',
  'subscribe',
  'exportVideo',
  'setLanguage',
  'cancelVideo',
] as const;
/** Commands that change the run: only when the page was opened with `api=1`. */
export const STATE_CHANGING = ['reset', 'loadScenario', 'set', 'setFlow'] as const;
export type CommandType = (typeof HARMLESS)[number] | (typeof STATE_CHANGING)[number];
export const COMMANDS: readonly CommandType[] = [...HARMLESS, ...STATE_CHANGING];

export type RequestId = string | number;

export type Command =
  | {
      type: 'play' | 'pause' | 'step' | 'getState' | 'subscribe' | 'reset' | 'cancelVideo';
      id?: RequestId;
    }
  | { type: 'seek'; id?: RequestId; t: number }
  | { type: 'loadScenario'; id?: RequestId; scenario: string }
  | { type: 'set'; id?: RequestId; key: string; value: string }
  /** Sent as a preset's id, a link's steps text, or a flow object as `--flow` files hold it; the
   * dispatcher has checked it (parseFlow) by the time it is a Command. */
  | { type: 'setFlow'; id?: RequestId; flow: Flow }
  /** The page's language, as the link's `lang` names it; kept in the links the page hands out. */
  | { type: 'setLanguage'; id?: RequestId; lang: Locale }
  /** A video of the run (videoRequest.ts): its fields' values are checked when it starts. */
  | { type: 'exportVideo'; id?: RequestId; fields: VideoFields };

/** What `state` messages and `getState` replies carry. */
export interface PublicState {
  scenario: string | null;
  mode: string;
  seed: number;
  speed: number;
  /** Simulated seconds. */
  t: number;
  playing: boolean;
  /** Every setting's value in force now, as the registry formats it. */
  settings: Readonly<Record<string, string>>;
  /** The query string of a link to this state. */
  query: string;
}

export type Outbound = { source: typeof SOURCE; id?: RequestId } & (
  | { type: 'ready'; version: number; api: boolean; commands: readonly CommandType[] }
  | { type: 'state'; state: PublicState }
  | { type: 'ok'; command: CommandType; note?: string }
  | { type: 'error'; command?: string; message: string }
  | { type: 'resize'; height: number }
  | { type: 'event'; lane: string; t: number; text: string; tone: string }
  /** An `exportVideo` on its way: frames drawn of all, and the seconds left at its pace so far. */
  | {
      type: 'progress';
      command: 'exportVideo';
      done: number;
      total: number;
      leftSec: number | null;
    }
  /** The finished video: a Blob of `video/webm`, `video/mp4` or `image/gif`. */
  | { type: 'video'; name: string; blob: Blob }
);

/** Adds the source tag and, when there is one, the request's id. */
export function outbound<T extends object>(
  body: T,
  id?: RequestId,
): T & { source: typeof SOURCE; id?: RequestId } {
  return id === undefined ? { source: SOURCE, ...body } : { source: SOURCE, id, ...body };
}
