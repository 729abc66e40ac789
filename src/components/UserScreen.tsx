/** What the followed customer sees in one lane: a spinner while they wait, then the success or
 * error page with the time it took; and two clocks, for the page and for the email. */
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { Flow, Mode } from '../engine/index.ts';
import { useFrame, useLane, useSim, useSimulator, usePageState } from '../store/react/hooks.ts';
import { selectPlaying, selectSelect } from '../store/react/selectors.ts';
import type { ScreenState } from '../store/publish/snapshot.ts';
import { ClockReadout } from './ClockReadout.tsx';
import { MISSING } from '../format/index.ts';
import { localTime } from '../i18n/format.ts';
import { useT, type Translate } from '../i18n/react.tsx';
import { stepName } from './flowWords.ts';
import { Icon } from './Icon.tsx';
import { pageWords } from './flowPage.ts';
import { useLaneFlow } from './useLaneFlow.ts';

/** A flow step's name, from the lane's own flow, in the language on (its id if the flow has no
 * such step; its own label where the catalog's part with the steps' names has not loaded). */
function stepLabel(t: Translate, flow: Flow, id: string): string {
  const step = flow.steps.find((s) => s.id === id);
  if (!step) return id;
  const name = stepName(t, flow, step);
  return name.startsWith('flowStep.') ? step.label : name;
}

function emailText(t: Translate, s: ScreenState, mode: Mode): { value: string; note: string } {
  switch (s.email) {
    case 'sent':
      return {
        value: localTime(t, s.emailMs),
        note:
          s.emailSends > 1
            ? t('screen.duplicates', { count: s.emailSends - 1 })
            : t('screen.afterClick'),
      };
    case 'lost':
      // Sync loses an email that fails; async only one whose job the crashed server never queued.
      return {
        value: t('screen.never'),
        note: t(mode === 'sync' ? 'screen.lostSync' : 'screen.lostAsync'),
      };
    case 'dead':
      return { value: t('screen.never'), note: t('screen.dead') };
    case 'pending':
      // A crashed server's order still owes its email only when the outbox kept its job.
      return {
        value: t('screen.notYet'),
        note: t(s.reason === 'server crashed' ? 'screen.savedJob' : 'screen.toSend'),
      };
    case 'none':
      if (s.phase === 'unknown')
        return { value: t('screen.notKnown'), note: t('screen.eventsLost') };
      return {
        value: MISSING,
        note: t(s.elsewhere > 0 ? 'screen.noSuchOrder' : 'screen.noOrderNote'),
      };
  }
}

/** The engine's reason for an error page, as the page's message selects it. */
function errorReason(reason: string | null | undefined): string {
  return reason === 'timeout' ? 'timeout' : reason === 'server crashed' ? 'crashed' : 'other';
}

export function UserScreen({ mode }: { mode: Mode }) {
  const screen = useLane(mode, (lane) => lane.screen);
  const select = usePageState(selectSelect);
  // The spinner turns only while simulated time runs: a paused simulation is a frozen moment.
  const playing = useSim(selectPlaying);
  const simulator = useSimulator();
  const elapsed = useRef<HTMLParagraphElement>(null);
  const t = useT();
  // How long the customer has waited, written each frame outside React, and at once after a
  // render (a new language while paused has no frame to wait for).
  const writeElapsed = useCallback(() => {
    if (!elapsed.current) return;
    const { simMs, lanes } = simulator.store.getState();
    const s = lanes[mode].screen;
    if (s.phase !== 'waiting') return;
    const text = t('screen.waitingFor', { time: localTime(t, simMs - s.placedAt) });
    if (elapsed.current.textContent !== text) elapsed.current.textContent = text;
  }, [simulator, mode, t]);
  useLayoutEffect(writeElapsed);
  // Thinned: while frames run late it counts on with the tallies, a few times a second.
  useFrame(writeElapsed, true);

  const email = emailText(t, screen, mode);
  const flow = useLaneFlow(mode);
  const page = pageWords(flow, mode);
  return (
    <div className="user-screen" role="group" aria-label={t('screen.label', { mode })}>
      <div className={`browser browser-${screen.phase}`}>
        <div className="browser-bar" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <div className="browser-page">
          {screen.phase === 'idle' &&
            (screen.elsewhere > 0 ? (
              <p className="page-idle">{t('screen.elsewhere', { order: screen.elsewhere })}</p>
            ) : (
              <p className="page-idle">{t('screen.noOrder')}</p>
            ))}
          {screen.phase === 'unknown' && <p className="page-idle">{t('screen.unknown')}</p>}
          {screen.phase === 'waiting' && (
            <>
              <span className={`spinner${playing ? '' : ' spinner-paused'}`} aria-hidden="true">
                <span className="spinner-ring" />
                <Icon name="hourglass" size={20} />
              </span>
              <p className="page-title">{t(page.id, { state: 'waiting' })}</p>
              <p className="page-detail" ref={elapsed}>
                {t('screen.waitingFor', { time: localTime(t, 0) })}
              </p>
            </>
          )}
          {screen.phase === 'success' && screen.failedStep !== null && (
            <>
              <span className="page-icon page-icon-error" aria-hidden="true">
                <Icon name="cross" size={22} />
              </span>
              <p className="page-title">{t('screen.failedTitle')}</p>
              <p className="page-detail">
                {t('screen.failedDetail', { step: stepLabel(t, flow, screen.failedStep) })}
              </p>
            </>
          )}
          {screen.phase === 'success' && screen.failedStep === null && (
            <>
              {/* A promise of an answer later is no success: no check mark for it. */}
              <span className="page-icon page-icon-success" aria-hidden="true">
                <Icon name={page.success === 'done' ? 'check' : 'hourglass'} size={22} />
              </span>
              <p className="page-title">{t(page.id, { state: page.success })}</p>
              <p className="page-detail">
                {t('screen.took', { time: localTime(t, screen.pageMs) })}
              </p>
            </>
          )}
          {screen.phase === 'error' && (
            <>
              <span className="page-icon page-icon-error" aria-hidden="true">
                <Icon name="cross" size={22} />
              </span>
              <p className="page-title">{t('screen.errorTitle')}</p>
              <p className="page-detail">
                {t('screen.errorDetail', {
                  reason: errorReason(screen.reason),
                  time: localTime(t, screen.pageMs),
                })}
              </p>
            </>
          )}
        </div>
      </div>
      <div className="clocks">
        <ClockReadout
          label={t('screen.pageShown')}
          value={
            screen.pageMs >= 0
              ? localTime(t, screen.pageMs)
              : screen.phase === 'idle'
                ? MISSING
                : screen.phase === 'unknown'
                  ? t('screen.notKnown')
                  : t('screen.waiting')
          }
          note={screen.pageMs >= 0 ? t('screen.afterClick') : ''}
          tone={
            screen.phase === 'error' || screen.failedStep !== null
              ? 'bad'
              : screen.phase === 'success'
                ? 'good'
                : 'neutral'
          }
        />
        {page.email && (
          <ClockReadout
            label={t('screen.emailSent')}
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
          {t('screen.timeline', { order: screen.order })}
        </button>
      )}
    </div>
  );
}
