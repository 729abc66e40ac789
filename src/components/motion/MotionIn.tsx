/** An element that enters with framer-motion's animation when it mounts after motion has loaded,
 * and is plain (the same element and class, in place at once) when it mounted before: the first
 * screen shows without framer-motion in its JavaScript, and nothing on it moves or flashes when
 * motion arrives. Key it by what it shows, so that each new one enters. */
import { createElement, useState } from 'react';
import type { EnterProps } from './enterProps.ts';
import { useMotionKit } from './loadMotion.ts';

export function MotionIn(props: EnterProps) {
  const kit = useMotionKit();
  // Decided at mount: switching a shown element to motion's would mount it again (its contents
  // would lose their state, and it would enter a second time).
  const [atMount] = useState(kit);
  if (atMount) return <atMount.Entering {...props} />;
  return plainElement(props);
}

function plainElement({
  as,
  initial: _from,
  animate: _to,
  transition: _how,
  ...plain
}: EnterProps) {
  return createElement(as, plain);
}
