/** A labelled on/off switch (a native checkbox with the switch role) for a true/false setting; the
 * email outage switch also shows a scheduled outage that has the service down now. */
import { useId } from 'react';
import { useT } from '../../i18n/react.tsx';
import { localTime } from '../../i18n/format.ts';
import { useActions, useSetting, useSim } from '../../store/react/hooks.ts';
import type { ControlSpec } from './controlSpecs.ts';
import { selectScheduledOutageEnd } from '../../store/changes/outage.ts';
import { FieldHints, hintIds } from './FieldHints.tsx';

export function SwitchField({ spec }: { spec: ControlSpec }) {
  const id = useId();
  const t = useT();
  const { value } = useSetting(spec.key);
  const { change } = useActions();
  const on = value === 'true';
  // The outage switch is off while a scheduled outage (email.outage) has the service down: say so,
  // as the diagram's "Down" badge does.
  const outageEnd = useSim(selectScheduledOutageEnd);
  const scheduled = spec.key === 'email.down' && !on && outageEnd !== null;
  const scheduledId = `${id}-scheduled`;
  return (
    <div className="field field-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={on}
        aria-describedby={scheduled ? `${scheduledId} ${hintIds(id, spec)}` : hintIds(id, spec)}
        onChange={(e) => change(spec.key, e.target.checked ? 'true' : 'false')}
      />
      <label htmlFor={id}>
        {spec.label}
        {scheduled ? (
          <span id={scheduledId} className="switch-state switch-scheduled" aria-hidden="true">
            {t('controls.downUntil', { time: localTime(t, outageEnd) })}
          </span>
        ) : (
          <span className="switch-state" aria-hidden="true">
            {t(on ? 'switch.on' : 'switch.off')}
          </span>
        )}
      </label>
      <FieldHints id={id} spec={spec} />
    </div>
  );
}
