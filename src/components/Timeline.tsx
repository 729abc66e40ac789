/** The timeline scrubber and the simulated clock. Both follow the animation through direct DOM
 * updates on each frame, not React renders; moving the scrubber seeks the whole simulation. */
import { useId, useRef } from 'react';
import { useActions, useFrame, useSimulator } from '../store/hooks.ts';
import { formatTime, spokenTime } from '../format/index.ts';

/** The scrubber always offers at least this much, so the start of a run is not a cramped track. */
const MIN_SPAN_MS = 3000;

/** Writes text only when it differs: an unchanged write still costs a layout. */
function setText(el: HTMLElement | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

export function Timeline() {
  const id = useId();
  const simulator = useSimulator();
  const { seek } = useActions();
  const input = useRef<HTMLInputElement>(null);
  const now = useRef<HTMLSpanElement>(null);
  const end = useRef<HTMLSpanElement>(null);

  useFrame(() => {
    const { simMs, furthestMs } = simulator.store.getState();
    const el = input.current;
    if (el) {
      const max = Math.max(furthestMs, MIN_SPAN_MS);
      if (el.max !== String(max)) el.max = String(max);
      el.value = String(simMs);
      el.setAttribute('aria-valuetext', spokenTime(simMs));
      el.style.setProperty('--fill', `${(simMs / max) * 100}%`);
    }
    setText(now.current, formatTime(simMs));
    setText(end.current, formatTime(furthestMs));
  });

  return (
    <div className="timeline">
      <label htmlFor={id} className="timeline-label">
        Time
      </label>
      <input
        ref={input}
        id={id}
        className="scrubber"
        type="range"
        min={0}
        step={1}
        defaultValue={0}
        onChange={(e) => seek(Number(e.target.value))}
        onKeyDown={(e) => {
          const delta = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 }[e.key];
          if (delta === undefined) return;
          e.preventDefault();
          const { simMs } = simulator.store.getState();
          seek(simMs + delta * (e.shiftKey ? 1000 : 100));
        }}
      />
      <span className="timeline-readout">
        {/* Not an <output>: that is a live region, and this changes every frame. */}
        <span ref={now} className="sim-time" data-testid="sim-time">
          0.00 s
        </span>
        <span className="timeline-end">
          {' '}
          of <span ref={end}>0.00 s</span>
        </span>
      </span>
    </div>
  );
}
