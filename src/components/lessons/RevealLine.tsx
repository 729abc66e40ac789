/** The reveal in an embed: one line over the lanes, the answer and this run's number, no summary
 * and no way to another lesson (an embed shows no lesson navigation). */
import './revealLine.css';
import { useT } from '../../i18n/react.tsx';
import { richMessage } from '../../i18n/rich.tsx';
import { Icon } from '../Icon.tsx';
import { MotionIn } from '../motion/MotionIn.tsx';
import type { RevealProps } from './RevealCard.tsx';

export function RevealLine({ scenario, verdict, number, onClose, onKeyDown, ref }: RevealProps) {
  const t = useT();
  const mark = verdict.kind === 'right' ? 'check' : verdict.kind === 'wrong' ? 'cross' : null;
  return (
    <MotionIn
      as="section"
      ref={ref}
      className="stage-reveal stage-reveal-line"
      aria-label={t('lessonUi.reveal.title')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      initial={{ opacity: 0, y: 6 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.2, ease: 'easeOut' }}
    >
      <span className={`stage-reveal-line-answer${mark ? ` verdict-${verdict.kind}` : ''}`}>
        {mark && <Icon name={mark} size={14} />}
        <span>
          {richMessage(t, 'lessonUi.reveal.lineAnswer', {
            answer: <strong>{verdict.answer}</strong>,
          })}
        </span>
      </span>
      <span className="stage-reveal-line-number">
        <span className="stage-reveal-line-label">{scenario.prediction.reveal.label}</span>{' '}
        <strong>{number}</strong>
      </span>
      <button
        type="button"
        className="stage-reveal-close"
        onClick={onClose}
        aria-label={t('lessonUi.reveal.close')}
        title={t('lessonUi.reveal.closeTitle')}
      >
        <Icon name="close" size={14} />
      </button>
    </MotionIn>
  );
}
