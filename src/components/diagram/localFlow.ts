/** The flow as the diagram names it in the language on: a preset's steps by the catalog
 * (flowWords' stepName), a flow of the user's own as it calls itself. English keeps the flow's
 * own labels, which the catalog repeats: its steps' words load with the side panel, after the
 * first screen. */
import type { Flow } from '../../engine/index.ts';
import type { Translate } from '../../i18n/react.tsx';
import { stepName } from '../flowWords.ts';

export function localFlow(t: Translate, flow: Flow): Flow {
  if (t.locale === 'en') return flow;
  const steps = flow.steps.map((step) => {
    const label = stepName(t, flow, step);
    return label === step.label ? step : { ...step, label };
  });
  return steps.every((step, i) => step === flow.steps[i]) ? flow : { ...flow, steps };
}
