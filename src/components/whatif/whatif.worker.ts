/** The "What if?" curves' Web Worker: runs each value of its share of a request for both lanes and
 * posts it back as soon as it is done, so the page's frames never wait for the engine; once its
 * runs have used their share of the work budget it says it stopped instead. One value per task
 * (curveLoop.ts), so a newer request or a cancel takes over between two values, and the page keeps
 * the worker, warm, for its next request. */
// Every broker registered: the worker has its own module graph, and no first load to keep small.
import '../../engine/queue/all.ts';
import { createCurveLoop, type WorkerReply, type WorkerRequest } from './curveLoop.ts';

export type { WorkerReply, WorkerRequest } from './curveLoop.ts';

// A task of its own with no delay: a timer nested this deep would wait 4 ms a value.
const tick = new MessageChannel();
let queued: (() => void) | null = null;
tick.port1.onmessage = () => {
  const fn = queued;
  queued = null;
  fn?.();
};

const onRequest = createCurveLoop(
  (reply: WorkerReply) => self.postMessage(reply),
  (fn) => {
    queued = fn;
    tick.port2.postMessage(null);
  },
);

self.onmessage = (event: MessageEvent<WorkerRequest>) => onRequest(event.data);
