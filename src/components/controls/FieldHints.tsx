/** The sentences under a control: what the setting means and, where the simulator's value
 * differs from the real system's or scales its time down, what the real default is; and, when
 * the registry refused a value, its reason (`${id}-error`). */
import type { ControlSpec } from './controlSpecs.ts';
import { reason } from './useSettingDraft.ts';

/** The ids of those sentences, for the input's aria-describedby. */
export function hintIds(id: string, spec: ControlSpec): string {
  return spec.real ? `${id}-hint ${id}-real` : `${id}-hint`;
}

export function FieldHints({
  id,
  spec,
  error,
}: {
  id: string;
  spec: ControlSpec;
  error?: string | undefined;
}) {
  return (
    <>
      <p id={`${id}-hint`} className="hint">
        {spec.hint}
      </p>
      {spec.real && (
        <p id={`${id}-real`} className="hint hint-real">
          {spec.real}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {reason(error)}
        </p>
      )}
    </>
  );
}
