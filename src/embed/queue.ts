/** A burst of host messages handled as one: consecutive `step`s merge into one run of steps, a
 * `seek` followed by another is superseded by it, and consecutive `getState`s read the state
 * once. Every request with an id still gets its own reply, so a host awaiting it is answered;
 * repeated `getState`s without an id are answered once. Pure over the dispatcher's target. */
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

/** Runs the queue in order; returns the replies, each with where it goes. */
export function runQueue<T>(
  queue: readonly Queued<T>[],
  target: ApiTarget,
  policy: ApiPolicy,
): { reply: Outbound; to: T }[] {
  const replies: { reply: Outbound; to: T }[] = [];
  const ok = (q: Valid<T>, note?: string) =>
    outbound(
      note === undefined
        ? ({ type: 'ok', command: q.command.type } as const)
        : ({ type: 'ok', command: q.command.type, note } as const),
      q.command.id,
    );
  let i = 0;
  while (i < queue.length) {
    const q = queue[i]!;
    if (!isValid(q)) {
      const { problem, id } = q.command as { problem: string; id?: RequestId };
      replies.push({ reply: outbound({ type: 'error', message: problem } as const, id), to: q.to });
      i++;
      continue;
    }
    const same = runOf(queue, i, q.command.type);
    i += same.length;
    switch (q.command.type) {
      case 'step':
        target.step(same.length);
        for (const s of same) replies.push({ reply: ok(s), to: s.to });
        break;
      case 'seek': {
        const last = same[same.length - 1]!;
        for (const s of same.slice(0, -1)) {
          replies.push({ reply: ok(s, 'superseded by a later seek'), to: s.to });
        }
        replies.push({ reply: run(last.command, target, policy), to: last.to });
        break;
      }
      case 'getState': {
        const state = target.getState();
        let answeredWithoutId = false;
        for (const s of same) {
          if (s.command.id === undefined && answeredWithoutId) continue;
          answeredWithoutId ||= s.command.id === undefined;
          replies.push({
            reply: outbound({ type: 'state', state } as const, s.command.id),
            to: s.to,
          });
        }
        break;
      }
      default:
        for (const s of same) replies.push({ reply: run(s.command, target, policy), to: s.to });
    }
  }
  return replies;
}
