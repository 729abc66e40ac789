/** The host API's dispatcher: validates one incoming message, refuses what this page does not
 * allow, runs the command on a small interface and returns the reply. Pure over that interface, so
 * it is tested without a browser; `queue.ts` coalesces a burst of them and `bridge.ts` wires them
 * to window messages. The `lock` parameter is the store's to enforce, on every path. */
import { parseFlow, type Flow } from '../engine/index.ts';
import { cutEchoes } from '../store/changes/echo.ts';
import { readFlowParam } from '../url/flowParam.ts';
import type { VideoFields } from './videoRequest.ts';
import { isLocale, LOCALES, type Locale } from '../i18n/locales.ts';
import {
  COMMANDS,
  STATE_CHANGING,
  outbound,
  type Command,
  type CommandType,
  type Outbound,
  type PublicState,
  type RequestId,
} from './protocol.ts';

/** What the dispatcher may do to the simulator. Each state change returns an error sentence or
 * undefined. */
export interface ApiTarget {
  play(): void;
  pause(): void;
  /** `count` steps, merged into one update. */
  step(count: number): void;
  /** Simulated seconds; refused when reaching them costs more than the replay budget. */
  seek(t: number): string | undefined;
  getState(): PublicState;
  subscribe(): void;
  reset(): void;
  /** An error, or a note on what was kept (locked settings). */
  loadScenario(id: string): { problem?: string; note?: string };
  set(key: string, value: string): string | undefined;
  /** Restarts the run from 0 s on this flow; refused when the lesson or a lock needs a step it
   * lacks. */
  setFlow(flow: Flow): string | undefined;
  /** Starts a video of the run, whose progress and file (or error) follow as their own messages
   * with `id`. */
  exportVideo(fields: VideoFields, id?: RequestId): string | undefined;
  /** Switches the page's language (its catalog loads first, when not loaded yet). */
  setLanguage(lang: Locale): void;
  /** Stops the video being made (its request then gets an `error`); refused when there is none. */
  cancelVideo(): string | undefined;
}

export interface ApiPolicy {
  /** The page was opened with `api=1`: state-changing commands are allowed. */
  api: boolean;
}

/** Longest setting key or scenario id, and longest value, a message may carry: far above any real
 * one, far below what would cost memory to keep or to echo. */
const MAX_NAME_CHARS = 100;
const MAX_VALUE_CHARS = 1000;
/** A flow object's JSON at most: 8 steps of long fields are about 2,000. */
const MAX_FLOW_CHARS = 10_000;

function isPlainObject(data: unknown): data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const proto = Object.getPrototypeOf(data) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The command in a message, or the sentence saying what is wrong with it. */
export function readCommand(data: unknown): Command | { problem: string; id?: RequestId } {
  if (!isPlainObject(data)) return { problem: 'a message is a plain object {type, id?, ...}' };
  const rawId = data.id;
  const idOk =
    rawId === undefined ||
    (typeof rawId === 'string' && rawId.length <= 200) ||
    (typeof rawId === 'number' && Number.isFinite(rawId));
  if (!idOk) return { problem: 'id must be a string or a finite number' };
  const id = rawId as RequestId | undefined;
  const withId = <T extends object>(c: T) => (id === undefined ? c : { ...c, id });
  const fail = (problem: string) => withId({ problem });
  const type = data.type;
  if (typeof type !== 'string' || !(COMMANDS as readonly string[]).includes(type)) {
    return fail(`type must be one of ${COMMANDS.join(', ')}`);
  }
  switch (type as CommandType) {
    case 'seek': {
      const t = data.t;
      if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
        return fail('seek needs t, a number of simulated seconds from 0');
      }
      return withId({ type: 'seek', t }) as Command;
    }
    case 'loadScenario': {
      // `{type: 'loadScenario', id}` names the scenario by id; `scenario` leaves id for replies.
      const scenario = data.scenario ?? data.id;
      if (typeof scenario !== 'string') return fail('loadScenario needs scenario, a scenario id');
      if (scenario.length > MAX_NAME_CHARS) return fail(tooLong('scenario', scenario));
      return withId({ type: 'loadScenario', scenario }) as Command;
    }
    case 'set': {
      const { key, value } = data;
      const valueOk = ['string', 'number', 'boolean'].includes(typeof value);
      if (typeof key !== 'string' || !valueOk) {
        return fail('set needs key (a setting key) and value (a string, number or boolean)');
      }
      if (key.length > MAX_NAME_CHARS) return fail(tooLong('key', key));
      const text = String(value);
      if (text.length > MAX_VALUE_CHARS) return fail(tooLong('value', text, MAX_VALUE_CHARS));
      return withId({ type: 'set', key, value: text }) as Command;
    }
    case 'exportVideo':
      // Its fields are read when the job starts (videoJob.ts), loaded only then.
      return withId({ type: 'exportVideo', fields: data }) as Command;
    case 'setLanguage': {
      const lang = data.lang;
      if (typeof lang !== 'string' || !isLocale(lang)) {
        return fail(`setLanguage needs lang, one of ${LOCALES.join(', ')}`);
      }
      return withId({ type: 'setLanguage', lang }) as Command;
    }
    case 'setFlow': {
      const flow = readFlow(data.flow);
      return typeof flow === 'string' ? fail(flow) : (withId({ type: 'setFlow', flow }) as Command);
    }
    default:
      return withId({ type }) as Command;
  }
}

