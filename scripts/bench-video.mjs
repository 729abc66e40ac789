// A lesson as a video, in real Chromium (issue 26's bars): a 10 s 1280x720 30 fps WebM of the
// checkout lesson made through the Export menu, timed from the click on "Make the video" to the
// file, with its size; clicks on the page's Play/Pause while it renders, timed as
// scripts/lib/clicks.mjs times them (to the end of the first frame painted with the answer, and
// the browser's own Event Timing figure); then the JavaScript heap's peak (the page's and the
// video worker's, through the DevTools protocol) while the whole email-outage lesson is made at
// 1920x1080. Each is measured in a Worker and, for comparison, on the page (a page whose browser
// seems to have no Worker). BENCH_LONG=1 adds a 5-minute 1080p video's heap. Prints and exits 0.
// `npm run bench:video` (SKIP_BUILD=1 reuses dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPageWithErrors, openPanel, start } from './lib/browser.mjs';
import { arm, watchEvents } from './lib/clicks.mjs';

/** Clicks on Play/Pause during the render, this far apart (ms). */
const CLICK_GAP_MS = 250;
const MAX_CLICKS = 20;
/** Heap samples, this far apart (ms). */
const SAMPLE_MS = 250;

const dir = mkdtempSync(join(tmpdir(), 'bench-video-'));
const app = await start();

function load() {
  return execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load/, 'load');
}

/** A page on `scenario` at 0 s, paused, with the Export menu's video part open; its CDP session
 * attached to its workers (not flattened, so the one session reaches them) for their heaps. */
async function openPage(scenario, { noWorker }) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
  });
  await page.addInitScript(watchEvents);
  if (noWorker) await page.addInitScript(() => delete window.Worker);
  const cdp = await page.context().newCDPSession(page);
  const workers = new Set();
  const replies = new Map();
  let next = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    replies.get(m.id)?.(m.result);
    replies.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const workerHeap = (sessionId) =>
    new Promise((resolve) => {
      const id = next++;
      replies.set(id, (r) => resolve(r?.usedSize ?? 0));
      setTimeout(() => resolve(0), 1000);
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(0));
    });
  /** The page's and its workers' used JS heaps now, in bytes. */
  const heaps = async () => {
    const pageHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const worker = (await Promise.all([...workers].map(workerHeap))).reduce((a, b) => a + b, 0);
    return { page: pageHeap, worker };
  };
  await page.goto(`${app.url}?v=1&scenario=${scenario}&t=0&autoplay=0`);
  await page
    .getByRole('button', { name: /^(Play|Pause)$/ })
    .first()
    .waitFor();
  await openPanel(page);
  await page.getByRole('button', { name: 'Video or GIF of the lesson…' }).click();
  await page.getByRole('button', { name: 'Make the video' }).waitFor();
  return { page, errors, heaps };
}

/** Clicks Play/Pause again and again while `going()` holds (at most MAX_CLICKS times): each
 * click's first painted frame showing the button's new label, and the browser's Event Timing
 * figure for it. */
async function clickSeries(page, going) {
  const play = page.locator('.button-play');
  let playing = (await play.textContent()).includes('Pause');
  const answers = [];
  await page.waitForTimeout(300);
  for (let i = 0; i < MAX_CLICKS && going(); i++) {
    const label = playing ? 'Play' : 'Pause';
    playing = !playing;
    await page.evaluate(arm, {
      trigger: 'pointerdown',
      answer: { selector: '.button-play', text: label },
      timeoutMs: 10_000,
    });
    // No waiting for the button to be stable or enabled first, as a person does not wait.
    await play.click({ force: true });
    const r = await page.evaluate(() => window.__click);
    const eventMs = await page.evaluate(
      (at) =>
        Math.max(
          0,
          ...window.__events.filter((e) => e.at >= at - 1 && e.at <= at + 50).map((e) => e.ms),
        ),
      r.at,
    );
    if (going()) answers.push({ answeredMs: r.answeredMs ?? Number.NaN, eventMs });
    await page.waitForTimeout(CLICK_GAP_MS);
  }
  return answers;
}

