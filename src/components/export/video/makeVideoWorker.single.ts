/** The single-file build's video worker: its code inlined in the page and started from a blob
 * (`worker-src blob:`), since that build must not need a second file (vite.config.ts aliases
 * makeVideoWorker.ts to this). */
import InlineWorker from './video.worker.ts?worker&inline';

export function makeVideoWorker(): Worker {
  return new InlineWorker();
}
