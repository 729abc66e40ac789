/** The async lane's countdowns in words (visually hidden, part of the diagram's description): the
 * soonest waits and how long each has left, the same facts as the countdown rings. Written to the
 * DOM after each publish (every frame while paused), only when the words change; not a live region, since a countdown read
 * out ten times a second would drown everything else. */
import { useRef } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useFrame, useHandles } from '../../store/react/hooks.ts';
import { waitWords } from '../../store/publish/waitWords.ts';

export function WaitWords({ mode, id }: { mode: Mode; id: string }) {
  const { simulator } = useHandles();
  const el = useRef<HTMLParagraphElement>(null);
  // While playing, the words follow the publishes (a few times a second: the store's state is a
  // new object at each), not every frame: a screen reader reads them when asked, and building
  // them every frame was a share of each frame of a spike.
  const read = useRef<object | null>(null);
  useFrame(() => {
    const p = el.current;
    if (!p) return;
    const state = simulator.store.getState();
    if (state.playing && state === read.current) return;
    read.current = state;
    const text = waitWords(simulator.view(mode).waits, simulator.lane(mode).nowMs);
    if (p.textContent !== text) p.textContent = text;
  });
  return <p ref={el} id={id} className="visually-hidden" data-testid={`waits-${mode}`} />;
}
