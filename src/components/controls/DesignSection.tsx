/** The Design section of the side panel: the flow's steps in order, each in the request or in
 * the background of the async lane, chosen with a pair of radio buttons (arrow keys move between
 * them, as in any radio group). A change restarts the run with the new design; the answer time
 * the design gives is shown before anything plays. */
import { useId, useState } from 'react';
import { parseDistribution, type FlowStep, type StepWhere } from '../../engine/index.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import { localTime } from '../../i18n/format.ts';
import type { MessageId } from '../../i18n/runtime.ts';
import { useActions, useSim } from '../../store/react/hooks.ts';
import { useLaneFlow } from '../useLaneFlow.ts';
import { stepName } from '../flowWords.ts';
import { answersTooSoon, answerTimes, tooSoonWarning } from './design.ts';
import { stepTime } from './FlowSteps.tsx';
import './design.css';

const PLACES: readonly { where: StepWhere; label: MessageId }[] = [
  { where: 'request', label: 'design.inRequest' },
  { where: 'background', label: 'design.inBackground' },
];

const NO_ENQUEUE = { kind: 'constant', ms: 0 } as const;

export function DesignSection() {
  const flow = useLaneFlow('async');
  // A latency change keeps the flow object and edits its steps in place: the published values
  // are a new object then, so this renders again and reads the steps' times afresh.
  const values = useSim((s) => s.values);
  const parsed = parseDistribution(values['latency.enqueue'] ?? '0');
  const times = answerTimes(flow, typeof parsed === 'string' ? NO_ENQUEUE : parsed);
  const titleId = useId();
  const t = useT();
  // The answer time in bold wherever the language puts it in the sentence.
  const [before, after] = t('design.answer', { time: '\u0001' }).split('\u0001');
  return (
    <section className="group design" aria-labelledby={titleId}>
      <h3 id={titleId} className="design-title">
        {t('design.title')}
      </h3>
      <p className="design-note">{t('design.note')}</p>
      <ol className="design-steps">
        {flow.steps.map((step) => (
          <DesignStep key={step.id} step={step} name={stepName(t, flow, step)} />
        ))}
      </ol>
      <p className="design-answer">
        {before}
        <strong>{answerText(t, times.asyncMs)}</strong>
        {after}
        <span className="design-sync">
          {t('design.sync', { time: answerText(t, times.syncMs) })}
        </span>
      </p>
      <p className="design-note">{t('design.restarts')}</p>
    </section>
  );
}

/** Under 0.1 s with milliseconds, so a login's 15 ms does not read as 0.01 s. */
function answerText(t: Translate, ms: number): string {
  return localTime(t, ms, ms < 100 ? 3 : undefined);
}

function DesignStep({ step, name: stepLabel }: { step: FlowStep; name: string }) {
  const t = useT();
  const { change } = useActions();
  const [refusal, setRefusal] = useState<string | undefined>();
  const id = useId();
  const warn = answersTooSoon(step);
  const name = `${id}-where`;
  const describedBy = [warn ? `${id}-warn` : '', refusal ? `${id}-refused` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={`design-step${warn ? ' design-step-warn' : ''}`}>
      <div className="design-step-head">
        <span id={`${id}-name`} className="design-step-name">
          {stepLabel}
        </span>
        <span className="design-step-time">
          {t('design.takes', { time: stepTime(t, step.latency) })}
        </span>
      </div>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-name`}
        aria-describedby={describedBy || undefined}
        className="design-places"
      >
        {PLACES.map((place) => (
          <label key={place.where} className="design-place">
            <input
              type="radio"
              name={name}
              value={place.where}
              checked={step.where === place.where}
              onChange={() => setRefusal(change(`steps.${step.id}.where`, place.where))}
            />
            <span>{t(place.label)}</span>
          </label>
        ))}
      </div>
      {warn && (
        <p id={`${id}-warn`} className="design-warning">
          <span aria-hidden="true">⚠ </span>
          {t(tooSoonWarning(step))}
        </p>
      )}
      {refusal && (
        <p id={`${id}-refused`} className="field-error">
          {t('design.refused', { reason: refusal })}
        </p>
      )}
    </li>
  );
}
