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

/** The page says how to load its video maker (App does, from the components' drawing code). */
export function provideVideoMaker(load: () => Promise<VideoMaker>): void {
  loadMaker = load;
}

export function videoMakerLoader(): (() => Promise<VideoMaker>) | null {
  return loadMaker;
}
