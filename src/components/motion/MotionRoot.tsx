/** framer-motion for the UI's transitions (the prediction on the stage, captions, tallies): its
 * animation features load after the page, so they cost the first paint nothing, and every
 * animation follows the reader's reduced-motion preference (and the app's own switch). */
import { LazyMotion, MotionConfig } from 'framer-motion';
import type { ReactNode } from 'react';
import { selectReducedMotion } from '../../store/selectors.ts';
import { useViewState } from '../../store/hooks.ts';

const loadFeatures = () => import('./features.ts').then((m) => m.default);

export function MotionRoot({ children }: { children: ReactNode }) {
  const reduced = useViewState(selectReducedMotion);
  return (
    <LazyMotion features={loadFeatures} strict>
      <MotionConfig reducedMotion={reduced ? 'always' : 'user'}>{children}</MotionConfig>
    </LazyMotion>
  );
}
