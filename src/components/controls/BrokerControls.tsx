/** The message broker: which broker's delivery rules the queue follows, the few settings that
 * matter for that broker (with the real defaults beside the simulator's), and the redrive. */
import { useId } from 'react';
import { DEFAULT_BROKER, brokerFacts, isBroker } from '../../engine/index.ts';
import { BROKER_CONTROL, BROKER_KEY, brokerControls } from './controlSpecs.ts';
import { useActions, useSetting, useSim } from '../../store/react/hooks.ts';
import { shownModes } from '../../store/react/selectors.ts';
import { useT } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { SettingControl } from './SettingControl.tsx';
import './broker.css';

/** Messages in the dead-letter queues of the lanes on screen now, as the lanes' snapshots have
 * them (published at once after a redrive or a jump). Asking the engine for its whole view in
 * the selector recomputed it at every change of the store, jumps' progress included: in a busy
 * run that was most of a dragged timeline's time. */
function useDeadLetters(): number {
  return useSim((s) => shownModes(s.lanesShown).reduce((n, mode) => n + s.lanes[mode].dlq, 0));
}

export function BrokerControls() {
  const id = useId();
  const { value } = useSetting(BROKER_KEY);
  const broker = isBroker(value) ? value : DEFAULT_BROKER;
  const { note } = brokerFacts(broker);
  const { redrive } = useActions();
  const deadLetters = useDeadLetters();
  const t = useT();
  return (
    <fieldset className="group broker">
      <legend>{t('broker.legend')}</legend>
      <SettingControl spec={BROKER_CONTROL} />
      <div className="broker-settings">
        {brokerControls(broker).map((spec) => (
          <SettingControl key={spec.key} spec={spec} />
        ))}
        {note && <p className="broker-note">{t(`broker.${broker}.note` as MessageId)}</p>}
      </div>
      <div className="broker-redrive">
        {/* aria-disabled rather than disabled: the button stays in the Tab order, so a screen
            reader user still finds it and hears why it does nothing now. */}
        <button
          type="button"
          className="button"
          onClick={() => deadLetters > 0 && redrive()}
          aria-disabled={deadLetters === 0}
          aria-describedby={`${id}-dlq`}
        >
          {t('broker.redrive')}
        </button>
        <span id={`${id}-dlq`} className="broker-dlq">
          {deadLetters === 0 ? t('broker.dlqEmpty') : t('broker.dlqCount', { count: deadLetters })}
        </span>
      </div>
    </fieldset>
  );
}
