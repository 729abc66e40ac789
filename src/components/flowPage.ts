/** What the customer's page says in each flow: while they wait, and once it answers. Decision: a
 * flow names its page by its id here, in the UI, not in the engine's flow (whose steps are what
 * the server does, not what a screen says); a flow not listed says "Working…" and "Done". A login
 * whose password check runs in the background cannot sign anyone in: its page promises an answer
 * later ("We'll let you know"), which is why that check belongs in the request. The checkout's page
 * says "Order confirmed" even with its charge in the background: that is what such a shop tells
 * the customer, and why an order can be confirmed, then fail. */
import type { Flow, Mode } from '../engine/index.ts';
import type { MessageId } from '../i18n/runtime.ts';

export interface PageWords {
  /** The page's message: `{state}` is `waiting`, `done` or, where the flow has one, `later`. */
  id: MessageId;
  /** Whether the flow sends an email, so the screen has an email clock. */
  email: boolean;
  /** The page once it answers: `later` when a result the customer needs is still in the
   * background (async only, and only a flow whose page says so). */
  success: 'done' | 'later';
}

/** Each flow's page words (`screen.page.<id>`); `later` where the flow's page has it. */
const PAGES: Readonly<Record<string, { id: MessageId; later?: true }>> = {
  checkout: { id: 'screen.page.checkout' },
  login: { id: 'screen.page.password', later: true },
  password: { id: 'screen.page.password', later: true },
  signup: { id: 'screen.page.signup' },
  video: { id: 'screen.page.video' },
};

export function pageWords(flow: Flow, mode: Mode): PageWords {
  const page = PAGES[flow.id] ?? { id: 'screen.page.other' };
  const needed =
    mode === 'async' && flow.steps.some((s) => s.where === 'background' && s.needsResult);
  const email = flow.steps.some((s) => s.id === 'email');
  return { id: page.id, email, success: needed && page.later ? 'later' : 'done' };
}
