import { describe, expect, it } from 'vitest';
import {
  captionAt,
  defaultSpanMs,
  frameCount,
  frameMs,
  readVideoOptions,
  titleFrames,
  videoFileName,
  type VideoOptions,
} from '../../src/export/video/plan.ts';
import { VideoLanes } from '../../src/export/video/frameSource.ts';
import { testSimulator } from '../support/simulator.ts';

function checkoutLesson() {
  const sim = testSimulator();
  expect(sim.store.getState().loadScenario('checkout')).toBeUndefined();
  return sim.store.getState();
}

const RUN = { beats: [], durationMs: 60_000, simMs: 0 };

function options(raw: Record<string, unknown>): VideoOptions {
  const o = readVideoOptions(raw, RUN);
  if ('problem' in o) throw new Error(o.problem);
  return o;
}

describe('which moment each frame shows', () => {
  it('gives 10 s at 30 fps 300 frames: a second of title card, then 9 s of the lesson', () => {
    const o = options({ format: 'webm', from: 0, to: 9 });
    expect(titleFrames(o)).toBe(30);
    expect(frameCount(o)).toBe(300);
    expect(frameMs(o, 0)).toBe(0);
    expect(frameMs(o, 29)).toBe(0);
    expect(frameMs(o, 30)).toBe(0);
    expect(frameMs(o, 31)).toBeCloseTo(1000 / 30, 3);
    expect(frameMs(o, 299)).toBeCloseTo(9000 - 1000 / 30, 3);
  });

  it('lands on whole simulated moments without drift, in microseconds as the engine keeps time', () => {
    const o = options({ format: 'webm', fps: 30, from: 2, to: 12, title: false });
    expect(frameMs(o, 0)).toBe(2000);
    expect(frameMs(o, 30)).toBe(3000);
    expect(frameMs(o, 300 - 1)).toBe(11_966.667);
    for (let i = 0; i < 300; i++) {
      const t = frameMs(o, i);
      expect(t).toBe(Math.round(t * 1000) / 1000);
      if (i % 30 === 0) expect(t).toBe(2000 + (i / 30) * 1000);
    }
  });

  it('plays simulated time `speed` times as fast, in fewer frames', () => {
    const o = options({ format: 'mp4', fps: 60, speed: 2, from: 0, to: 10, title: false });
    expect(frameCount(o)).toBe(300);
    expect(frameMs(o, 60)).toBe(2000);
  });

  it('makes a GIF at 25 fps, since its delays are whole hundredths of a second', () => {
    const o = options({ format: 'gif', from: 0, to: 9 });
    expect([o.width, o.height, o.fps]).toEqual([800, 450, 25]);
    expect(frameCount(o)).toBe(250);
  });
});

describe('checking what a student or a host asks for', () => {
  it.each([
    [{ format: 'avi' }, 'format must be one of webm, mp4, gif'],
    [{ size: '640x480' }, 'size for webm must be one of 1280x720, 1920x1080, 800x450'],
    [{ format: 'gif', size: '1920x1080' }, 'size for gif must be one of 800x450, 1280x720'],
    [{ fps: 24 }, 'fps for webm must be 30 or 60'],
    [{ format: 'gif', fps: 30 }, 'fps for gif must be 25'],
    [{ speed: 3 }, 'speed must be one of 0.25, 0.5, 1, 2, 5, 10'],
    [{ from: -1 }, 'from must be a number of simulated seconds from 0 to 86400'],
    [{ to: Number.NaN }, 'to must be a number of simulated seconds from 0 to 86400'],
    [{ to: '10' }, 'to must be a number of simulated seconds from 0 to 86400'],
    [{ from: 5, to: 5 }, 'to must be later than from'],
    [{ title: 'yes' }, 'title must be true or false'],
  ])('refuses %o: %s', (raw, problem) => {
    expect(readVideoOptions(raw, RUN)).toEqual({ problem });
  });

  it('refuses a video longer than ten minutes, saying how long it would be', () => {
    expect(readVideoOptions({ from: 0, to: 3600, speed: 1 }, RUN)).toEqual({
      problem: 'the video would last 3601 s; at most 600 s: shorten from–to or raise the speed',
    });
    expect('problem' in readVideoOptions({ from: 0, to: 3600, speed: 10 }, RUN)).toBe(false);
  });

  it('fills the defaults: WebM, 1280x720, 30 fps, speed 1, a title card', () => {
    expect(options({})).toEqual({
      format: 'webm',
      width: 1280,
      height: 720,
      fps: 30,
      speed: 1,
      fromMs: 0,
      toMs: 10_000,
      title: true,
    });
  });
});

describe('the checkout lesson as a video', () => {
  const lesson = checkoutLesson();

  it('runs by default to five seconds past its last caption, 2.55 s', () => {
    expect(defaultSpanMs(lesson)).toEqual({ fromMs: 0, toMs: 7550 });
  });

  it('shows each caption from its own moment: the third at 1.05 s, not a frame before', () => {
    expect(captionAt(lesson.beats, 1049.999)?.index).toBe(1);
    const third = captionAt(lesson.beats, 1050);
    expect(third?.index).toBe(2);
    expect(third?.of).toBe(4);
    expect(third?.text).toMatch(/answers now: 1.05 s/);
    expect(captionAt([], 5000)).toBeNull();
  });

  it('draws each frame from a replay of the run at that moment: async answers at 1.05 s, sync at 2.55 s', () => {
    const lanes = new VideoLanes(lesson, ['sync', 'async']);
    const [sync1, async1] = lanes.at(1049);
    expect(async1!.report.orders.succeeded).toBe(0);
    const [, async2] = lanes.at(1050);
    expect(async2!.nowMs).toBe(1050);
    expect(async2!.report.orders.succeeded).toBe(1);
    expect(sync1!.view.totals.usersWaiting).toBe(1);
    const [sync3] = lanes.at(2550);
    expect(sync3!.report.orders.succeeded).toBe(1);
    expect(sync3!.report.emails.sent).toBe(1);
  });

  it('leaves the live run alone', () => {
    const before = JSON.stringify([lesson.simMs, lesson.lanes]);
    new VideoLanes(lesson, ['sync', 'async']).at(5000);
    expect(JSON.stringify([lesson.simMs, lesson.lanes])).toBe(before);
  });

  it('names the file after the lesson, the span and the size', () => {
    const o = options({ format: 'mp4', from: 0, to: 7.55 });
    expect(videoFileName('checkout', o)).toBe('sync-vs-async-checkout-0s-7.6s-1280x720.mp4');
  });
});
