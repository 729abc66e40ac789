/** The Design section of the side panel: the flow's steps in order, each in the request or in
 * the background of the async lane, chosen with a pair of radio buttons (arrow keys move between
 * them, as in any radio group). A change restarts the run with the new design; the answer time
 * the design gives is shown before anything plays. */
import { useId, useState } from 'react';
import { parseDistribution, type FlowStep, type StepWhere } from '../../engine/index.ts';
import { formatTime } from '../../format/index.ts';
import { useActions, useSim } from '../../store/react/hooks.ts';
import { useLaneFlow } from '../useLaneFlow.ts';
import { answersTooSoon, answerTimes, tooSoonWarning } from './design.ts';
import { stepTime } from './FlowSteps.tsx';
import './design.css';

const PLACES: readonly { where: StepWhere; label: string }[] = [
  { where: 'request', label: 'In the request' },
  { where: 'background', label: 'In the background' },
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
  return (
    <section className="group design" aria-labelledby={titleId}>
      <h3 id={titleId} className="design-title">
        Design: where each step runs
      </h3>
      <p className="design-note">
        This designs the async lane. The sync lane always runs every step in the request.
      </p>
      <ol className="design-steps">
        {flow.steps.map((step) => (
          <DesignStep key={step.id} step={step} />
        ))}
      </ol>
      <p className="design-answer">
        Async answers in about <strong>{answerText(times.asyncMs)}</strong>
        <span className="design-sync"> (sync: {answerText(times.syncMs)})</span>
      </p>
      <p className="design-note">A change starts the run again from 0 s.</p>
    </section>
  );
}

/** Under 0.1 s with milliseconds, so a login's 15 ms does not read as 0.01 s. */
function answerText(ms: number): string {
  return formatTime(ms, ms < 100 ? 3 : undefined);
}

function DesignStep({ step }: { step: FlowStep }) {
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
          {step.label}
        </span>
        <span className="design-step-time">{`takes ${stepTime(step.latency)}`}</span>
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
            <span>{place.label}</span>
          </label>
        ))}
      </div>
      {warn && (
        <p id={`${id}-warn`} className="design-warning">
          <span aria-hidden="true">⚠ </span>
          {tooSoonWarning(step)}
        </p>
      )}
      {refusal && (
        <p id={`${id}-refused`} className="field-error">
          Not changed: {refusal}
        </p>
      )}
    </li>
  );
}
