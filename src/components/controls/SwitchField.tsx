/** A labelled on/off switch (a native checkbox with the switch role) for a true/false setting. */
import { useId } from 'react';
import { useActions, useSetting } from '../../store/hooks.ts';
import type { ControlSpec } from '../../store/controls.ts';
import { FieldHints, hintIds } from './FieldHints.tsx';

export function SwitchField({ spec }: { spec: ControlSpec }) {
  const id = useId();
  const { value } = useSetting(spec.key);
  const { change } = useActions();
  const on = value === 'true';
  return (
    <div className="field field-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={on}
        aria-describedby={hintIds(id, spec)}
        onChange={(e) => change(spec.key, e.target.checked ? 'true' : 'false')}
      />
      <label htmlFor={id}>
        {spec.label}
        <span className="switch-state" aria-hidden="true">
          {on ? 'On' : 'Off'}
        </span>
      </label>
      <FieldHints id={id} spec={spec} />
    </div>
  );
}
