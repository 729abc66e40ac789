/** Makes a lesson's video file, frame by frame: each frame drawn (drawFrame.ts) from a replay of
 * the run at its own simulated moment (export/video/frameSource.ts), then encoded at once, WebM
 * and MP4 through WebCodecs and mediabunny's muxers, a GIF through gifenc. No frame is kept, the
 * file goes out as Blob parts (blobSink.ts), and the thread gets a turn between slices of work.
 * It runs in a Worker (video.worker.ts) on an OffscreenCanvas, or on the page where a Worker
 * cannot (runVideo.ts). Loaded only when a video is asked for. */
import {
  CanvasSource,
  Mp4OutputFormat,
  Output,
  Quality,
  StreamTarget,
  WebMOutputFormat,
  canEncodeVideo,
  type VideoCodec,
} from 'mediabunny';
import { GIFEncoder, applyPalette, quantize, type Palette } from 'gifenc';
import type { Mode } from '../../../engine/index.ts';
import type { RunState } from '../../../export/runOf.ts';
import { VideoLanes } from '../../../export/video/frameSource.ts';
import {
  captionAt,
  frameCount,
  frameMs,
  titleFrames,
  type VideoOptions,
} from '../../../export/video/plan.ts';
import type { Beat } from '../../../scenarios/index.ts';
import { focusOrderAt } from '../../../scenarios/beats.ts';
import { BlobSink } from './blobSink.ts';
import { FramePainter, type FrameText } from './drawFrame.ts';
import { FLOW_LAYOUT } from '../../diagram/layouts.ts';
import { paletteOf, type VideoTheme } from './palette.ts';

export interface VideoRun extends RunState {
  beats: readonly Beat[];
}

export interface VideoJob {
  run: VideoRun;
  modes: readonly Mode[];
  options: VideoOptions;
  text: FrameText;
  /** The page's colour theme, which the frames follow; light when absent. */
  theme?: VideoTheme;
}

export interface VideoHooks {
  /** Frames done of all, and the wall ms left at the pace so far (null until it can tell). */
  progress?(done: number, total: number, leftMs: number | null): void;
  signal?: AbortSignal;
  /** The wall clock and a turn for the page; setTimeout and performance.now by default. */
  now?(): number;
  pause?(): Promise<void>;
}

/** Wall time one slice of drawing and encoding may take before the page gets a turn. */
const SLICE_MS = 40;

/** The codec each container is made with, in order of preference. */
const CODECS: Record<'webm' | 'mp4', readonly VideoCodec[]> = {
  webm: ['vp9', 'vp8'],
  mp4: ['avc'],
};

/** Bits per second: 0.08 bits per pixel and frame keeps the captions' edges clean on flat
 * diagrams (at 0.05 a title card showed smears), and a 10 s 720p WebM still comes to about 1 MB,
 * since the encoder spends far less than the target on frames that hardly change. */
function bitrateOf(o: VideoOptions): number {
  return Math.round(o.width * o.height * o.fps * 0.08);
}

/** Which of WebM, MP4 and GIF this browser can make at `width` x `height`. */
export async function formatsHere(width = 1280, height = 720): Promise<string[]> {
  const out: string[] = [];
  if (typeof VideoEncoder !== 'undefined') {
    for (const format of ['webm', 'mp4'] as const) {
      if (await codecFor(format, width, height)) out.push(format);
    }
  }
  return [...out, 'gif'];
}

async function codecFor(
  format: 'webm' | 'mp4',
  width: number,
  height: number,
): Promise<VideoCodec | null> {
  for (const codec of CODECS[format]) {
    if (await canEncodeVideo(codec, { width, height })) return codec;
  }
  return null;
}

/** The video as a Blob, or null when stopped through `signal`. Throws an Error whose message says
 * what went wrong (no encoder for the format names the formats this browser can make). */
export async function makeVideo(job: VideoJob, hooks: VideoHooks = {}): Promise<Blob | null> {
  const { options: o } = job;
  // A flow other than the checkout is drawn by code loaded on demand (layouts.ts).
  if (job.run.flow) await FLOW_LAYOUT.load();
  const canvas = frameCanvas(o.width, o.height);
  // The frame's 2D calls are common to a page's canvas and an OffscreenCanvas.
  const ctx = canvas.getContext('2d', {
    willReadFrequently: o.format === 'gif',
  }) as CanvasRenderingContext2D | null;
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const painter = new FramePainter(
    ctx,
    o.width,
    o.height,
    job.modes,
    job.run.flow ?? null,
    job.text,
    paletteOf(job.theme),
  );
  const draw = (lanes: VideoLanes, i: number) => {
    if (i < titleFrames(o)) return painter.drawTitle();
    const simMs = frameMs(o, i);
    painter.drawMoment(lanes.at(simMs), {
      simMs,
      caption: captionAt(job.run.beats, simMs),
      focus: focusOrderAt(job.run.beats, simMs),
      speed: o.speed,
    });
  };
  return o.format === 'gif'
    ? makeGif(job, canvas, ctx, draw, hooks)
    : makeMovie(job, o.format, canvas, draw, hooks);
}

type Draw = (lanes: VideoLanes, i: number) => void;
type FrameCanvas = HTMLCanvasElement | OffscreenCanvas;

