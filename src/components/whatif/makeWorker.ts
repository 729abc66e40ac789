/** Starts the "What if?" worker from its own file, which the built page's CSP allows
 * (`worker-src 'self'`). The single-file build swaps this module for makeWorker.single.ts. */
export function makeWorker(): Worker {
  return new Worker(new URL('./whatif.worker.ts', import.meta.url), { type: 'module' });
}
