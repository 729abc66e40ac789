/** The lesson's answer loads on demand (revealShapes.ts): a lesson shows it only once it has
 * ended, and it was part of the initial JavaScript (check:bundle). The page loads it after its
 * first screen (App.tsx), or before it when the link opens at a moment of a lesson, which may be
 * its end. */
import { deferred } from '../deferred.ts';

export const REVEAL = deferred(() => import('./revealShapes.ts'));