/** A host's flow: a preset's id or a link's steps (as `flow=` reads them), or an object as a
 * `--flow` file holds it; checked by parseFlow either way. */
function readFlow(raw: unknown): Flow | string {
  if (typeof raw === 'string') return readFlowParam(raw);
  if (typeof raw !== 'object' || raw === null) {
    return 'setFlow needs flow: a preset id, or a flow object {"steps": [{"id", "label", "latency", "where"}, …]}';
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(raw);
  } catch {
    text = undefined;
  }
  if (text === undefined) return 'setFlow needs flow as plain JSON data';
  if (text.length > MAX_FLOW_CHARS) return tooLong('flow', text, MAX_FLOW_CHARS);
  return parseFlow(raw);
}

function tooLong(field: string, text: string, most = MAX_NAME_CHARS): string {
  return `${field} is too long (${text.length} characters; at most ${most})`;
}

/** Runs one message; returns the reply to send back (an `error` when it is malformed or
 * refused, and then nothing has changed). */
export function dispatch(data: unknown, target: ApiTarget, policy: ApiPolicy): Outbound {
  const command = readCommand(data);
  if ('problem' in command) {
    return outbound({ type: 'error', message: command.problem } as const, command.id);
  }
  return run(command, target, policy);
}

/** The input a command carries, which its replies may quote only cut. */
function inputsOf(command: Command): string[] {
  if (command.type === 'set') return [command.key, command.value];
  if (command.type === 'loadScenario') return [command.scenario];
  return [];
}

/** Runs one valid command; returns its reply. */
export function run(command: Command, target: ApiTarget, policy: ApiPolicy): Outbound {
  const { id, type } = command;
  const error = (message: string) =>
    outbound(
      { type: 'error', command: type, message: cutEchoes(message, inputsOf(command)) } as const,
      id,
    );
  const ok = () => outbound({ type: 'ok', command: type } as const, id);
  if ((STATE_CHANGING as readonly string[]).includes(type) && !policy.api) {
    return error(`${type} changes the simulation: this page was not opened with api=1`);
  }
  switch (command.type) {
    case 'play':
      target.play();
      return ok();
    case 'pause':
      target.pause();
      return ok();
    case 'step':
      target.step(1);
      return ok();
    case 'seek': {
      const problem = target.seek(command.t);
      return problem ? error(problem) : ok();
    }
    case 'getState':
      return outbound({ type: 'state', state: target.getState() } as const, id);
    case 'subscribe':
      target.subscribe();
      return ok();
    case 'reset':
      target.reset();
      return ok();
    case 'loadScenario': {
      const { problem, note } = target.loadScenario(command.scenario);
      if (problem) return error(problem);
      return note ? outbound({ type: 'ok', command: type, note } as const, id) : ok();
    }
    case 'set': {
      const problem = target.set(command.key, command.value);
      return problem ? error(problem) : ok();
    }
    case 'setFlow': {
      const problem = target.setFlow(command.flow);
      return problem ? error(problem) : ok();
    }
    case 'setLanguage':
      target.setLanguage(command.lang);
      return ok();
    case 'exportVideo': {
      const problem = target.exportVideo(command.fields, id);
      if (problem) return error(problem);
      return outbound({ type: 'ok', command: type, note: 'started' } as const, id);
    }
    case 'cancelVideo': {
      const problem = target.cancelVideo();
      return problem ? error(problem) : ok();
    }
  }
}
