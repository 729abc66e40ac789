/** The one-sentence summary a screen reader hears (role="status"): what each lane's customer has
 * seen, in words. It changes only when a page or an email arrives, never every frame. */
import type { Mode } from '../../engine/index.ts';
import type { ScreenState } from './snapshot.ts';
import { formatTime } from '../../format/index.ts';

const NAMES: Record<Mode, string> = { sync: 'Sync', async: 'Async' };

function laneSentence(mode: Mode, s: ScreenState): string {
  if (s.phase === 'idle') return `${NAMES[mode]}: no order yet.`;
  if (s.phase === 'unknown') return `${NAMES[mode]}: not known, events of this order were lost.`;
  const page =
    s.phase === 'waiting'
      ? 'the customer is waiting'
      : s.failedStep !== null
        ? `success page after ${formatTime(s.pageMs)}, then its ${s.failedStep} step failed and an apology was sent`
        : `${s.phase === 'success' ? 'success' : 'error'} page after ${formatTime(s.pageMs)}${s.reason === 'server crashed' ? ': the server crashed' : ''}`;
  const email =
    s.email === 'sent'
      ? `email sent at ${formatTime(s.emailMs)}${s.emailSends > 1 ? `, then ${s.emailSends - 1} more: duplicates` : ''}`
      : s.email === 'lost'
        ? 'email lost'
        : s.email === 'dead'
          ? 'email dead-lettered'
          : 'email not sent yet';
  return `${NAMES[mode]}: ${page}, ${email}.`;
}

export function summaryOf(modes: readonly Mode[], screens: Record<Mode, ScreenState>): string {
  const order = screens[modes[0]!].order;
  const lead = order > 0 ? `Order ${order}. ` : '';
  return lead + modes.map((m) => laneSentence(m, screens[m])).join(' ');
}
