/** The side panel beside the stage: the lesson's prediction and goals, the controls, and the
 * view options. It opens and closes from the header; while it is open the stage narrows and its
 * diagrams scale down, but both lanes stay on screen. In a window too narrow for both (701 to
 * 1099 px, stage.css) it floats over the stage's right side instead, with its own Close button,
 * so that the stage keeps its width. */
import { useT } from '../i18n/react.tsx';
import { deferred, useDeferred } from './deferred.ts';
import { selectPanelOpen } from '../lessons/selectors.ts';
import { useHandles, usePageState } from '../store/react/hooks.ts';
import { useDesignFirst, useLessonDesignPanel } from './controls/useDesignFirst.ts';

export const SIDE_PANEL_ID = 'side-panel';

/** What the panel holds loads after the first screen (sidePanelBody.ts): the panel starts closed
 * on a laptop, and its sliders were 8 KB of the initial JavaScript, the lesson's part and the view
 * options 1 KB more (check:bundle). */
export const CONTROLS = deferred(() => import('./sidePanelBody.ts'));

function Body() {
  const module = useDeferred(CONTROLS);
  const t = useT();
  if (module instanceof Error) {
    return <p className="card">{t('panel.failed', { reason: module.message })}</p>;
  }
  if (!module) return <p className="card">{t('panel.loading')}</p>;
  return (
    <>
      <module.LessonSide />
      <module.ControlsPanel />
      <section className="view-options card" aria-label={t('panel.view')}>
        <module.ThemePicker />
        <module.MotionSwitch />
        <module.ShortcutsButton />
      </section>
    </>
  );
}

/** A design lesson's Design section, above the lesson's side (ControlsPanel then leaves it out). */
function DesignFirst() {
  const module = useDeferred(CONTROLS);
  if (!module || module instanceof Error) return null;
  return (
    <div className="controls design-first">
      <module.DesignSection />
    </div>
  );
}

export function SidePanel() {
  const open = usePageState(selectPanelOpen);
  const { page } = useHandles();
  const designFirst = useDesignFirst();
  useLessonDesignPanel();
  const t = useT();
  return (
    <div className="side-panel" id={SIDE_PANEL_ID} hidden={!open}>
      <button
        type="button"
        className="button side-panel-close"
        onClick={() => page.getState().setPanelOpen(false)}
      >
        {t('panel.close')}
      </button>
      {designFirst && <DesignFirst />}
      <Body />
    </div>
  );
}