/** A line on `answers`' painted-frame and Event Timing figures. */
function clickLine(what, answers) {
  const painted = answers.map((a) => a.answeredMs);
  const events = answers.map((a) => a.eventMs);
  return `    ${answers.length} clicks on Play/Pause ${what}: first painted frame after the click median ${median(painted).toFixed(0)} ms, worst ${Math.max(...painted).toFixed(0)} ms; Event Timing median ${median(events).toFixed(0)} ms, worst ${Math.max(...events).toFixed(0)} ms`;
}

/** Makes one video through the menu; clicks Play/Pause while it renders with `clicks`, samples
 * the heaps with `sampleHeap`. */
async function make(opened, { size, from, to }, { clicks = false } = {}) {
  const { page, heaps } = opened;
  const part = page.getByRole('group', { name: 'Video' });
  await part.getByLabel('Format').selectOption('webm');
  await part.getByLabel('Size').selectOption(size);
  if (from !== undefined) await part.getByLabel('From (s)').fill(String(from));
  if (to !== undefined) await part.getByLabel('To (s)').fill(String(to));
  const download = page.waitForEvent('download', { timeout: 1_800_000 });
  let finished = false;
  void download.then(() => (finished = true));
  const peak = { page: 0, worker: 0, sum: 0 };
  const sampling = (async () => {
    while (!finished) {
      const h = await heaps().catch(() => ({ page: 0, worker: 0 }));
      peak.page = Math.max(peak.page, h.page);
      peak.worker = Math.max(peak.worker, h.worker);
      peak.sum = Math.max(peak.sum, h.page + h.worker);
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  const t0 = Date.now();
  await part.getByRole('button', { name: 'Make the video' }).click();
  const answers = clicks ? await clickSeries(page, () => !finished) : [];
  const file = await download;
  const seconds = (Date.now() - t0) / 1000;
  await sampling;
  const path = join(dir, `v-${Date.now()}.webm`);
  await file.saveAs(path);
  const thread = await page.getByTestId('video-status').getAttribute('data-thread');
  /** Where the panel says the video was made, in words. */
  const where = (t) => (t === 'worker' ? 'in the Worker' : 'on the page (no Worker)');
  return { seconds, bytes: statSync(path).size, thread: where(thread), answers, peak };
}

const mb = (bytes) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

try {
  console.log(`bench:video on the built dist/; ${load()}`);
  console.log(
    '10 s of the checkout lesson, 1280x720 30 fps WebM (bars: under 20 s, under 3 MB, clicks within 100 ms)',
  );
  for (const noWorker of [false, true]) {
    const opened = await openPage('checkout', { noWorker });
    if (!noWorker) {
      // The same clicks with no video being made, for comparison.
      let idle = true;
      setTimeout(() => (idle = false), 4000);
      console.log(
        clickLine('with no video being made', await clickSeries(opened.page, () => idle)),
      );
      if ((await opened.page.locator('.button-play').textContent()).includes('Pause')) {
        await opened.page.locator('.button-play').click();
      }
    }
    const r = await make(opened, { size: '1280x720', from: 0, to: 9 }, { clicks: true });
    console.log(`  made ${r.thread}: ${r.seconds.toFixed(1)} s, ${mb(r.bytes)}`);
    console.log(clickLine('while it rendered', r.answers));
    if (opened.errors.length) console.log(`    page errors: ${opened.errors.join('; ')}`);
    await opened.page.close();
  }
  const heavy = [['the whole email-outage lesson (its default span)', 'email-outage', {}]];
  if (process.env.BENCH_LONG === '1') {
    heavy.push([
      '5 minutes of the email-outage lesson (0 to 299 s)',
      'email-outage',
      { from: 0, to: 299 },
    ]);
  }
  console.log('JavaScript heap at 1920x1080 30 fps WebM (bar: under 300 MB)');
  for (const [name, scenario, span] of heavy) {
    const opened = await openPage(scenario, { noWorker: false });
    const r = await make(opened, { size: '1920x1080', ...span });
    console.log(
      `  ${name}: made ${r.thread} in ${r.seconds.toFixed(1)} s, ${mb(r.bytes)}; heap peak: page ${mb(r.peak.page)}, worker ${mb(r.peak.worker)}, both at once ${mb(r.peak.sum)}`,
    );
    await opened.page.close();
  }
  console.log(`done; ${load()}`);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
