/** The host API's dispatcher: validates one incoming message, refuses what this page does not
 * allow, runs the command on a small interface and returns the reply. Pure over that interface, so
 * it is tested without a browser; `bridge.ts` wires it to window messages. */
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
  step(): void;
  /** Simulated seconds. */
  seek(t: number): void;
  getState(): PublicState;
  subscribe(): void;
  reset(): void;
  loadScenario(id: string): string | undefined;
  set(key: string, value: string): string | undefined;
}

export interface ApiPolicy {
  /** The page was opened with `api=1`: state-changing commands are allowed. */
  api: boolean;
  /** Settings locked by the `lock` parameter. */
  locked: ReadonlySet<string>;
}

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
      return withId({ type: 'loadScenario', scenario }) as Command;
    }
    case 'set': {
      const { key, value } = data;
      const valueOk = ['string', 'number', 'boolean'].includes(typeof value);
      if (typeof key !== 'string' || !valueOk) {
        return fail('set needs key (a setting key) and value (a string, number or boolean)');
      }
      return withId({ type: 'set', key, value: String(value) }) as Command;
    }
    default:
      return withId({ type }) as Command;
  }
}

/** Runs one message; returns the reply to send back (an `error` when it is malformed or
 * refused, and then nothing has changed). */
export function dispatch(data: unknown, target: ApiTarget, policy: ApiPolicy): Outbound {
  const command = readCommand(data);
  if ('problem' in command) {
    return outbound({ type: 'error', message: command.problem } as const, command.id);
  }
  const { id, type } = command;
  const error = (message: string) =>
    outbound({ type: 'error', command: type, message } as const, id);
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
      target.step();
      return ok();
    case 'seek':
      target.seek(command.t);
      return ok();
    case 'getState':
      return outbound({ type: 'state', state: target.getState() } as const, id);
    case 'subscribe':
      target.subscribe();
      return ok();
    case 'reset':
      target.reset();
      return ok();
    case 'loadScenario': {
      const problem = target.loadScenario(command.scenario);
      return problem ? error(problem) : ok();
    }
    case 'set': {
      if (policy.locked.has(command.key)) {
        return error(`${command.key} is locked on this page (the lock parameter)`);
      }
      const problem = target.set(command.key, command.value);
      return problem ? error(problem) : ok();
    }
  }
}
