/** What the customer's page says in each flow: while they wait, and once it answers. Decision: a
 * flow names its page by its id here, in the UI, not in the engine's flow (whose steps are what
 * the server does, not what a screen says); a flow not listed says "Working…" and "Done". A login
 * whose password check runs in the background cannot sign anyone in: its page promises an answer
 * later ("We'll let you know"), which is why that check belongs in the request. The checkout's page
 * says "Order confirmed" even with its charge in the background: that is what such a shop tells
 * the customer, and why an order can be confirmed, then fail. */
import type { Flow, Mode } from '../engine/index.ts';

export interface PageWords {
  waiting: string;
  done: string;
  /** The page when a result the customer needs is still in the background (async only). */
  later?: string;
  /** Whether the flow sends an email, so the screen has an email clock. */
  email: boolean;
}

const WORDS: Readonly<Record<string, Omit<PageWords, 'email'>>> = {
  checkout: { waiting: 'Placing your order…', done: 'Order confirmed' },
  login: { waiting: 'Signing in…', done: 'Signed in', later: 'We’ll let you know' },
  password: { waiting: 'Signing in…', done: 'Signed in', later: 'We’ll let you know' },
  signup: { waiting: 'Creating your account…', done: 'Account created' },
  video: { waiting: 'Uploading your video…', done: 'Video uploaded' },
};

export function pageWords(flow: Flow, mode: Mode): PageWords & { success: string } {
  const words = WORDS[flow.id] ?? { waiting: 'Working…', done: 'Done' };
  const needed =
    mode === 'async' && flow.steps.some((s) => s.where === 'background' && s.needsResult);
  const email = flow.steps.some((s) => s.id === 'email');
  return { ...words, email, success: needed && words.later ? words.later : words.done };
}
