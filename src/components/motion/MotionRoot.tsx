/** framer-motion for the UI's transitions (the prediction on the stage, captions, the focus ring,
 * the timelines, the close-up): it loads once the first screen has painted, so it costs the first
 * paint nothing (issue 24); what shows before then stays still, and what comes after enters with
 * an animation (MotionIn), under the reader's reduced-motion preference (motionKit.tsx). */
import { useEffect, type ReactNode } from 'react';
import { onNextPaint } from '../afterPaint.ts';
import { loadMotion } from './loadMotion.ts';

export function MotionRoot({ children }: { children: ReactNode }) {
  useEffect(
    () =>
      onNextPaint(() => {
        // Without it (a lost connection) the page works the same, only without the animations.
        loadMotion().catch(() => undefined);
      }),
    [],
  );
  return children;
}
