/** The message broker: which broker's delivery rules the queue follows, the few settings that
 * matter for that broker (with the real defaults beside the simulator's), and the redrive. */
import { useId } from 'react';
import type { Broker } from '../../engine/index.ts';
import { BROKER_CONTROL, BROKER_CONTROLS, BROKER_KEY, BROKER_NOTES } from './controlSpecs.ts';
import { useActions, useSetting, useSim, useSimulator } from '../../store/hooks.ts';
import { selectViewMode, shownModes } from '../../store/selectors.ts';
import { plural } from '../../format/index.ts';
import { SettingControl } from './SettingControl.tsx';
import './broker.css';

/** Messages in the dead-letter queues of the lanes on screen now. */
function useDeadLetters(): number {
  const simulator = useSimulator();
  const viewMode = useSim(selectViewMode);
  return useSim(() =>
    shownModes(viewMode).reduce((n, mode) => n + simulator.view(mode).deadLetters, 0),
  );
}

function isBroker(value: string): value is Broker {
  return value in BROKER_CONTROLS;
}

export function BrokerControls() {
  const id = useId();
  const { value } = useSetting(BROKER_KEY);
  const broker = isBroker(value) ? value : 'sqs';
  const note = BROKER_NOTES[broker];
  const { redrive } = useActions();
  const deadLetters = useDeadLetters();
  return (
    <fieldset className="group broker">
      <legend>Message broker</legend>
      <SettingControl spec={BROKER_CONTROL} />
      <div className="broker-settings">
        {BROKER_CONTROLS[broker].map((spec) => (
          <SettingControl key={spec.key} spec={spec} />
        ))}
        {note && <p className="broker-note">{note}</p>}
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
          Redrive dead letters
        </button>
        <span id={`${id}-dlq`} className="broker-dlq">
          {deadLetters === 0
            ? 'Dead-letter queue empty'
            : plural(deadLetters, 'dead-lettered message')}
        </span>
      </div>
    </fieldset>
  );
}
