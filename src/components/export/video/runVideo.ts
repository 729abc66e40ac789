/** Makes a video off the page's main thread: in a Web Worker (video.worker.ts) where the browser
 * can start one and draw offscreen in it, else on the page itself in slices (encode.ts), as the
 * Export menu and the host API both ask. Progress, the time left and Cancel work the same way
 * either way; cancelling a worker ends it at once. */
import type { VideoHooks, VideoJob } from './encode.ts';
import { makeVideoWorker } from './makeVideoWorker.ts';
import type { FromVideoWorker, ToVideoWorker } from './video.worker.ts';

/** Where the last video was made, for the tests and the benchmark to read. */
export type VideoThread = 'worker' | 'main thread';

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return undefined;
  try {
    return makeVideoWorker();
  } catch {
    return undefined;
  }
}

async function onPage(job: VideoJob, hooks: VideoHooks): Promise<Blob | null> {
  const { makeVideo } = await import('./encode.ts');
  return makeVideo(job, hooks);
}

/** The video as a Blob, or null when stopped through `hooks.signal`; `where` is told where it is
 * made. Rejects with an Error whose message says what went wrong. */
export function runVideo(
  job: VideoJob,
  hooks: VideoHooks = {},
  where?: (thread: VideoThread) => void,
): Promise<Blob | null> {
  const worker = startWorker();
  const fallBack = () => {
    where?.('main thread');
    return onPage(job, hooks);
  };
  if (!worker) return fallBack();
  if (hooks.signal?.aborted) {
    worker.terminate();
    return Promise.resolve(null);
  }
  return new Promise<Blob | null>((resolve, reject) => {
    let heard = false;
    const end = () => {
      worker.terminate();
      hooks.signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      end();
      resolve(null);
    };
    hooks.signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (event: MessageEvent<FromVideoWorker>) => {
      const m = event.data;
      if (!heard) where?.('worker');
      heard = true;
      switch (m.type) {
        case 'progress':
          return hooks.progress?.(m.done, m.total, m.leftMs);
        case 'done':
          end();
          return resolve(m.blob);
        case 'error':
          end();
          return reject(new Error(m.message));
        case 'unable':
          end();
          return fallBack().then(resolve, reject);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      // A worker that could not start (its file blocked or missing): the page makes the video.
      if (!heard) fallBack().then(resolve, reject);
      else reject(new Error(event.message || 'the video worker stopped'));
    };
    try {
      worker.postMessage({ type: 'start', job } satisfies ToVideoWorker);
    } catch {
      // A job that cannot be copied to a worker (it never should): the page makes the video.
      end();
      fallBack().then(resolve, reject);
    }
  });
}
