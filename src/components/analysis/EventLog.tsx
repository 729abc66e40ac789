/** The simulation told in sentences, newest first, as a log to read at leisure: it does not
 * announce each event (at high traffic that would drown the batched narration, which does). */
import { useId } from 'react';
import { formatTime } from '../../format/index.ts';
import { eventLine, type Tone } from '../../analysis/narrate.ts';
import type { ToldEvent } from '../../analysis/told.ts';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import './analysis.css';

export interface EventLogProps {
  /** LaneAnalysis.events, newest first. */
  events: readonly ToldEvent[];
  /** The region's name, e.g. "Event log, asynchronous". */
  label?: string;
  /** Sentences shown at most. */
  limit?: number;
}

const MARK: Record<Tone, { glyph: string; word: string }> = {
  good: { glyph: '✓', word: 'good news' },
  bad: { glyph: '✗', word: 'problem' },
  info: { glyph: '·', word: '' },
};

export function EventLog({ events, label = 'Event log', limit = 200 }: EventLogProps) {
  const id = useId();
  const shown = events.slice(0, limit).map(eventLine);
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="an-title">
        {label}
      </h3>
      {shown.length === 0 ? <p className="an-empty">Nothing has happened yet.</p> : null}
      {/* The log region wraps the list, so the items keep their list semantics; it scrolls, so
          it takes focus and the keyboard can scroll it too. */}
      <div
        className="an-log"
        role="log"
        aria-live="off"
        aria-labelledby={`${id}-title`}
        tabIndex={0}
      >
        <ol>
          {shown.map((e) => (
            <li key={e.id}>
              <time dateTime={`PT${(e.tMs / 1000).toFixed(3)}S`}>{formatTime(e.tMs)}</time>
              <span aria-hidden="true">{MARK[e.tone].glyph}</span>
              <span>
                {MARK[e.tone].word ? (
                  <VisuallyHidden>{`${MARK[e.tone].word}: `}</VisuallyHidden>
                ) : null}
                {e.text}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
