/** A labelled number input for one setting. Typing is kept as a draft and applied on Enter, on
 * leaving the field or on the spinner, so that half-typed numbers are never recorded as changes;
 * a rejected value stays visible with the registry's reason beside it. */
import { useId, useState } from 'react';
import { useActions, useSetting } from '../../store/hooks.ts';
import { toControl, toEngine, type ControlSpec } from '../../store/controls.ts';
import { FieldHints, hintIds } from './FieldHints.tsx';

/** The registry's sentence without its `key=value is not allowed:` preamble, which names the
 * setting the way the command line does rather than the way the label does. */
function reason(error: string): string {
  const cut = error.indexOf(' is not allowed: ');
  return cut < 0 ? error : `Not allowed: ${error.slice(cut + ' is not allowed: '.length)}.`;
}

export function NumberField({ spec }: { spec: ControlSpec }) {
  const id = useId();
  const { value, error } = useSetting(spec.key);
  const { change } = useActions();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? toControl(spec, value);

  const commit = (text: string) => {
    if (change(spec.key, toEngine(spec, text)) === undefined) setDraft(null);
  };

  return (
    <div className={`field field-number${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{spec.label}</label>
      <div className="input-with-unit">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={shown}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${hintIds(id, spec)}${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setDraft(e.target.value);
            // Spinner clicks and arrow keys are not typing: apply them at once.
            if (!(e.nativeEvent instanceof InputEvent)) commit(e.target.value);
          }}
          onBlur={() => draft !== null && commit(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft !== null) commit(draft);
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        {spec.unit && <span className="unit">{spec.unit}</span>}
      </div>
      <FieldHints id={id} spec={spec} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {reason(error)}
        </p>
      )}
    </div>
  );
}
