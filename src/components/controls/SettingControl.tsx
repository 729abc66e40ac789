/** The right native input for a setting, chosen by its control spec. */
import type { ControlSpec } from '../../store/controls.ts';
import { NumberField } from './NumberField.tsx';
import { PercentField } from './PercentField.tsx';
import { SelectField } from './SelectField.tsx';
import { SwitchField } from './SwitchField.tsx';

export function SettingControl({ spec }: { spec: ControlSpec }) {
  switch (spec.kind) {
    case 'number':
      return <NumberField spec={spec} />;
    case 'percent':
      return <PercentField spec={spec} />;
    case 'switch':
      return <SwitchField spec={spec} />;
    case 'select':
      return <SelectField spec={spec} />;
  }
}