/** The canvas frames are drawn on: the page's kind where there is a document, else offscreen. */
function frameCanvas(width: number, height: number): FrameCanvas {
  if (typeof document === 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Runs `frame(i)` for every frame, in slices with a turn for the page between them; false when
 * stopped. */
async function eachFrame(
  total: number,
  hooks: VideoHooks,
  frame: (i: number) => Promise<void> | void,
): Promise<boolean> {
  const now = hooks.now ?? (() => performance.now());
  const pause = hooks.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const started = now();
  let sliceEnd = started + SLICE_MS;
  for (let i = 0; i < total; i++) {
    if (hooks.signal?.aborted) return false;
    await frame(i);
    if (now() >= sliceEnd) {
      const done = i + 1;
      const spent = now() - started;
      hooks.progress?.(done, total, done >= 10 ? (spent / done) * (total - done) : null);
      await pause();
      sliceEnd = now() + SLICE_MS;
    }
  }
  hooks.progress?.(total, total, 0);
  return !hooks.signal?.aborted;
}

async function makeMovie(
  job: VideoJob,
  format: 'webm' | 'mp4',
  canvas: FrameCanvas,
  draw: Draw,
  hooks: VideoHooks,
): Promise<Blob | null> {
  const o = job.options;
  const codec =
    typeof VideoEncoder === 'undefined' ? null : await codecFor(format, o.width, o.height);
  if (!codec) {
    const can = await formatsHere(o.width, o.height);
    throw new Error(
      `this browser has no ${format === 'mp4' ? 'H.264' : 'VP9 or VP8'} encoder at ${o.width}x${o.height}; it can make ${can.join(', ')}`,
    );
  }
  const total = frameCount(o);
  const sink = new BlobSink();
  const output = new Output({
    // The MP4's index is reserved at the front for the frames to come (it plays as it loads, and
    // the file never sits whole in memory).
    format:
      format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'reserve' }) : new WebMOutputFormat(),
    target: new StreamTarget(sink.writable, { chunked: true, chunkSize: 4 * 1024 * 1024 }),
  });
  const source = new CanvasSource(canvas, {
    codec,
    quality: new Quality({ bitrate: bitrateOf(o) }),
    keyFrameInterval: 2,
  });
  output.addVideoTrack(source, { frameRate: o.fps, maximumPacketCount: total });
  await output.start();
  const lanes = new VideoLanes(job.run, job.modes);
  const finished = await eachFrame(total, hooks, async (i) => {
    draw(lanes, i);
    await source.add(i / o.fps, 1 / o.fps);
  });
  if (!finished) {
    await output.cancel();
    return null;
  }
  source.close();
  await output.finalize();
  if (sink.size === 0) throw new Error('the muxer wrote no file');
  return sink.blob(format === 'mp4' ? 'video/mp4' : 'video/webm');
}

/** Frames sampled for the GIF's one palette: the title card and moments through the video. */
const PALETTE_SAMPLES = 4;

async function makeGif(
  job: VideoJob,
  canvas: FrameCanvas,
  ctx: CanvasRenderingContext2D,
  draw: Draw,
  hooks: VideoHooks,
): Promise<Blob | null> {
  const o = job.options;
  const total = frameCount(o);
  const pixels = () => ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  // One palette for the whole video, from frames spread through it (a replay of their own), so
  // colours do not flicker from frame to frame and the same lesson gives the same file.
  const size = canvas.width * canvas.height * 4;
  const sample = new Uint8ClampedArray(size * (PALETTE_SAMPLES + 1));
  const sampler = new VideoLanes(job.run, job.modes);
  let s = 0;
  if (o.title) {
    draw(sampler, 0);
    sample.set(pixels(), size * s++);
  }
  for (let k = 1; k <= PALETTE_SAMPLES; k++) {
    draw(
      sampler,
      titleFrames(o) + Math.floor(((total - titleFrames(o) - 1) * k) / PALETTE_SAMPLES),
    );
    sample.set(pixels(), size * s++);
  }
  // 255 colours and one index left for "as the frame before": a pixel that has not changed since
  // the last frame is written as that transparent index, over the last frame kept in place
  // (disposal 1), and the long runs of it compress to little (10 s of the checkout lesson at
  // 1280 px went from 12.3 to 1.5 MB, its frames within 65 dB PSNR of the old file's).
  const colours: Palette = quantize(sample.subarray(0, size * s), 255, { format: 'rgb565' });
  const same = colours.length;
  const palette: Palette = [...colours, [0, 0, 0]];
  const gif = GIFEncoder({ auto: false });
  gif.writeHeader();
  // The file goes out in Blob parts as it is made, as a video's does, not in one growing array.
  const parts: Blob[] = [];
  const flush = () => {
    parts.push(new Blob([gif.stream.bytes()]));
    gif.stream.reset();
  };
  const lanes = new VideoLanes(job.run, job.modes);
  const delay = 1000 / o.fps;
  let before: Uint8Array | null = null;
  const finished = await eachFrame(total, hooks, (i) => {
    draw(lanes, i);
    const index = applyPalette(pixels(), colours, 'rgb565');
    const shown = index.slice();
    if (before) {
      for (let j = 0; j < index.length; j++) if (index[j] === before[j]) index[j] = same;
    }
    before = shown;
    gif.writeFrame(index, canvas.width, canvas.height, {
      delay,
      dispose: 1,
      ...(i === 0
        ? { first: true, palette, repeat: 0 }
        : { transparent: true, transparentIndex: same }),
    });
    if (gif.stream.bytesView().length >= 4 * 1024 * 1024) flush();
  });
  if (!finished) return null;
  gif.finish();
  flush();
  return new Blob(parts, { type: 'image/gif' });
}
