/** The reveal as a card on the stage: the student's answer against the right one, this run's
 * number that settles it, what the lesson showed, and where to go next. */
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useT, type Translate } from '../../i18n/react.tsx';
import { richMessage } from '../../i18n/rich.tsx';
import type { Scenario } from '../../scenarios/index.ts';
import { lessonSummary } from '../../lessons/lessonTexts.ts';
import type { Verdict } from '../../lessons/verdict.ts';
import { Icon } from '../Icon.tsx';
import { MotionIn } from '../motion/MotionIn.tsx';
import { NextLesson } from './NextLesson.tsx';

export interface RevealProps {
  scenario: Scenario;
  verdict: Verdict;
  /** This run's number, formatted (a component that follows the run). */
  number: ReactNode;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** The side panel is open: its own summary of the lesson says what the card's would. */
  panelOpen: boolean;
  /** Changed settings left captions out: the lesson's summary may not be this run's. */
  offLesson: boolean;
  ref?: Ref<HTMLElement>;
}

function VerdictLines({ verdict, t }: { verdict: Verdict; t: Translate }) {
  const answer = (
    <p className="stage-reveal-answer">
      {richMessage(t, 'lessonUi.reveal.answer', { answer: <strong>{verdict.answer}</strong> })}
    </p>
  );
  switch (verdict.kind) {
    case 'right':
      return (
        <p className="stage-reveal-verdict verdict-right">
          <Icon name="check" />
          <span>
            {richMessage(t, 'lessonUi.reveal.right', { answer: <strong>{verdict.answer}</strong> })}
          </span>
        </p>
      );
    case 'wrong':
      return (
        <>
          <p className="stage-reveal-verdict verdict-wrong">
            <Icon name="cross" />
            <span>{t('lessonUi.reveal.wrong', { yours: verdict.yours })}</span>
          </p>
          {answer}
        </>
      );
    case 'skipped':
      return (
        <>
          <p className="stage-reveal-verdict">{t('lessonUi.prediction.skipped')}</p>
          {answer}
        </>
      );
    case 'unanswered':
      return answer;
  }
}

export function RevealCard(props: RevealProps) {
  const { scenario, verdict, number, onClose, onKeyDown, panelOpen, offLesson, ref } = props;
  const titleId = useId();
  const t = useT();
  return (
    <MotionIn
      as="section"
      ref={ref}
      className={`stage-reveal stage-reveal-card${panelOpen ? ' stage-reveal-panel-open' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      initial={{ opacity: 0, y: -10 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.25, ease: 'easeOut' }}
    >
      <h2 id={titleId} className="visually-hidden">
        {t('lessonUi.reveal.title')}
      </h2>
      <div className="stage-reveal-main">
        <VerdictLines verdict={verdict} t={t} />
        <p className="stage-reveal-summary">{lessonSummary(scenario, false, offLesson, t)}</p>
      </div>
      <div className="stage-reveal-side">
        <p className="stage-reveal-number">
          <span className="stage-reveal-label">
            {t('lessonUi.reveal.inThisRun', { label: scenario.prediction.reveal.label })}
          </span>{' '}
          <strong>{number}</strong>
        </p>
        <NextLesson scenarioId={scenario.id} />
      </div>
      <button
        type="button"
        className="stage-reveal-close"
        onClick={onClose}
        aria-label={t('lessonUi.reveal.close')}
        title={t('lessonUi.reveal.closeTitle')}
      >
        <Icon name="close" size={18} />
      </button>
    </MotionIn>
  );
}
