/** A labelled number input for one setting. Typing is kept as a draft and applied on Enter, on
 * leaving the field or on the spinner, so that half-typed numbers are never recorded as changes;
 * a rejected value stays visible with the registry's reason beside it. */
import { useId } from 'react';
import { useT } from '../../i18n/react.tsx';
import type { ControlSpec } from './controlSpecs.ts';
import { unitName } from './localSpec.ts';
import { FieldHints, hintIds } from './FieldHints.tsx';
import { registryRange } from './sliders.ts';
import { useSettingDraft } from './useSettingDraft.ts';

export function NumberField({ spec }: { spec: ControlSpec }) {
  const id = useId();
  const t = useT();
  const { error, inputProps } = useSettingDraft(spec);
  const range = registryRange(spec);
  return (
    <div className={`field field-number${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{spec.label}</label>
      <div className="input-with-unit">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={range?.min}
          max={range?.max}
          step={spec.step}
          aria-describedby={`${hintIds(id, spec)}${error ? ` ${id}-error` : ''}`}
          {...inputProps}
        />
        {spec.unit && <span className="unit">{unitName(t, spec.unit)}</span>}
      </div>
      <FieldHints id={id} spec={spec} error={error} />
    </div>
  );
}
