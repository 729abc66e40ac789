/** The web server's crash between saving an order and queueing its job, and the transactional
 * outbox that fixes it; the relay's poll shows only while the outbox is on, where it does
 * something. */
import { DUAL_WRITE_CONTROLS, OUTBOX_KEY } from './dualWriteSpecs.ts';
import { useT } from '../../i18n/react.tsx';
import { useSetting } from '../../store/react/hooks.ts';
import { SettingControl } from './SettingControl.tsx';

export function DualWriteControls() {
  const outboxOn = useSetting(OUTBOX_KEY).value === 'true';
  const t = useT();
  return (
    <fieldset className="group">
      <legend>{t('dualWrite.legend')}</legend>
      <SettingControl spec={DUAL_WRITE_CONTROLS.crashRate} />
      <SettingControl spec={DUAL_WRITE_CONTROLS.outbox} />
      {outboxOn && <SettingControl spec={DUAL_WRITE_CONTROLS.poll} />}
    </fieldset>
  );
}
