/** The reduced-motion switch: tokens jump between places instead of gliding, and CSS animations
 * stop. Starts from `prefers-reduced-motion`; the page's root carries a class while it is on. */
import { useEffect, useId } from 'react';
import { useT } from '../../i18n/react.tsx';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { selectReducedMotion } from '../../store/react/selectors.ts';
import '../../styles/export.css';

export function MotionSwitch() {
  const id = useId();
  const { page } = useHandles();
  const on = usePageState(selectReducedMotion);
  const t = useT();
  useEffect(() => {
    document.documentElement.classList.toggle('reduced-motion', on);
  }, [on]);
  return (
    <div className="field field-switch motion-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(e) => page.getState().setReducedMotion(e.target.checked)}
      />
      <label htmlFor={id}>
        {t('motion.reduce')}
        <span className="switch-state" aria-hidden="true">
          {t(on ? 'switch.on' : 'switch.off')}
        </span>
      </label>
    </div>
  );
}
