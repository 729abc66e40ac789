/** Runs a host's `exportVideo` once it is accepted: its progress sent at most every tenth of the
 * way, then the file as a Blob, or an error naming what went wrong. Loaded when a host first asks
 * for a video, so it weighs nothing on the first screen. */
import type { Simulator } from '../store/simulatorTypes.ts';
import { outbound, type Outbound, type RequestId } from './protocol.ts';
import { videoMakerLoader, type VideoFields, type VideoMaker } from './videoRequest.ts';

/** The fields an `exportVideo` message may carry; their values are checked against the allowed
 * ones (formats, sizes, fps, speeds) by the video maker, which names them in its error. */
export const VIDEO_FIELDS = ['format', 'size', 'fps', 'speed', 'from', 'to', 'title'] as const;

/** The message's video fields, or the sentence saying what is wrong with them. */
export function readVideoFields(data: Readonly<Record<string, unknown>>): VideoFields | string {
  const unknown = Object.keys(data).filter(
    (k) => k !== 'type' && k !== 'id' && !(VIDEO_FIELDS as readonly string[]).includes(k),
  );
  if (unknown.length > 0) {
    return `exportVideo takes ${VIDEO_FIELDS.join(', ')}; not ${unknown.slice(0, 3).join(', ')}`;
  }
  const fields: Record<string, unknown> = {};
  for (const key of VIDEO_FIELDS) {
    const value = data[key];
    if (value === undefined) continue;
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      return `exportVideo's ${key} must be a string, a number or a boolean`;
    }
    if (typeof value === 'string' && value.length > 20) return `exportVideo's ${key} is too long`;
    fields[key] = value;
  }
  return fields;
}

/** Starts a host's video (simulatorTarget.ts has made sure it is the only one), unless the page
 * cannot make one (then an error); `signal` is its cancelVideo. */
export async function startVideoJob(
  simulator: Simulator,
  fields: VideoFields,
  send: (message: Outbound) => void,
  id: RequestId | undefined,
  signal: AbortSignal,
): Promise<void> {
  const load = videoMakerLoader();
  const refuse = (message: string) =>
    send(outbound({ type: 'error', command: 'exportVideo', message } as const, id));
  if (!load) return refuse('this page cannot make videos');
  let make: VideoMaker;
  try {
    make = await load();
  } catch (e) {
    return refuse(`could not load the video maker: ${(e as Error).message}`);
  }
  await runVideoJob(make, simulator, fields, send, id, signal);
}

export async function runVideoJob(
  make: VideoMaker,
  simulator: Simulator,
  fields: VideoFields,
  send: (message: Outbound) => void,
  id?: RequestId,
  signal: AbortSignal = new AbortController().signal,
): Promise<void> {
  const error = (message: string) =>
    send(outbound({ type: 'error', command: 'exportVideo', message } as const, id));
  let sentTenth = -1;
  const progress = (done: number, total: number, leftMs: number | null) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth === sentTenth) return;
    sentTenth = tenth;
    const leftSec = leftMs === null ? null : Math.ceil(leftMs / 1000);
    send(outbound({ type: 'progress', command: 'exportVideo', done, total, leftSec } as const, id));
  };
  const read = readVideoFields(fields);
  if (typeof read === 'string') return error(read);
  const s = simulator.store.getState();
  const job = make(s, read, { progress, signal });
  if ('problem' in job) return error(job.problem);
  s.pause();
  try {
    const blob = await job.video;
    if (blob) send(outbound({ type: 'video', name: job.name, blob } as const, id));
    else error('the video was cancelled');
  } catch (e) {
    error(`could not make the video: ${(e as Error).message.replace(/\.$/, '')}`);
  }
}
