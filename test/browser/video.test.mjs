// A lesson as a file: the Export menu's video part makes WebM, MP4 and GIF files of the checkout
// lesson, which ffprobe reads back (codec, size, frame count, duration), and two exports of the
// same span decode to the very same frames (ffmpeg's framemd5).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, openPanel, start } from '../../scripts/lib/browser.mjs';

let app;
let dir;
before(async () => {
  app = await start();
  dir = mkdtempSync(join(tmpdir(), 'video-test-'));
});
after(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the checkout lesson, paused at 0 s, with the Export menu's video part open; with
 * `noWorker`, in a page whose browser seems to have no Worker. */
async function openVideoPart({ noWorker = false, scenario = 'checkout', theme = 'light' } = {}) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  if (noWorker) await page.addInitScript(() => delete window.Worker);
  await page.goto(`${app.url}?v=1&scenario=${scenario}&t=0&autoplay=0&theme=${theme}`);
  await page
    .getByRole('button', { name: /^(Play|Pause)$/ })
    .first()
    .waitFor();
  await openPanel(page);
  await page.getByRole('button', { name: 'Video or GIF of the lesson…' }).click();
  await page.getByRole('button', { name: 'Make the video' }).waitFor();
  return { page, errors };
}

/** Makes one video through the menu and saves it as `name` in the temporary folder. */
async function makeVideo(page, { format, size, from, to }, name) {
  const part = page.getByRole('group', { name: 'Video' });
  await part.getByLabel('Format').selectOption(format);
  await part.getByLabel('Size').selectOption(size);
  await part.getByLabel('From (s)').fill(String(from));
  await part.getByLabel('To (s)').fill(String(to));
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    part.getByRole('button', { name: 'Make the video' }).click(),
  ]);
  const path = join(dir, name);
  await download.saveAs(path);
  return { path, suggested: download.suggestedFilename() };
}

function probe(path) {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_streams', '-show_format', '-count_frames', '-of', 'json', path],
    { encoding: 'utf8' },
  );
  const json = JSON.parse(out);
  return { stream: json.streams[0], format: json.format };
}

/** Each decoded frame's MD5, in order. */
function frameHashes(path) {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'framemd5', '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(',').at(-1).trim());
}

/** The lowest PSNR (dB) between two videos' frames, frame by frame (Infinity when identical). */
function minPsnr(a, b) {
  const run = spawnSync('ffmpeg', ['-i', a, '-i', b, '-lavfi', 'psnr', '-f', 'null', '-'], {
    encoding: 'utf8',
  });
  const min = /PSNR .* min:(\S+)/.exec(run.stderr);
  assert.ok(min, `ffmpeg gave no PSNR: ${run.stderr.slice(-300)}`);
  return min[1] === 'inf' ? Infinity : Number(min[1]);
}

// 1 s of title card and 9 s of the lesson: 10 s of video.
const SPAN = { from: 0, to: 9 };

