/** The simulation told in sentences, newest first, as a log to read at leisure: it does not
 * announce each event (at high traffic that would drown the batched narration, which does). */
import '../../i18n/parts/analysis.ts';
import { useId } from 'react';
import { localTime } from '../../i18n/format.ts';
import { useT } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import type { Tone } from '../../analysis/narrate.ts';
import type { ToldEvent } from '../../analysis/told.ts';
import { localEventLine } from './localNarrate.ts';
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

/** Each tone's glyph, and what a screen reader hears before the sentence (nothing for plain news). */
const MARK: Record<Tone, { glyph: string; word: MessageId | null }> = {
  good: { glyph: '✓', word: 'eventLog.good' },
  bad: { glyph: '✗', word: 'eventLog.bad' },
  info: { glyph: '·', word: null },
};

export function EventLog({ events, label, limit = 200 }: EventLogProps) {
  const id = useId();
  const t = useT();
  const shown = events.slice(0, limit).map((e) => localEventLine(t, e));
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="an-title">
        {label ?? t('eventLog.title')}
      </h3>
      {shown.length === 0 ? <p className="an-empty">{t('eventLog.empty')}</p> : null}
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
              <time dateTime={`PT${(e.tMs / 1000).toFixed(3)}S`}>{localTime(t, e.tMs)}</time>
              <span aria-hidden="true">{MARK[e.tone].glyph}</span>
              <span>
                <Said word={MARK[e.tone].word} />
                {e.text}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** A tone's word for a screen reader, before the sentence. */
function Said({ word }: { word: MessageId | null }) {
  const t = useT();
  return word ? <VisuallyHidden>{`${t(word)} `}</VisuallyHidden> : null;
}
