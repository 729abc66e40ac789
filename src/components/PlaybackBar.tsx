/** Play and pause, step to the next event, speed, reset, and the timeline. */
import { SPEEDS, formatSpeed } from '../store/time/clock.ts';
import { selectAtMaxSpeed, selectPlaying, selectSpeed } from '../store/react/selectors.ts';
import { useActions, useSim } from '../store/react/hooks.ts';
import { Icon } from './Icon.tsx';
import { Timeline } from './Timeline.tsx';

export function PlaybackBar() {
  const playing = useSim(selectPlaying);
  const speed = useSim(selectSpeed);
  const atMaxSpeed = useSim(selectAtMaxSpeed);
  const { togglePlay, stepEvent, setSpeed, reset } = useActions();
  return (
    <section className="playback" aria-label="Playback">
      <div className="playback-buttons">
        <button type="button" className="button button-play" onClick={togglePlay}>
          <Icon name={playing ? 'pause' : 'play'} />
          <span>{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button
          type="button"
          className="button"
          onClick={stepEvent}
          aria-label="Step to the next event"
          title="Step to the next event"
        >
          <Icon name="step" />
          <span aria-hidden="true">Step</span>
        </button>
        <label className="speed">
          <span>Speed</span>
          <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {formatSpeed(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={reset}
          aria-label="Reset to 0 seconds"
          title="Start again from 0 s with the current settings"
        >
          <Icon name="reset" />
          <span aria-hidden="true">Reset</span>
        </button>
      </div>
      <Timeline />
      {atMaxSpeed && (
        <p className="max-speed" role="note">
          Running as fast as this computer allows
        </p>
      )}
    </section>
  );
}
