/** A burst of host messages handled as one, so that a flood costs about what as many unknown
 * messages cost: the last `seek` of the burst supersedes every earlier one, whatever comes between;
 * the `set`s of one key run once, with the last value the page takes; consecutive `step`s merge
 * into one run of steps; consecutive `getState`s read the state once. Every request with an id
 * still gets its own reply, in the order the requests came; repeated `getState`s without an id
 * are answered once. Pure over the dispatcher's target. */
import { readCommand, run, type ApiPolicy, type ApiTarget } from './dispatch.ts';
import { outbound, type Command, type Outbound, type RequestId } from './protocol.ts';

/** A message as read on arrival (so nothing big is kept), with whatever the caller needs to
 * address the reply. */
export interface Queued<T> {
  command: ReturnType<typeof readCommand>;
  to: T;
}

export function queued<T>(data: unknown, to: T): Queued<T> {
  return { command: readCommand(data), to };
}

type Valid<T> = Queued<T> & { command: Command };
type SetCommand = Extract<Command, { type: 'set' }>;

function isValid<T>(q: Queued<T> | undefined): q is Valid<T> {
  return q !== undefined && !('problem' in q.command);
}

/** The run of messages from `start` that are valid commands of this type. */
function runOf<T>(queue: readonly Queued<T>[], start: number, type: string): Valid<T>[] {
  const same: Valid<T>[] = [];
  for (let i = start; i < queue.length; i++) {
    const q = queue[i];
    if (!isValid(q) || q.command.type !== type) break;
    same.push(q);
  }
  return same;
}

/** Where the burst's valid seeks and sets are: the last seek, and each key's sets in order. */
function survey<T>(queue: readonly Queued<T>[]) {
  let lastSeek = -1;
  const setsOf = new Map<string, number[]>();
  queue.forEach((q, i) => {
    if (!isValid(q)) return;
    if (q.command.type === 'seek') lastSeek = i;
    if (q.command.type === 'set') {
      const sets = setsOf.get(q.command.key);
      if (sets) sets.push(i);
      else setsOf.set(q.command.key, [i]);
    }
  });
  return { lastSeek, setsOf };
}

/** Runs the queue in order; returns the replies, each with where it goes. */
export function runQueue<T>(
  queue: readonly Queued<T>[],
  target: ApiTarget,
  policy: ApiPolicy,
): { reply: Outbound; to: T }[] {
  // Replies by the index of their request: a set's reply is known only once its key's last set
  // has run. A repeated getState without an id leaves its slot empty.
  const replies: ({ reply: Outbound; to: T } | undefined)[] = new Array(queue.length);
  const ok = (q: Valid<T>, note?: string) =>
    outbound(
      note === undefined
        ? ({ type: 'ok', command: q.command.type } as const)
        : ({ type: 'ok', command: q.command.type, note } as const),
      q.command.id,
    );
  const { lastSeek, setsOf } = survey(queue);

  /** Runs a key's sets at its last one: the last value the page takes wins, and the sets before
   * it are superseded. Refusals render nothing (the target's set is quiet), so trying an earlier
   * value after a refused later one costs about what an unknown message does. */
  const runSets = (indices: readonly number[]) => {
    let k = indices.length - 1;
    for (; k >= 0; k--) {
      const q = queue[indices[k]!] as Valid<T> & { command: SetCommand };
      const reply = run(q.command, target, policy);
      replies[indices[k]!] = { reply, to: q.to };
      if (reply.type === 'ok') break;
    }
    for (let j = 0; j < k; j++) {
      const q = queue[indices[j]!] as Valid<T> & { command: SetCommand };
      const note = `superseded by a later set of ${q.command.key}`;
      replies[indices[j]!] = { reply: ok(q, note), to: q.to };
    }
  };

  let i = 0;
  while (i < queue.length) {
    const q = queue[i]!;
    if (!isValid(q)) {
      const { problem, id } = q.command as { problem: string; id?: RequestId };
      replies[i] = { reply: outbound({ type: 'error', message: problem } as const, id), to: q.to };
      i++;
      continue;
    }
    switch (q.command.type) {
      case 'seek':
        // Only the burst's last seek moves time: an earlier one, even with a pause or a set
        // between, would be a slice of work thrown away.
        replies[i] = {
          reply:
            i === lastSeek ? run(q.command, target, policy) : ok(q, 'superseded by a later seek'),
          to: q.to,
        };
        i++;
        break;
      case 'set': {
        const indices = setsOf.get(q.command.key)!;
        if (indices[indices.length - 1] === i) runSets(indices);
        i++;
        break;
      }
      case 'step': {
        const same = runOf(queue, i, 'step');
        target.step(same.length);
        same.forEach((s, k) => (replies[i + k] = { reply: ok(s), to: s.to }));
        i += same.length;
        break;
      }
      case 'getState': {
        const same = runOf(queue, i, 'getState');
        const state = target.getState();
        let answeredWithoutId = false;
        same.forEach((s, k) => {
          if (s.command.id === undefined && answeredWithoutId) return;
          answeredWithoutId ||= s.command.id === undefined;
          replies[i + k] = {
            reply: outbound({ type: 'state', state } as const, s.command.id),
            to: s.to,
          };
        });
        i += same.length;
        break;
      }
      default:
        replies[i] = { reply: run(q.command, target, policy), to: q.to };
        i++;
    }
  }
  return replies.filter((r) => r !== undefined);
}
