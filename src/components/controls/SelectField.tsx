/** A labelled choice between a setting's allowed values. */
import { useId } from 'react';
import { useActions, useSetting } from '../../store/react/hooks.ts';
import type { ControlSpec } from './controlSpecs.ts';
import { FieldHints, hintIds } from './FieldHints.tsx';

export function SelectField({ spec }: { spec: ControlSpec }) {
  const id = useId();
  const { value } = useSetting(spec.key);
  const { change } = useActions();
  return (
    <div className="field field-select">
      <label htmlFor={id}>{spec.label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={hintIds(id, spec)}
        onChange={(e) => change(spec.key, e.target.value)}
      >
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHints id={id} spec={spec} />
    </div>
  );
}
