/** What actually happened to the prediction's number, whether the student was right, and why. */
import type { Scenario } from '../../scenarios/index.ts';
import { useT } from '../../i18n/react.tsx';
import { richMessage } from '../../i18n/rich.tsx';
import { Icon } from '../Icon.tsx';
import { LiveRevealValue } from './LiveRevealValue.tsx';

export function PredictionReveal({
  scenario,
  locked,
}: {
  scenario: Scenario;
  locked: string | undefined;
}) {
  const { prediction } = scenario;
  const t = useT();
  const right = locked === prediction.answer;
  const answer = prediction.options.find((o) => o.id === prediction.answer)?.label ?? '';
  return (
    <div className="reveal">
      <p className="reveal-value">
        <span className="reveal-label">
          {t('lessonUi.reveal.whatHappened', { label: prediction.reveal.label })}
        </span>{' '}
        <strong>
          <LiveRevealValue scenario={scenario} />
        </strong>
      </p>
      {locked !== undefined && (
        <p className={`verdict ${right ? 'verdict-right' : 'verdict-wrong'}`}>
          <Icon name={right ? 'check' : 'cross'} />
          <strong>
            {right ? t('lessonUi.reveal.youWereRight') : t('lessonUi.reveal.notQuite', { answer })}
          </strong>
        </p>
      )}
      {locked === undefined && (
        <p className="verdict">
          {/* One flex item: as loose text, the full stop would sit in a column of its own. */}
          <span>
            {richMessage(t, 'lessonUi.reveal.theAnswer', { answer: <strong>{answer}</strong> })}
          </span>
        </p>
      )}
      <p className="reveal-why">{prediction.explanation}</p>
    </div>
  );
}
