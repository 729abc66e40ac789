/** The right native input for a setting, chosen by its control spec; disabled when the page's
 * `lock` parameter locks it. */
import { useMemo } from 'react';
import { useT } from '../../i18n/react.tsx';
import { useLocked } from '../share/pageContext.ts';
import type { ControlSpec } from './controlSpecs.ts';
import { localSpec } from './localSpec.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { SliderField } from './SliderField.tsx';
import { SwitchField } from './SwitchField.tsx';

export function SettingControl({ spec: source }: { spec: ControlSpec }) {
  const t = useT();
  // The spec's words in the language on, for every field below.
  const spec = useMemo(() => localSpec(t, source), [t, source]);
  const locked = useLocked(spec.key);
  const control = <Control spec={spec} />;
  if (!locked) return control;
  return (
    <fieldset className="locked-setting" disabled title={t('controls.locked')}>
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
