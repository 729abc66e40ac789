/** The step times of a flow other than the checkout, read-only in the panel: its steps are not
 * the checkout's, so the checkout's sliders (card, order, email) would set steps it does not
 * have; the command line's `steps.ID.latency` changes them. */
import type { Distribution, Flow } from '../../engine/index.ts';
import { LATENCY_CONTROLS, type ControlSpec } from './controlSpecs.ts';
import { describeDistribution, shortMs } from './sliders.ts';

/** A step's time as the panel says it: a constant as a time, any other by its kind and mean. */
export function stepTime(d: Distribution): string {
  return d.kind === 'constant' ? shortMs(d.ms) : describeDistribution(d);
}

/** The checkout's sliders a flow other than the checkout keeps: queueing a job, when anything
 * runs in the background. */
export function flowLatencyControls(flow: Flow): readonly ControlSpec[] {
  const background = flow.steps.some((s) => s.where === 'background');
  return LATENCY_CONTROLS.filter((s) => s.key === 'latency.enqueue' && background);
}

export function FlowSteps({ flow }: { flow: Flow }) {
  return (
    <>
      <ul className="flow-steps" aria-label={`Steps of the ${flow.label.toLowerCase()}`}>
        {flow.steps.map((s) => (
          <li key={s.id}>
            <span>{s.label}</span>
            <span className="flow-step-time">
              {stepTime(s.latency)}
              {s.where === 'background' ? ' (async: in the background)' : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="flow-steps-note">Set by the flow: no slider here changes them.</p>
    </>
  );
}
