/** A labelled slider for a probability, shown in per cent. Each move applies at once. */
import { useId } from 'react';
import { useActions, useSetting } from '../../store/hooks.ts';
import { toControl, toEngine, type ControlSpec } from '../../store/controls.ts';

export function PercentField({ spec }: { spec: ControlSpec }) {
  const id = useId();
  const { value, error } = useSetting(spec.key);
  const { change } = useActions();
  const shown = toControl(spec, value);
  return (
    <div className={`field field-range${error ? ' field-invalid' : ''}`}>
      <div className="field-row">
        <label htmlFor={id}>{spec.label}</label>
        <span className="range-value" aria-hidden="true">
          {shown} %
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={shown}
        aria-valuetext={`${shown} per cent`}
        aria-describedby={`${id}-hint`}
        onChange={(e) => change(spec.key, toEngine(spec, e.target.value))}
      />
      <p id={`${id}-hint`} className="hint">
        {spec.hint}
      </p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
