/** Starts the video's worker from its own file, which the built page's CSP allows
 * (`worker-src 'self'`). The single-file build swaps this module for makeVideoWorker.single.ts. */
export function makeVideoWorker(): Worker {
  return new Worker(new URL('./video.worker.ts', import.meta.url), { type: 'module' });
}
