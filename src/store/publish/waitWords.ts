/** The lane's countdowns in words, for a screen reader and for tests: what the soonest few waits
 * are for and how long each has left ("order 12: try 3 in 2.0 s"), the same facts the diagram's
 * countdown rings draw. */
import type { WaitView } from '../../engine/index.ts';
import { formatCount, formatTime } from '../../format/index.ts';

/** Phrases said at most: the soonest waits; the rest are counted. */
export const MAX_WAIT_PHRASES = 3;

/** One wait in words, `nowMs` being the moment shown. */
export function waitPhrase(wait: WaitView, nowMs: number): string {
  const left = formatTime(Math.max(0, wait.endMs - nowMs), 1);
  const order = `order ${wait.order}`;
  switch (wait.kind) {
    case 'backoff':
      return `${order}: try ${wait.attempt} in ${left}`;
    case 'lease':
      return wait.worker >= 0
        ? `${order}: visible again in ${left} unless worker ${wait.worker} deletes it`
        : `${order}: nobody is on it, visible again in ${left} for try ${wait.attempt}`;
    case 'minIdle':
      return wait.worker >= 0
        ? `${order}: claimable in ${left} unless worker ${wait.worker} acks it`
        : `${order}: nobody is on it, claimed in ${left} for try ${wait.attempt}`;
    case 'session':
      return `worker ${wait.worker}: leaves the consumer group in ${left}`;
  }
}

/** The lane's sentence: its soonest waits, then how many more there are. `waits` come soonest
 * first, as the engine's view lists them. */
export function waitWords(
  waits: readonly WaitView[],
  nowMs: number,
  max = MAX_WAIT_PHRASES,
): string {
  const said: string[] = [];
  let more = 0;
  for (const w of waits) {
    // The clock may be a little past the engine's last event: an ended wait is not said.
    if (w.endMs <= nowMs) continue;
    if (said.length < max) said.push(waitPhrase(w, nowMs));
    else more++;
  }
  if (said.length === 0) return 'Nothing is waiting on a timer.';
  return `Waiting: ${said.join('; ')}${more > 0 ? `; and ${formatCount(more)} more` : ''}.`;
}
