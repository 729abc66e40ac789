// A host's exportVideo once it has started: its fields read with a clear sentence, the maker's
// refusal passed on, its progress in tenths and the finished video, all with the request's id.
import { describe, expect, it } from 'vitest';
import { readVideoFields, runVideoJob } from '../../src/embed/videoJob.ts';
import type { Outbound } from '../../src/embed/protocol.ts';
import {
  cancelHostVideo,
  claimHostVideo,
  releaseHostVideo,
  type VideoMaker,
} from '../../src/embed/videoRequest.ts';
import type { Simulator } from '../../src/store/simulatorTypes.ts';

describe('reading exportVideo’s fields', () => {
  it('keeps the fields it knows and leaves out type and id', () => {
    expect(
      readVideoFields({ type: 'exportVideo', id: 3, format: 'gif', to: 9, title: false }),
    ).toEqual({ format: 'gif', to: 9, title: false });
  });

  it.each([
    [
      { fps: 30, colour: 'red' },
      'exportVideo takes format, size, fps, speed, from, to, title; not colour',
    ],
    [{ size: { w: 1280 } }, "exportVideo's size must be a string, a number or a boolean"],
    [{ format: 'x'.repeat(50) }, "exportVideo's format is too long"],
  ])('refuses %o: %s', (data, problem) => {
    expect(readVideoFields(data)).toBe(problem);
  });
});

function fakeSimulator() {
  const calls: string[] = [];
  const state = { pause: () => void calls.push('pause') };
  const simulator = { store: { getState: () => state } } as unknown as Simulator;
  return { simulator, calls };
}

async function run(make: VideoMaker, data: Record<string, unknown>, signal?: AbortSignal) {
  const sent: Outbound[] = [];
  const { simulator, calls } = fakeSimulator();
  await runVideoJob(make, simulator, data, (m) => void sent.push(m), 'v1', signal);
  return { sent, calls };
}

describe('a video job for a host', () => {
  const blob = new Blob(['video']);
  const maker: VideoMaker = (_state, fields, hooks) => {
    if (fields.size === '640x480') return { problem: 'size for webm must be one of 1280x720' };
    return {
      name: 'lesson.webm',
      video: (async () => {
        for (let done = 1; done <= 40; done++) hooks.progress(done, 40, (40 - done) * 100);
        return blob;
      })(),
    };
  };

  it('sends its progress at most every tenth of the way, then the video, and pauses the run', async () => {
    const { sent, calls } = await run(maker, { format: 'webm' });
    const progress = sent.filter((m) => m.type === 'progress');
    expect(progress.length).toBe(11);
    expect(progress[0]).toMatchObject({ id: 'v1', done: 1, total: 40, leftSec: 4 });
    expect(sent.at(-1)).toEqual({
      source: 'sync-vs-async',
      id: 'v1',
      type: 'video',
      name: 'lesson.webm',
      blob,
    });
    expect(calls).toEqual(['pause']);
  });

  it('answers a field it does not know, or a value the maker refuses, with an error and makes nothing', async () => {
    for (const [data, message] of [
      [
        { colour: 'red' },
        'exportVideo takes format, size, fps, speed, from, to, title; not colour',
      ],
      [{ size: '640x480' }, 'size for webm must be one of 1280x720'],
    ] as const) {
      const { sent, calls } = await run(maker, data);
      expect(sent).toEqual([
        { source: 'sync-vs-async', id: 'v1', type: 'error', command: 'exportVideo', message },
      ]);
      expect(calls).toEqual([]);
    }
  });

  it('says when the encoder failed, in its words', async () => {
    const failing: VideoMaker = () => ({
      name: 'x.mp4',
      video: Promise.reject(new Error('this browser has no H.264 encoder; it can make webm, gif.')),
    });
    const { sent } = await run(failing, {});
    expect(sent.at(-1)).toMatchObject({
      type: 'error',
      message: 'could not make the video: this browser has no H.264 encoder; it can make webm, gif',
    });
  });

  it('hands the maker the cancel signal, and answers a cancelled video with an error', async () => {
    const controller = new AbortController();
    const stoppable: VideoMaker = (_state, _fields, hooks) => ({
      name: 'x.webm',
      video: (async () => {
        hooks.progress(1, 10, null);
        controller.abort();
        return hooks.signal.aborted ? null : blob;
      })(),
    });
    const { sent } = await run(stoppable, {}, controller.signal);
    expect(sent.at(-1)).toEqual({
      source: 'sync-vs-async',
      id: 'v1',
      type: 'error',
      command: 'exportVideo',
      message: 'the video was cancelled',
    });
  });
});

describe('the one host video at a time', () => {
  it('is claimed once, cancelled through cancelVideo, and free again when it has replied', () => {
    expect(cancelHostVideo()).toBe(false);
    const first = claimHostVideo();
    expect(first).not.toBeNull();
    expect(claimHostVideo()).toBeNull();
    expect(cancelHostVideo()).toBe(true);
    expect(first!.signal.aborted).toBe(true);
    // A second cancel of the same video has nothing left to stop.
    expect(cancelHostVideo()).toBe(false);
    releaseHostVideo(first!);
    const second = claimHostVideo();
    expect(second).not.toBeNull();
    expect(second!.signal.aborted).toBe(false);
    releaseHostVideo(second!);
  });
});
