/** Loads framer-motion once the first screen has painted (MotionRoot starts it), out of the
 * initial JavaScript, and tells the components that animate when it has come. */
import { useSyncExternalStore } from 'react';
import { deferred } from '../deferred.ts';

export type MotionKit = typeof import('./motionKit.tsx');

const KIT = deferred(() => import('./motionKit.tsx'));
const listeners = new Set<() => void>();

/** Starts loading (once); resolves when the components have been told. */
export function loadMotion(): Promise<MotionKit> {
  return KIT.load().then((kit) => {
    for (const listener of listeners) listener();
    return kit;
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** framer-motion's part of the UI once it has loaded, or null before. */
export function useMotionKit(): MotionKit | null {
  return useSyncExternalStore(subscribe, () => KIT.current() ?? null);
}
