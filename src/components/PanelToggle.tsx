/** Opens and closes the side panel (controls, prediction, goals). */
import { selectPanelOpen } from '../lessons/selectors.ts';
import { useHandles, usePageState } from '../store/react/hooks.ts';
import { Icon } from './Icon.tsx';
import { SIDE_PANEL_ID } from './SidePanel.tsx';

export function PanelToggle() {
  const open = usePageState(selectPanelOpen);
  const { page } = useHandles();
  return (
    <button
      type="button"
      className="button panel-toggle"
      aria-expanded={open}
      aria-controls={SIDE_PANEL_ID}
      onClick={() => page.getState().setPanelOpen(!open)}
    >
      <Icon name="panel" />
      <span>Controls</span>
    </button>
  );
}
