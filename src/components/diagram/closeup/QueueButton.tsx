/** The queue node as a button: it opens and closes the broker close-up. An invisible button laid
 * exactly over the node drawn in the SVG, above the token canvas, so a click or Enter on the node
 * does it; a corner badge says that the node opens. */
import { useT } from '../../../i18n/react.tsx';
import { usePageState, useHandles } from '../../../store/react/hooks.ts';
import type { DiagramLayout } from '../geometry.ts';
import { CLOSEUP_ID } from './closeupId.ts';

const pct = (v: number, of: number) => `${(v / of) * 100}%`;

export function QueueButton({ name, layout }: { name: string; layout: DiagramLayout }) {
  const t = useT();
  const box = layout.nodes.queue;
  const { page } = useHandles();
  const open = usePageState((s) => s.closeup);
  return (
    <button
      type="button"
      className="queue-button"
      aria-expanded={open}
      aria-controls={open ? CLOSEUP_ID : undefined}
      aria-label={t('closeupButton.label', { broker: name })}
      title={open ? t('closeupButton.closeEsc') : t('closeupButton.lookInside', { broker: name })}
      style={{
        left: pct(box.x, layout.w),
        top: pct(box.y, layout.h),
        width: pct(box.w, layout.w),
        height: pct(box.h, layout.h),
      }}
      onClick={() => page.getState().setCloseup(!open)}
    >
      <span className="queue-button-badge" aria-hidden="true">
        {open ? '▾' : '⤢'}
      </span>
    </button>
  );
}
