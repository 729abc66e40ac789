/** A labelled choice between a setting's allowed values. */
import { useId } from 'react';
import { useActions, useSetting } from '../../store/hooks.ts';
import type { ControlSpec } from '../../store/controls.ts';

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
        aria-describedby={`${id}-hint`}
        onChange={(e) => change(spec.key, e.target.value)}
      >
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {spec.hint}
      </p>
    </div>
  );
}
