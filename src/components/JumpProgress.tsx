/** While a long jump (a link's moment, a seek, a host's seek) is computed in slices: how far it
 * has got, and a button that stops it there. The box and its words load when it first shows
 * (runNotices.tsx). */
import { useActions, useSim } from '../store/react/hooks.ts';
import { selectJump } from '../store/react/selectors.ts';
import { useDeferred } from './deferred.ts';
import { RUN_NOTICES } from './EngineStopNotice.tsx';

export function JumpProgress() {
  const jump = useSim(selectJump);
  if (!jump) return null;
  return <Jump fromMs={jump.fromMs} reachedMs={jump.reachedMs} toMs={jump.toMs} />;
}

function Jump({ fromMs, reachedMs, toMs }: { fromMs: number; reachedMs: number; toMs: number }) {
  const { cancelJump } = useActions();
  const module = useDeferred(RUN_NOTICES);
  if (!module || module instanceof Error) return null;
  const total = Math.max(1, toMs - fromMs);
  return <module.JumpBox toMs={toMs} done={reachedMs - fromMs} total={total} onStop={cancelJump} />;
}