describe('a lesson as a video file', () => {
  for (const [format, codec] of [
    ['webm', /^vp[89]$/],
    ['mp4', /^h264$/],
  ]) {
    it(`makes 10 s of the checkout lesson as ${format} at 1280x720, 30 fps, frame for frame`, async () => {
      const { page, errors } = await openVideoPart();
      const first = await makeVideo(page, { format, size: '1280x720', ...SPAN }, `a.${format}`);
      assert.equal(first.suggested, `sync-vs-async-checkout-0s-9s-1280x720.${format}`);
      const { stream, format: container } = probe(first.path);
      assert.match(stream.codec_name, codec);
      assert.equal(stream.width, 1280);
      assert.equal(stream.height, 720);
      const frames = Number(stream.nb_read_frames);
      assert.ok(Math.abs(frames - 300) <= 1, `300 ± 1 frames, not ${frames}`);
      const seconds = Number(stream.duration ?? container.duration);
      assert.ok(Math.abs(seconds - 10) <= 1 / 30 + 1e-6, `10 s ± 1 frame, not ${seconds}`);
      if (format === 'webm') assert.ok(statSync(first.path).size < 3_000_000, 'under 3 MB');
      const second = await makeVideo(page, { format, size: '1280x720', ...SPAN }, `b.${format}`);
      const a = frameHashes(first.path);
      const b = frameHashes(second.path);
      assert.equal(a.length, frames);
      assert.equal(b.length, frames);
      if (format === 'webm') {
        assert.deepEqual(b, a, 'the same lesson gives the same frames');
      } else {
        // Chromium's H.264 encoder (OpenH264) is not bit-exact from one run to the next, even fed
        // the same pictures (WebM's frames are), and takes no fixed quantizer here: its frames
        // must agree to within what the eye can see (PSNR over 50 dB).
        const psnr = minPsnr(first.path, second.path);
        assert.ok(psnr > 50, `the two exports differ visibly: PSNR down to ${psnr} dB`);
      }
      assert.ok(new Set(a).size > 30, 'the frames change as the lesson plays');
      assert.match(await page.getByTestId('video-status').textContent(), /^Saved the video/);
      assert.equal(await page.getByTestId('video-status').getAttribute('data-thread'), 'worker');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('draws the same frames on the page where it cannot start a Worker', async () => {
    const span = { format: 'webm', size: '1280x720', from: 0, to: 3 };
    const inWorker = await openVideoPart();
    const a = await makeVideo(inWorker.page, span, 'worker.webm');
    assert.equal(
      await inWorker.page.getByTestId('video-status').getAttribute('data-thread'),
      'worker',
    );
    const onPage = await openVideoPart({ noWorker: true });
    const b = await makeVideo(onPage.page, span, 'page.webm');
    assert.equal(
      await onPage.page.getByTestId('video-status').getAttribute('data-thread'),
      'main thread',
    );
    const hashes = frameHashes(a.path);
    assert.equal(hashes.length, 120);
    // The title card's words and the tokens' sprites measure and draw alike in both.
    assert.deepEqual(frameHashes(b.path), hashes);
    assert.deepEqual(inWorker.errors, []);
    assert.deepEqual(onPage.errors, []);
    await inWorker.page.close();
    await onPage.page.close();
  });

  it("follows the page's theme: dark frames from a dark page, light ones from a light page", async () => {
    const meanLuma = async (theme) => {
      const { page, errors } = await openVideoPart({ theme });
      const file = await makeVideo(
        page,
        { format: 'webm', size: '800x450', from: 0, to: 1 },
        `${theme}.webm`,
      );
      assert.deepEqual(errors, []);
      await page.close();
      // The last frame (the lanes, past the title card) as 8-bit grey.
      const grey = execFileSync(
        'ffmpeg',
        [
          '-v',
          'error',
          '-sseof',
          '-0.1',
          '-i',
          file.path,
          '-frames:v',
          '1',
          '-f',
          'rawvideo',
          '-pix_fmt',
          'gray',
          '-',
        ],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      assert.equal(grey.length, 800 * 450);
      return grey.reduce((sum, v) => sum + v, 0) / grey.length;
    };
    const dark = await meanLuma('dark');
    const light = await meanLuma('light');
    assert.ok(dark < 80, `a dark page's video is dark: mean grey ${dark.toFixed(0)}`);
    assert.ok(light > 170, `a light page's video is light: mean grey ${light.toFixed(0)}`);
  });

  it('makes the GIF at 800 x 450, 25 fps, 10 s long', async () => {
    const { page, errors } = await openVideoPart();
    const gif = await makeVideo(page, { format: 'gif', size: '800x450', ...SPAN }, 'a.gif');
    const { stream, format: container } = probe(gif.path);
    assert.equal(stream.codec_name, 'gif');
    assert.equal(stream.width, 800);
    assert.equal(stream.height, 450);
    assert.equal(Number(stream.nb_read_frames), 250);
    assert.ok(Math.abs(Number(container.duration) - 10) <= 0.04, `10 s, not ${container.duration}`);
    // Each frame after the first writes only the pixels that changed (the rest transparent, over
    // the frame before): small, and the decoded pictures still move with the lesson.
    const bytes = statSync(gif.path).size;
    assert.ok(bytes < 2_000_000, `a 10 s GIF at 800 px under 2 MB, not ${bytes} bytes`);
    const hashes = frameHashes(gif.path);
    assert.equal(hashes.length, 250);
    assert.ok(new Set(hashes).size > 30, 'the frames change as the lesson plays');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('says what is wrong with a span it cannot make, and makes nothing', async () => {
    const { page, errors } = await openVideoPart();
    const part = page.getByRole('group', { name: 'Video' });
    await part.getByLabel('From (s)').fill('5');
    await part.getByLabel('To (s)').fill('2');
    await part.getByRole('button', { name: 'Make the video' }).click();
    assert.equal(
      await page.getByTestId('video-status').textContent(),
      'Cannot make this video: to must be later than from.',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
