/** A setting's typed value as a draft: applied on Enter, on leaving the field or on a spinner
 * step, never half-typed; a refused value stays in the field with the registry's reason. */
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useActions, useSetting } from '../../store/react/hooks.ts';
import { toControl, toEngine, type ControlSpec } from './controlSpecs.ts';

/** The registry's sentence without its `key=value is not allowed:` preamble, which names the
 * setting the way the command line does rather than the way the label does. */
export function reason(error: string): string {
  const cut = error.indexOf(' is not allowed: ');
  return cut < 0 ? error : `Not allowed: ${error.slice(cut + ' is not allowed: '.length)}.`;
}

export function useSettingDraft(spec: ControlSpec) {
  const { value, error } = useSetting(spec.key);
  const { change } = useActions();
  const [draft, setDraft] = useState<string | null>(null);
  // When the value changes by another way (its slider, a lesson's timed change), a draft typed
  // against the old one, refused or not, no longer says anything: show the new value.
  const [typedOver, setTypedOver] = useState(value);
  if (typedOver !== value) {
    setTypedOver(value);
    setDraft(null);
  }

  const commit = (text: string) => {
    if (change(spec.key, toEngine(spec, text)) === undefined) setDraft(null);
  };

  /** Handlers for a native input showing the draft. */
  const inputProps = {
    value: draft ?? toControl(spec, value),
    'aria-invalid': error ? true : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setDraft(e.target.value);
      // Spinner clicks and arrow keys are not typing: apply them at once.
      if (!(e.nativeEvent instanceof InputEvent)) commit(e.target.value);
    },
    onBlur: () => draft !== null && commit(draft),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter' && draft !== null) commit(draft);
      if (e.key === 'Escape') setDraft(null);
    },
  };
  return { error, draft, inputProps };
}
