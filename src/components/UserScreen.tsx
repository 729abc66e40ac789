/** What the followed customer sees in one lane: a spinner while they wait, then the success or
 * error page with the time it took; and two clocks, for the page and for the email. */
import { useRef } from 'react';
import type { Mode } from '../engine/index.ts';
import { useFrame, useLane, useSim, useSimulator, usePageState } from '../store/react/hooks.ts';
import { selectPlaying, selectSelect } from '../store/react/selectors.ts';
import type { ScreenState } from '../store/publish/snapshot.ts';
import type { Simulator } from '../store/simulatorTypes.ts';
import { ClockReadout } from './ClockReadout.tsx';
import { formatTime, MISSING } from '../format/index.ts';
import { MODE_TITLE } from './modeTitle.ts';
import { Icon } from './Icon.tsx';
import { pageWords } from './flowPage.ts';
import { useLaneFlow } from './useLaneFlow.ts';

/** What an error page says happened, by the engine's reason: a crashed server's page is the
 * gateway's error, as a load balancer answers for a process that died mid-request. */
const ERROR_DETAIL: Readonly<Record<string, string>> = {
  timeout: 'gave up',
  'server crashed': 'server crashed',
};

/** A flow step's label, from the lane's own flow (its id if the flow has no such step). */
function stepLabel(simulator: Simulator, mode: Mode, id: string): string {
  return simulator.lane(mode).config.flow.steps.find((s) => s.id === id)?.label ?? id;
}

function emailText(s: ScreenState, mode: Mode): { value: string; note: string } {
  switch (s.email) {
    case 'sent':
      return {
        value: formatTime(s.emailMs),
        note:
          s.emailSends === 2
            ? 'sent again later: a duplicate'
            : s.emailSends > 2
              ? `sent ${s.emailSends - 1} more times: duplicates`
              : 'after the click',
      };
    case 'lost':
      // Sync loses an email that fails; async only one whose job the crashed server never queued.
      return mode === 'sync'
        ? { value: 'Never', note: 'the email failed; nobody retries' }
        : { value: 'Never', note: 'server crashed before queueing it' };
    case 'dead':
      return { value: 'Never', note: 'gave up: dead-letter queue' };
    case 'pending':
      // A crashed server's order still owes its email only when the outbox kept its job.
      return s.reason === 'server crashed'
        ? { value: 'Not yet', note: 'its job was saved with the order' }
        : { value: 'Not yet', note: 'still to send' };
    case 'none':
      if (s.phase === 'unknown') return { value: 'Not known', note: 'events were lost' };
      return { value: MISSING, note: s.elsewhere > 0 ? 'no such order here' : 'no order yet' };
  }
}

export function UserScreen({ mode }: { mode: Mode }) {
  const screen = useLane(mode, (lane) => lane.screen);
  const select = usePageState(selectSelect);
  // The spinner turns only while simulated time runs: a paused simulation is a frozen moment.
  const playing = useSim(selectPlaying);
  const simulator = useSimulator();
  const elapsed = useRef<HTMLSpanElement>(null);

  useFrame(() => {
    if (!elapsed.current) return;
    const { simMs, lanes } = simulator.store.getState();
    const s = lanes[mode].screen;
    const text = formatTime(simMs - s.placedAt);
    if (s.phase === 'waiting' && elapsed.current.textContent !== text) {
      elapsed.current.textContent = text;
    }
  });

  const email = emailText(screen, mode);
  const words = pageWords(useLaneFlow(mode), mode);
  return (
    <div
      className="user-screen"
      role="group"
      aria-label={`${MODE_TITLE[mode]}: the customer’s screen`}
    >
      <div className={`browser browser-${screen.phase}`}>
        <div className="browser-bar" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <div className="browser-page">
          {screen.phase === 'idle' &&
            (screen.elsewhere > 0 ? (
              <p className="page-idle">
                No such order here: #{screen.elsewhere} is a sync customer’s second click after an
                error page
              </p>
            ) : (
              <p className="page-idle">No order yet</p>
            ))}
          {screen.phase === 'unknown' && (
            <p className="page-idle">Not known: too much happened to record it all</p>
          )}
          {screen.phase === 'waiting' && (
            <>
              <span className={`spinner${playing ? '' : ' spinner-paused'}`} aria-hidden="true">
                <span className="spinner-ring" />
                <Icon name="hourglass" size={20} />
              </span>
              <p className="page-title">{words.waiting}</p>
              <p className="page-detail">
                waiting <span ref={elapsed}>0.00 s</span>
              </p>
            </>
          )}
          {screen.phase === 'success' && screen.failedStep !== null && (
            <>
              <span className="page-icon page-icon-error" aria-hidden="true">
                <Icon name="cross" size={22} />
              </span>
              <p className="page-title">Confirmed… then failed</p>
              <p className="page-detail">
                “{stepLabel(simulator, mode, screen.failedStep)}” failed; apology sent
              </p>
            </>
          )}
          {screen.phase === 'success' && screen.failedStep === null && (
            <>
              {/* A promise of an answer later is no success: no check mark for it. */}
              <span className="page-icon page-icon-success" aria-hidden="true">
                <Icon name={words.success === words.done ? 'check' : 'hourglass'} size={22} />
              </span>
              <p className="page-title">{words.success}</p>
              <p className="page-detail">took {formatTime(screen.pageMs)}</p>
            </>
          )}
          {screen.phase === 'error' && (
            <>
              <span className="page-icon page-icon-error" aria-hidden="true">
                <Icon name="cross" size={22} />
              </span>
              <p className="page-title">Something went wrong</p>
              <p className="page-detail">
                {ERROR_DETAIL[screen.reason ?? ''] ?? 'error'} after {formatTime(screen.pageMs)}
              </p>
            </>
          )}
        </div>
      </div>
      <div className="clocks">
        <ClockReadout
          label="Page shown"
          value={
            screen.pageMs >= 0
              ? formatTime(screen.pageMs)
              : screen.phase === 'idle'
                ? MISSING
                : screen.phase === 'unknown'
                  ? 'Not known'
                  : 'Waiting'
          }
          note={screen.pageMs >= 0 ? 'after the click' : ''}
          tone={
            screen.phase === 'error' || screen.failedStep !== null
              ? 'bad'
              : screen.phase === 'success'
                ? 'good'
                : 'neutral'
          }
        />
        {words.email && (
          <ClockReadout
            label="Email sent"
            value={email.value}
            note={email.note}
            told={screen.email === 'pending' && screen.reason === 'server crashed'}
            tone={
              screen.email === 'sent'
                ? // A customer who got the email twice is a problem the lesson is about.
                  screen.emailSends > 1
                  ? 'bad'
                  : 'good'
                : screen.email === 'lost' || screen.email === 'dead'
                  ? 'bad'
                  : 'neutral'
            }
          />
        )}
      </div>
      {/* An order whose story is not known has no timeline to show. */}
      {screen.order > 0 && screen.phase !== 'unknown' && (
        <button
          type="button"
          className="link-button"
          onClick={() => select({ mode, order: screen.order })}
        >
          Timeline of order #{screen.order}
        </button>
      )}
    </div>
  );
}
