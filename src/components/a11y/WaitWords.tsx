/** The async lane's countdowns in words (visually hidden, part of the diagram's description): the
 * soonest waits and how long each has left, the same facts as the countdown rings. Written to the
 * DOM after each publish (every frame while paused), only when the words change; not a live region, since a countdown read
 * out ten times a second would drown everything else. The words load just after the first screen
 * (waitWords.ts, check:bundle); until then the description has none. */
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { useFrame, useHandles } from '../../store/react/hooks.ts';
import { deferred, useDeferred } from '../deferred.ts';

export const WAIT_WORDS = deferred(() => import('./waitWords.ts'));

export function WaitWords({ mode, id }: { mode: Mode; id: string }) {
  const { simulator } = useHandles();
  const el = useRef<HTMLParagraphElement>(null);
  const t = useT();
  const loaded = useDeferred(WAIT_WORDS);
  const module = loaded instanceof Error ? undefined : loaded;
  // While playing, the words follow the publishes (a few times a second: the store's state is a
  // new object at each), not every frame: a screen reader reads them when asked, and building
  // them every frame was a share of each frame of a spike.
  const read = useRef<object | null>(null);
  const write = useCallback(() => {
    const p = el.current;
    if (!p || !module) return;
    const state = simulator.store.getState();
    if (state.playing && state === read.current) return;
    read.current = state;
    const { waits } = simulator.view(mode);
    const text = module.waitWords(waits, simulator.lane(mode).nowMs, undefined, t);
    if (p.textContent !== text) p.textContent = text;
  }, [module, simulator, mode, t]);
  // Once the words have loaded, and in a new language, at once, paused or not.
  useLayoutEffect(() => {
    read.current = null;
    write();
  }, [write]);
  useFrame(write);
  return <p ref={el} id={id} className="visually-hidden" data-testid={`waits-${mode}`} />;
}
