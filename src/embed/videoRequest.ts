/** The host API's `exportVideo` as the first screen knows it: the shape of its fields and of the
 * video maker, which the page provides (the encoder lives with the drawing code, loaded only when
 * a host asks for a video). */
import type { SimulatorState } from '../store/simulatorTypes.ts';

/** An `exportVideo` message's fields as they came: read and checked when the job starts
 * (videoJob.ts, loaded then), so that none of it weighs on the first screen. */
export type VideoFields = Readonly<Record<string, unknown>>;

export interface VideoHooksForHost {
  progress(done: number, total: number, leftMs: number | null): void;
  signal: AbortSignal;
}

/** Makes a video of the run in `state`: a problem with the fields (naming the allowed values), or
 * the file's name and the video to come (null when stopped). */
export type VideoMaker = (
  state: SimulatorState,
  fields: VideoFields,
  hooks: VideoHooksForHost,
) => { problem: string } | { name: string; video: Promise<Blob | null> };

let loadMaker: (() => Promise<VideoMaker>) | null = null;

/** The host's video being made, from its acceptance to its last reply: one at a time. */
let hostVideo: AbortController | null = null;

/** Claims the one host video: its controller, or null while another is being made. */
export function claimHostVideo(): AbortController | null {
  if (hostVideo) return null;
  hostVideo = new AbortController();
  return hostVideo;
}

/** The video's last reply was sent: another may start. */
export function releaseHostVideo(controller: AbortController): void {
  if (hostVideo === controller) hostVideo = null;
}

/** A host's `cancelVideo`: stops the video being made; false when there is none. */
export function cancelHostVideo(): boolean {
  if (!hostVideo || hostVideo.signal.aborted) return false;
  hostVideo.abort();
  return true;
}

/** The page says how to load its video maker (App does, from the components' drawing code). */
export function provideVideoMaker(load: () => Promise<VideoMaker>): void {
  loadMaker = load;
}

export function videoMakerLoader(): (() => Promise<VideoMaker>) | null {
  return loadMaker;
}
