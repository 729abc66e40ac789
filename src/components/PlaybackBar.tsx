/** Play and pause, step to the next event, speed, reset, and the timeline. */
import { SPEEDS } from '../store/time/clock.ts';
import { useT } from '../i18n/react.tsx';
import { selectAtMaxSpeed, selectPlaying, selectSpeed } from '../store/react/selectors.ts';
import { useActions, useSim } from '../store/react/hooks.ts';
import { Icon } from './Icon.tsx';
import { Timeline } from './Timeline.tsx';

export function PlaybackBar() {
  const playing = useSim(selectPlaying);
  const speed = useSim(selectSpeed);
  const atMaxSpeed = useSim(selectAtMaxSpeed);
  const { togglePlay, stepEvent, setSpeed, reset } = useActions();
  const t = useT();
  return (
    <section className="playback" aria-label={t('playback.label')}>
      <div className="playback-buttons">
        <button type="button" className="button button-play" onClick={togglePlay}>
          <Icon name={playing ? 'pause' : 'play'} />
          <span>{playing ? t('playback.pause') : t('playback.play')}</span>
        </button>
        <button
          type="button"
          className="button"
          onClick={stepEvent}
          aria-label={t('playback.stepLabel')}
          title={t('playback.stepLabel')}
        >
          <Icon name="step" />
          <span aria-hidden="true">{t('playback.step')}</span>
        </button>
        <label className="speed">
          <span>{t('playback.speed')}</span>
          <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {t('playback.speedOption', { speed: s })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={reset}
          aria-label={t('playback.resetLabel')}
          title={t('playback.resetTitle')}
        >
          <Icon name="reset" />
          <span aria-hidden="true">{t('playback.reset')}</span>
        </button>
      </div>
      {/* Keyed by the language: the clock is written outside React, and a new language rewrites
          it at once, paused or not. */}
      <Timeline key={t.locale} />
      {atMaxSpeed && (
        <p className="max-speed" role="note">
          {t('playback.maxSpeed')}
        </p>
      )}
    </section>
  );
}
