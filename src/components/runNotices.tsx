/** The stage's notices about the run itself: how far a long jump has got (JumpProgress.tsx), and
 * an engine stop (EngineStopNotice.tsx). Loaded, with their words (the part below the stage),
 * only when one shows: most runs never show either, and the first load has no room for them
 * (check:bundle). */
import '../i18n/parts/analysis.ts';
import type { Mode } from '../engine/index.ts';
import { localTime } from '../i18n/format.ts';
import { useT } from '../i18n/react.tsx';

export function JumpBox({
  toMs,
  done,
  total,
  onStop,
}: {
  toMs: number;
  done: number;
  total: number;
  onStop: () => void;
}) {
  const t = useT();
  return (
    <div className="url-notice jump-progress" role="status">
      <label>
        {t('analysis.notice.jump', { time: localTime(t, toMs) })}{' '}
        <progress max={total} value={done} aria-label={t('analysis.notice.jumpSoFar')} />
      </label>
      <button type="button" className="button" onClick={onStop}>
        {t('analysis.notice.jumpStop')}
      </button>
    </div>
  );
}

export function StopBox({ mode, atMs, message }: { mode: Mode; atMs: number; message: string }) {
  const t = useT();
  // The engine's sentence starts "the run stopped at 12.3 s: why; what to change". The why names
  // settings by their keys and stays the engine's English (docs/architecture-ui.md, Languages).
  const why = message.replace(/^the run stopped at [^:]*: /, '');
  return (
    <div className="url-notice engine-stop" role="alert">
      <p>
        <span className="url-notice-title">
          {t('analysis.notice.stopTitle', { mode, time: localTime(t, atMs) })}
        </span>
        {t('analysis.notice.stopBody', { why })}
      </p>
    </div>
  );
}
