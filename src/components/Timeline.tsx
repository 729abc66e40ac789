/** The timeline scrubber and the simulated clock. Both follow the animation through direct DOM
 * updates on each frame, not React renders; moving the scrubber seeks the whole simulation: a
 * drag's moves aim one seek that runs in slices from the next frame on (`scrub`), so a heavy run
 * is never replayed once per move. */
import { useId, useRef } from 'react';
import { useActions, useFrame, useSimulator } from '../store/react/hooks.ts';
import { localSpokenTime, localTime } from '../i18n/format.ts';
import { useT } from '../i18n/react.tsx';

/** The scrubber always offers at least this much, so the start of a run is not a cramped track. */
const MIN_SPAN_MS = 3000;

/** Writes text only when it differs: an unchanged write still costs a layout. */
function setText(el: HTMLElement | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

export function Timeline() {
  const id = useId();
  const simulator = useSimulator();
  const { seek, scrub } = useActions();
  const input = useRef<HTMLInputElement>(null);
  /** A pointer holds the thumb: it stays under the pointer rather than at the moment shown,
   * which catches up once the seek lands. */
  const held = useRef(false);
  const now = useRef<HTMLSpanElement>(null);
  const end = useRef<HTMLSpanElement>(null);
  const t = useT();

  useFrame(() => {
    const state = simulator.store.getState();
    // While a long jump is computed the lanes (their tokens and tallies) show where the engine
    // has got to, so the clock does too, rather than the moment the jump left.
    const simMs = state.jump ? state.jump.reachedMs : state.simMs;
    const furthestMs = Math.max(state.furthestMs, simMs);
    const el = input.current;
    if (el) {
      // Whole ms (the slider's step) and a fill to a hundredth of a percent, each written only
      // when it changed: every write restyles the slider.
      const max = String(Math.round(Math.max(furthestMs, MIN_SPAN_MS)));
      if (el.max !== max) el.max = max;
      const value = String(Math.round(simMs));
      if (!held.current && el.value !== value) el.value = value;
      const spoken = localSpokenTime(t, simMs);
      if (el.getAttribute('aria-valuetext') !== spoken) el.setAttribute('aria-valuetext', spoken);
      const fill = `${((simMs / Number(max)) * 100).toFixed(2)}%`;
      if (el.style.getPropertyValue('--fill') !== fill) el.style.setProperty('--fill', fill);
    }
    setText(now.current, localTime(t, simMs));
    setText(end.current, t('timeline.end', { end: localTime(t, furthestMs) }));
    // Thinned: while frames run late, the clock and the scrubber move with the tallies, a few
    // times a second, rather than laying out the page every frame.
  }, true);

  return (
    <div className="timeline">
      <label htmlFor={id} className="timeline-label">
        {t('timeline.label')}
      </label>
      <input
        ref={input}
        id={id}
        className="scrubber"
        type="range"
        min={0}
        step={1}
        defaultValue={0}
        onChange={(e) => scrub(Number(e.target.value))}
        onPointerDown={() => {
          held.current = true;
          const letGo = () => {
            held.current = false;
            window.removeEventListener('pointerup', letGo);
            window.removeEventListener('pointercancel', letGo);
          };
          window.addEventListener('pointerup', letGo);
          window.addEventListener('pointercancel', letGo);
        }}
        onKeyDown={(e) => {
          // Keys seek at once, from the moment shown, so that presses add up; the native
          // handling would go through `scrub` and land a frame later.
          const { simMs, furthestMs } = simulator.store.getState();
          const page = Math.max(furthestMs, MIN_SPAN_MS) / 10;
          const step = e.shiftKey ? 1000 : 100;
          const to = {
            ArrowLeft: simMs - step,
            ArrowDown: simMs - step,
            ArrowRight: simMs + step,
            ArrowUp: simMs + step,
            PageDown: simMs - page,
            PageUp: simMs + page,
            Home: 0,
            End: furthestMs,
          }[e.key];
          if (to === undefined) return;
          e.preventDefault();
          seek(to);
        }}
      />
      <span className="timeline-readout">
        {/* Not an <output>: that is a live region, and this changes every frame. */}
        <span ref={now} className="sim-time" data-testid="sim-time">
          {localTime(t, 0)}
        </span>{' '}
        <span ref={end} className="timeline-end">
          {t('timeline.end', { end: localTime(t, 0) })}
        </span>
      </span>
    </div>
  );
}
