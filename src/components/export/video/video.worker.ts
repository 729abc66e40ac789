/** The video's Web Worker: replays the run, draws each frame on an OffscreenCanvas and encodes
 * and muxes it (encode.ts), so the page's frames and clicks never wait for a video. It posts its
 * progress, then the file as a Blob (a reference, not a copy) or the error's sentence. Cancel is
 * the page terminating it (runVideo.ts). */
// Every broker registered: the worker has its own module graph, and no first load to keep small.
import '../../../engine/queue/all.ts';
import { makeVideo, type VideoJob } from './encode.ts';

export type ToVideoWorker = { type: 'start'; job: VideoJob };
export type FromVideoWorker =
  | { type: 'progress'; done: number; total: number; leftMs: number | null }
  | { type: 'done'; blob: Blob | null }
  | { type: 'error'; message: string }
  /** This browser's workers cannot draw offscreen: the page makes the video itself. */
  | { type: 'unable' };

const post = (message: FromVideoWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToVideoWorker>) => {
  if (event.data.type !== 'start') return;
  if (typeof OffscreenCanvas === 'undefined') return post({ type: 'unable' });
  makeVideo(event.data.job, {
    progress: (done, total, leftMs) => post({ type: 'progress', done, total, leftMs }),
  }).then(
    (blob) => post({ type: 'done', blob }),
    (error: unknown) => post({ type: 'error', message: (error as Error).message }),
  );
};
