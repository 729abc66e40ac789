/** The control panel: the actions, the everyday settings, and the advanced ones behind a
 * disclosure. Every change applies from the current simulated moment and is recorded. */
import {
  ADVANCED_CONTROLS,
  EMAIL_CONTROLS,
  LATENCY_CONTROLS,
  LOAD_CONTROLS,
} from './controlSpecs.ts';
import type { SettingKey } from '../../engine/index.ts';
import { selectChangeCount } from '../../store/react/selectors.ts';
import { useActions, useSim } from '../../store/react/hooks.ts';
import { useT } from '../../i18n/react.tsx';
import { Icon } from '../Icon.tsx';
import { BrokerControls } from './BrokerControls.tsx';
import { DesignSection } from './DesignSection.tsx';
import { DualWriteControls } from './DualWriteControls.tsx';
import { useDesignFirst } from './useDesignFirst.ts';
import { flowLatencyControls, FlowSteps } from './FlowSteps.tsx';
import { useLaneFlow } from '../useLaneFlow.ts';
import { SettingControl } from './SettingControl.tsx';

// The side panel shows the Design section above the lesson in a design lesson.
export { DesignSection };

/** The settings a traffic spike changes. */
const SPIKE_KEYS: readonly SettingKey[] = ['traffic.pattern', 'traffic.spikeAt'];

export function ControlsPanel() {
  const { placeOrder, startSpike, restoreDefaults } = useActions();
  const changes = useSim(selectChangeCount);
  // The store refuses a spike while the page locks its settings: say so on the button.
  const spikeLocked = useSim((s) => SPIKE_KEYS.some((k) => s.locked.includes(k)));
  // Another flow's steps are not the checkout's: no card or order slider for a login.
  const flow = useLaneFlow('async');
  const checkout = flow.id === 'checkout';
  const email = flow.steps.some((s) => s.id === 'email');
  const designFirst = useDesignFirst();
  const t = useT();
  return (
    <aside className="controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('controls.title')}</h2>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={placeOrder}>
          <Icon name="order" />
          <span>{t('controls.placeOrder')}</span>
        </button>
        <button
          type="button"
          className="button"
          onClick={startSpike}
          aria-disabled={spikeLocked || undefined}
          aria-describedby={spikeLocked ? 'spike-locked' : undefined}
        >
          <Icon name="spike" />
          <span>{t('controls.startSpike')}</span>
        </button>
        {spikeLocked && (
          <p id="spike-locked" className="changes-note">
            {t('controls.spikeLocked')}
          </p>
        )}
      </div>
      {!designFirst && <DesignSection />}
      <fieldset className="group">
        <legend>{t('controls.latencies')}</legend>
        {!checkout && <FlowSteps flow={flow} />}
        <div className="slider-list slider-list-compact">
          {(checkout ? LATENCY_CONTROLS : flowLatencyControls(flow)).map((spec) => (
            <SettingControl key={spec.key} spec={spec} />
          ))}
        </div>
      </fieldset>
      {email && (
        <fieldset className="group">
          <legend>{t('controls.email')}</legend>
          {EMAIL_CONTROLS.map((spec) => (
            <SettingControl key={spec.key} spec={spec} />
          ))}
        </fieldset>
      )}
      <fieldset className="group">
        <legend>{t('controls.load')}</legend>
        <div className="slider-list slider-list-compact">
          {LOAD_CONTROLS.map((spec) => (
            <SettingControl key={spec.key} spec={spec} />
          ))}
        </div>
      </fieldset>
      <BrokerControls />
      <details className="advanced">
        <summary>{t('controls.advanced')}</summary>
        <div className="advanced-body">
          {ADVANCED_CONTROLS.map((spec) => (
            <SettingControl key={spec.key} spec={spec} />
          ))}
          <DualWriteControls />
          <button type="button" className="button" onClick={restoreDefaults}>
            {t('controls.restoreDefaults')}
          </button>
        </div>
      </details>
      <p className="changes-note">
        {changes === 0 ? t('controls.changesNone') : t('controls.changes', { count: changes })}
      </p>
    </aside>
  );
}
