/** What an element that enters with an animation (MotionIn) takes: the element, its attributes and
 * framer-motion's from, to and timing. Types only, so that the first screen's JavaScript can name
 * them without framer-motion in it. */
import type { TargetAndTransition, Transition } from 'framer-motion';
import type { CSSProperties, HTMLAttributes, Ref } from 'react';

/** React's drag and animation handlers are typed differently on a motion element; none is used. */
type Clashing = 'onAnimationStart' | 'onDrag' | 'onDragStart' | 'onDragEnd' | 'style';

export interface EnterProps extends Omit<HTMLAttributes<HTMLElement>, Clashing> {
  as: 'div' | 'p' | 'section';
  initial: TargetAndTransition;
  animate: TargetAndTransition;
  transition: Transition;
  style?: CSSProperties;
  ref?: Ref<HTMLElement> | undefined;
}
