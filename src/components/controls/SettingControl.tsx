/** The right native input for a setting, chosen by its control spec; disabled when the page's
 * `lock` parameter locks it. */
import { useLocked } from '../share/pageContext.ts';
import type { ControlSpec } from './controlSpecs.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { SliderField } from './SliderField.tsx';
import { SwitchField } from './SwitchField.tsx';

export function SettingControl({ spec }: { spec: ControlSpec }) {
  const locked = useLocked(spec.key);
  const control = <Control spec={spec} />;
  if (!locked) return control;
  return (
    <fieldset className="locked-setting" disabled title="Locked by this page">
      {control}
    </fieldset>
  );
}

function Control({ spec }: { spec: ControlSpec }) {
  switch (spec.kind) {
    case 'number':
      return <NumberField spec={spec} />;
    case 'slider':
    case 'latency':
    case 'percent':
      return <SliderField spec={spec} />;
    case 'switch':
      return <SwitchField spec={spec} />;
    case 'select':
      return <SelectField spec={spec} />;
  }
}
