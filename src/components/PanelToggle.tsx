/** Opens and closes the side panel (controls, prediction, goals). */
import { selectPanelOpen } from '../lessons/selectors.ts';
import { useHandles, usePageState } from '../store/react/hooks.ts';
import { Icon } from './Icon.tsx';
import { useT } from '../i18n/react.tsx';
import { SIDE_PANEL_ID } from './SidePanel.tsx';

export function PanelToggle() {
  const open = usePageState(selectPanelOpen);
  const { page } = useHandles();
  const t = useT();
  return (
    <button
      type="button"
      className="button panel-toggle"
      aria-expanded={open}
      aria-controls={SIDE_PANEL_ID}
      onClick={() => page.getState().setPanelOpen(!open)}
    >
      <Icon name="panel" />
      <span>{t('panel.toggle')}</span>
    </button>
  );
}
