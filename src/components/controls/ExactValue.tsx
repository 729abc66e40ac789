/** The "Exact" button beside a slider and the box it opens under it, for typing a value the
 * slider's stops do not reach: anything the registry allows, and for a latency a distribution. */
import type { RefObject } from 'react';
import { useT } from '../../i18n/react.tsx';
import type { ControlSpec } from './controlSpecs.ts';
import { unitName } from './localSpec.ts';
import { registryRange } from './sliders.ts';
import { useSettingDraft } from './useSettingDraft.ts';

interface ExactProps {
  spec: ControlSpec;
  /** The id of the box, for the button's aria-controls. */
  boxId: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  toggle: RefObject<HTMLButtonElement | null>;
}

export function ExactButton({ spec, boxId, open, setOpen, toggle }: ExactProps) {
  const t = useT();
  return (
    <button
      ref={toggle}
      type="button"
      className="exact-toggle"
      aria-expanded={open}
      aria-controls={open ? boxId : undefined}
      onClick={() => setOpen(!open)}
    >
      {t('controls.exact')}{' '}
      <span className="visually-hidden">{t('controls.exactFor', { label: spec.label })}</span>
    </button>
  );
}

export function ExactBox({
  spec,
  boxId,
  setOpen,
  toggle,
  describedBy,
}: Omit<ExactProps, 'open'> & { describedBy: string }) {
  const t = useT();
  const { inputProps } = useSettingDraft(spec);
  const latency = spec.kind === 'latency';
  const range = registryRange(spec);
  const inputId = `${boxId}-input`;
  return (
    <div id={boxId} className="exact-box">
      <label htmlFor={inputId}>
        {t(latency ? 'controls.exactValueMs' : 'controls.exactValue')}{' '}
        <span className="visually-hidden">
          {t('controls.exactValueFor', { label: spec.label })}
        </span>
      </label>
      <div className="input-with-unit">
        <input
          // The box mounts only when the user opens it, and then they mean to type in it.
          autoFocus
          id={inputId}
          type={latency ? 'text' : 'number'}
          inputMode={latency ? 'text' : 'decimal'}
          spellCheck={false}
          autoComplete="off"
          min={range?.min}
          max={range?.max}
          aria-describedby={latency ? `${boxId}-hint ${describedBy}` : describedBy}
          {...inputProps}
          onKeyDown={(e) => {
            inputProps.onKeyDown(e);
            if (e.key === 'Escape') {
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        />
        {spec.unit && !latency && <span className="unit">{unitName(t, spec.unit)}</span>}
      </div>
      {latency && (
        <p id={`${boxId}-hint`} className="exact-hint">
          {t('controls.exactHint')}
        </p>
      )}
    </div>
  );
}
