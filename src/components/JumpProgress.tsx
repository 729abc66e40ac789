/** While a long jump (a link's moment, a seek, a host's seek) is computed in slices: how far it
 * has got, and a button that stops it there. */
import { useActions, useSim } from '../store/react/hooks.ts';
import { selectJump } from '../store/react/selectors.ts';
import { formatTime } from '../format/index.ts';

export function JumpProgress() {
  const jump = useSim(selectJump);
  const { cancelJump } = useActions();
  if (!jump) return null;
  const done = jump.reachedMs - jump.fromMs;
  const total = Math.max(1, jump.toMs - jump.fromMs);
  return (
    <div className="url-notice jump-progress" role="status">
      <label>
        Simulating up to {formatTime(jump.toMs)}{' '}
        <progress max={total} value={done} aria-label="Simulated so far" />
      </label>
      <button type="button" className="button" onClick={cancelJump}>
        Stop here
      </button>
    </div>
  );
}
