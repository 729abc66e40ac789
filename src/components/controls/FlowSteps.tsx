/** The step times of a flow other than the checkout, read-only in the panel: its steps are not
 * the checkout's, so the checkout's sliders (card, order, email) would set steps it does not
 * have; the command line's `steps.ID.latency` changes them. */
import type { Distribution, Flow } from '../../engine/index.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import { flowName, stepName } from '../flowWords.ts';
import { LATENCY_CONTROLS, type ControlSpec } from './controlSpecs.ts';
import { describeDistribution, shortMs } from './sliders.ts';

/** A step's time as the panel says it: a constant as a time, any other by its kind and mean. */
export function stepTime(t: Translate, d: Distribution): string {
  return d.kind === 'constant' ? shortMs(t, d.ms) : describeDistribution(t, d);
}

/** The checkout's sliders a flow other than the checkout keeps: queueing a job, when anything
 * runs in the background. */
export function flowLatencyControls(flow: Flow): readonly ControlSpec[] {
  const background = flow.steps.some((s) => s.where === 'background');
  return LATENCY_CONTROLS.filter((s) => s.key === 'latency.enqueue' && background);
}

export function FlowSteps({ flow }: { flow: Flow }) {
  const t = useT();
  return (
    <>
      <ul className="flow-steps" aria-label={t('flowSteps.label', { flow: flowName(t, flow) })}>
        {flow.steps.map((s) => (
          <li key={s.id}>
            <span>{stepName(t, flow, s)}</span>
            <span className="flow-step-time">
              {stepTime(t, s.latency)}
              {s.where === 'background' ? t('flowSteps.background') : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="flow-steps-note">{t('flowSteps.note')}</p>
    </>
  );
}
