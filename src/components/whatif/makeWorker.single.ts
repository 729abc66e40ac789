/** The single-file build's worker: its code inlined in the page and started from a blob, since
 * that build must not need a second file (vite.config.ts aliases makeWorker.ts to this). */
import InlineWorker from './whatif.worker.ts?worker&inline';

export function makeWorker(): Worker {
  return new InlineWorker();
}
