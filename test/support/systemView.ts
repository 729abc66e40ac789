// A SystemView for tests of what is drawn from the engine's view: empty pools unless told, and
// totals counted from the lists given (as the engine's view counts them when nothing is left out).
import { emptyTotals, type SystemView, type ViewTotals } from '../../src/engine/index.ts';

export function systemView(parts: Partial<SystemView>): SystemView {
  const view: SystemView = {
    now: 0,
    mode: 'sync',
    handlers: { busy: 0, total: 64, waiting: 0 },
    requests: [],
    visible: [],
    delayed: [],
    workers: [],
    emailDown: false,
    broker: 'sqs',
    partitions: [],
    deadLetters: 0,
    dropped: 0,
    hidden: 0,
    waits: [],
    totals: emptyTotals(),
    ...parts,
  };
  // The pool's size is not part of a view, so a test with workers leaving says so in `totals`.
  if (!parts.totals) view.totals = totalsOf(view);
  return view;
}

function totalsOf(view: SystemView): ViewTotals {
  const t = emptyTotals();
  for (const r of view.requests) {
    t.steps[r.step] = (t.steps[r.step] ?? 0) + 1;
    if (r.page === 'none') t.usersWaiting++;
  }
  t.visible = view.visible.length;
  t.delayed = view.delayed.length;
  for (const w of view.workers) {
    t.workers[w.state]++;
    t.prefetched += w.prefetched;
  }
  return t;
}
