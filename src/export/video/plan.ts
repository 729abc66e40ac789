/** A video export's plan, pure: the options a student or a host page may ask for, checked with a
 * sentence naming the allowed values, and which simulated moment each frame shows. */
import type { Beat } from '../../scenarios/index.ts';
import { beatIndexAt } from '../../scenarios/beats.ts';

export const VIDEO_FORMATS = ['webm', 'mp4', 'gif'] as const;
export type VideoFormat = (typeof VIDEO_FORMATS)[number];

export const VIDEO_SIZES = ['1280x720', '1920x1080', '800x450'] as const;
export type VideoSize = (typeof VIDEO_SIZES)[number];
/** A GIF is for chat messages and LMS pages: 800 px wide by default, 1280 at most (a 1080p GIF
 * runs to hundreds of megabytes). */
export const GIF_SIZES: readonly VideoSize[] = ['800x450', '1280x720'];

export const VIDEO_FPS = [30, 60] as const;
/** A GIF's frame delay is in whole hundredths of a second: 30 fps (3.33) cannot be kept, so a GIF
 * plays at 25 fps (4 hundredths), and its length is still exact. */
export const GIF_FPS = 25;

export const VIDEO_SPEEDS = [0.25, 0.5, 1, 2, 5, 10] as const;

/** The title card's length, before the first simulated moment: it is also the poster frame. */
export const TITLE_SEC = 1;
/** The longest video made: 10 minutes (a 5-minute lesson at half speed fits). */
export const MAX_VIDEO_SEC = 600;
/** How long the last caption stays on screen after it shows, in the default length. */
const LAST_CAPTION_HOLD_MS = 5_000;
/** A free run (no captions) is exported to the moment shown, or this long if that is sooner. */
const FREE_RUN_MS = 10_000;

export interface VideoOptions {
  format: VideoFormat;
  width: number;
  height: number;
  fps: number;
  /** Simulated seconds per second of video. */
  speed: number;
  /** Simulated ms: the first and the end moment shown (the end itself is not a frame). */
  fromMs: number;
  toMs: number;
  /** A title card of TITLE_SEC before the first moment. */
  title: boolean;
}

/** What the plan needs to know of the run: its captions, its length and the moment shown. */
export interface RunSpan {
  beats: readonly Beat[];
  durationMs: number;
  simMs: number;
}

/** The whole lesson: from 0 s to a few seconds after its last caption shows (never past the run's
 * end); a run without captions, to the moment shown. */
export function defaultSpanMs(run: RunSpan): { fromMs: number; toMs: number } {
  const last = run.beats[run.beats.length - 1];
  const end = last
    ? Math.round(last.atSec * 1000) + LAST_CAPTION_HOLD_MS
    : Math.max(run.simMs, FREE_RUN_MS);
  return { fromMs: 0, toMs: Math.min(end, Math.max(run.durationMs, FREE_RUN_MS)) };
}

type Raw = Record<string, unknown>;

/** Reads the options in `raw` (a host message's fields or the menu's), filling the defaults;
 * returns the sentence saying what is wrong, naming the allowed values, when something is. */
export function readVideoOptions(raw: Raw, run: RunSpan): VideoOptions | { problem: string } {
  const format = raw.format ?? 'webm';
  if (typeof format !== 'string' || !(VIDEO_FORMATS as readonly string[]).includes(format)) {
    return { problem: `format must be one of ${VIDEO_FORMATS.join(', ')}` };
  }
  const f = format as VideoFormat;
  const sizes = f === 'gif' ? GIF_SIZES : VIDEO_SIZES;
  const size = raw.size ?? sizes[0];
  if (typeof size !== 'string' || !sizes.includes(size as VideoSize)) {
    return { problem: `size for ${f} must be one of ${sizes.join(', ')}` };
  }
  const [width, height] = size.split('x').map(Number) as [number, number];
  let fps: number = f === 'gif' ? GIF_FPS : 30;
  if (raw.fps !== undefined) {
    const allowed: readonly number[] = f === 'gif' ? [GIF_FPS] : VIDEO_FPS;
    if (typeof raw.fps !== 'number' || !allowed.includes(raw.fps)) {
      return { problem: `fps for ${f} must be ${allowed.join(' or ')}` };
    }
    fps = raw.fps;
  }
  const speed = raw.speed ?? 1;
  if (typeof speed !== 'number' || !(VIDEO_SPEEDS as readonly number[]).includes(speed)) {
    return { problem: `speed must be one of ${VIDEO_SPEEDS.join(', ')}` };
  }
  const span = defaultSpanMs(run);
  const from = readSeconds(raw.from, span.fromMs, 'from');
  if (typeof from === 'string') return { problem: from };
  const to = readSeconds(raw.to, span.toMs, 'to');
  if (typeof to === 'string') return { problem: to };
  if (to <= from) return { problem: 'to must be later than from' };
  const title = raw.title ?? true;
  if (typeof title !== 'boolean') return { problem: 'title must be true or false' };
  const seconds = (title ? TITLE_SEC : 0) + (to - from) / 1000 / speed;
  if (seconds > MAX_VIDEO_SEC) {
    return {
      problem: `the video would last ${Math.round(seconds)} s; at most ${MAX_VIDEO_SEC} s: shorten from–to or raise the speed`,
    };
  }
  return { format: f, width, height, fps, speed, fromMs: from, toMs: to, title };
}

/** Simulated seconds from 0 (in a message), as ms; the default when absent. */
function readSeconds(value: unknown, fallbackMs: number, name: string): number | string {
  if (value === undefined) return fallbackMs;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 86_400) {
    return `${name} must be a number of simulated seconds from 0 to 86400`;
  }
  return Math.round(value * 1_000_000) / 1000;
}

/** The frames of the title card (0 without it). */
export function titleFrames(o: Pick<VideoOptions, 'fps' | 'title'>): number {
  return o.title ? Math.round(TITLE_SEC * o.fps) : 0;
}

/** How many frames the video has: the title card's, then one every 1/fps of video. */
export function frameCount(o: VideoOptions): number {
  return titleFrames(o) + Math.round(((o.toMs - o.fromMs) / 1000 / o.speed) * o.fps);
}

/** The simulated moment frame `i` shows (ms); a title card frame shows the first moment. */
export function frameMs(o: VideoOptions, i: number): number {
  const k = Math.max(0, i - titleFrames(o));
  // In whole microseconds, as the engine schedules, so 1/30 s steps add up without drift.
  return Math.round((o.fromMs + ((k * 1000) / o.fps) * o.speed) * 1000) / 1000;
}

/** The caption showing at `simMs` and its place in the lesson, or null before the first. */
export function captionAt(
  beats: readonly Beat[],
  simMs: number,
): { text: string; index: number; of: number } | null {
  const index = beatIndexAt(beats, simMs);
  const beat = beats[index];
  return beat ? { text: beat.caption, index, of: beats.length } : null;
}

/** The file's name: the lesson, the span and the format. */
export function videoFileName(scenario: string | null, o: VideoOptions): string {
  const s = (ms: number) => `${Math.round(ms / 100) / 10}s`;
  const ext = o.format;
  return `sync-vs-async-${scenario ?? 'free'}-${s(o.fromMs)}-${s(o.toMs)}-${o.width}x${o.height}.${ext}`;
}
