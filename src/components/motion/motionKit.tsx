/** framer-motion and what the UI's transitions need of it, in a chunk of its own that loads after
 * the first screen (loadMotion.ts) or with a part that loads on demand: its DOM animation features
 * and the reader's reduced-motion preference (and the app's own switch), around each animated
 * part. */
import { domAnimation, LazyMotion, m, MotionConfig } from 'framer-motion';
import { createElement, type ElementType, type ReactNode } from 'react';
import { usePageState } from '../../store/react/hooks.ts';
import { selectReducedMotion } from '../../store/react/selectors.ts';
import type { EnterProps } from './enterProps.ts';

/** What `m` elements need above them. Under reduced motion framer-motion still fades, but moves
 * and scales nothing. */
export function MotionScope({ children }: { children: ReactNode }) {
  const reduced = usePageState(selectReducedMotion);
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion={reduced ? 'always' : 'user'}>{children}</MotionConfig>
    </LazyMotion>
  );
}

/** MotionIn's element once motion has loaded. */
export function Entering({ as, ...props }: EnterProps) {
  // m.div, m.p and m.section take these props alike; their union of types is not callable.
  return <MotionScope>{createElement(m[as] as ElementType, props)}</MotionScope>;
}
