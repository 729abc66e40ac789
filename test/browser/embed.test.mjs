// Browser tests for links, embedding and the host API: a link's state survives a round trip, bad
// parameters give a notice and no crash, the embed fits 800x450 and 640x360 without scrollbars,
// and a host page on another origin drives the simulator through postMessage. Screenshots of the
// embed go to artifacts/screenshots. Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  newPageWithErrors,
  openPanel,
  ROOT,
  seriousViolations,
  shownSeconds,
  start,
} from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/serve.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots');

let app;
/** The same build on another port: another origin, as a real host page would be. */
let host;
before(async () => {
  app = await start();
  host = await serve(join(ROOT, 'dist'));
});
after(async () => {
  await host?.close();
  await app?.close();
});

async function open(query, options = {}) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  page.on('dialog', (d) => {
    errors.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${app.url}${query}`);
  // An embed keeps the page's heading for assistive technology only.
  await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor({ state: 'attached' });
  if (!query.includes('embed=1')) await openPanel(page);
  return { page, errors };
}

/** A query's parameters in a fixed order (links write settings in the registry's order). */
const sortedParams = (search) => [...new URLSearchParams(search)].sort().map((p) => p.join('='));

describe('a link to a state', () => {
  const query =
    '?v=1&scenario=email-outage&mode=sync&seed=8&speed=2&t=12.5&workers.count=8' +
    '&email.failureRate=0.2';

  it('opens in that state, copies back to the same link, and the address bar follows', async () => {
    const { page, errors } = await open(query, { reducedMotion: 'reduce' });
    assert.equal(await shownSeconds(page), 12.5);
    assert.equal(await page.getByRole('radio', { name: 'Sync', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('combobox', { name: 'Speed' }).inputValue(), '2');
    assert.equal(
      await page.getByRole('slider', { name: /^Workers/ }).getAttribute('aria-valuetext'),
      '8 workers',
    );
    // The clipboard is watched, then refused: the link then shows in the fallback field.
    await page.evaluate(() => {
      navigator.clipboard.writeText = async (text) => void (window.copied = text);
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    const link = await page.evaluate(() => window.copied);
    assert.deepEqual(sortedParams(new URL(link).search), sortedParams(query));
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Link to this state' });
    assert.equal(await field.inputValue(), link);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    await page.waitForFunction(() => location.search.includes('speed=4'), null, {
      timeout: 3000,
    });
    const again = await open(new URL(link).search, { reducedMotion: 'reduce' });
    assert.equal(await shownSeconds(again.page), 12.5);
    assert.deepEqual([...errors, ...again.errors], []);
    await page.close();
    await again.page.close();
  });
});

describe('the Embed dialog', () => {
  it('offers a titled 800x450 iframe, the link, and a poster PNG', async () => {
    const { page, errors } = await open('?v=1&scenario=email-outage', { reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this simulation' });
    await dialog.waitFor();
    // The dialog fills its fields once its first frame is painted.
    await page.locator('dialog.embed-dialog[open]:not([aria-busy])').waitFor();
    const snippet = await dialog.getByRole('textbox', { name: /Iframe/ }).inputValue();
    assert.match(snippet, /^<iframe src="http[^"]+embed=1[^"]*"/);
    assert.match(snippet, /title="Sync vs Async: The email service goes down"/);
    assert.match(snippet, /width="800" height="450" allow="fullscreen"/);
    assert.match(
      await dialog.getByRole('textbox', { name: 'Link' }).inputValue(),
      /scenario=email-outage/,
    );
    await dialog.getByRole('button', { name: 'Make a poster image' }).click();
    const link = dialog.getByRole('link', { name: 'Download poster (PNG)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = join(SHOTS, 'embed-poster.png');
    mkdirSync(SHOTS, { recursive: true });
    await download.saveAs(path);
    const head = readFileSync(path).subarray(0, 8);
    assert.deepEqual([...head], [137, 80, 78, 71, 13, 10, 26, 10]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    assert.equal(await dialog.isVisible(), false);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('page parameters', () => {
  it('set the theme, reduced motion and locked settings', async () => {
    const { page, errors } = await open('?v=1&theme=dark&motion=reduce&lock=workers.count');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.motion), 'reduce');
    await page.waitForTimeout(400);
    assert.equal(await shownSeconds(page), 0, 'reduced motion does not autoplay');
    assert.equal(await page.getByRole('slider', { name: /^Workers/ }).isDisabled(), true);
    assert.equal(
      await page.getByRole('slider', { name: /^Orders per second/ }).isDisabled(),
      false,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('bad parameters', () => {
  it('give a visible notice, as text, and the page still works', async () => {
    const bad = encodeURIComponent('<img src=x onerror=alert(1)>');
    const { page, errors } = await open(`?v=1&scenario=${bad}&mode=fast&workers.count=-3`);
    const notice = page.locator('.url-notice');
    await notice.waitFor();
    const text = await notice.textContent();
    assert.match(text, /Ignored scenario=<img src=x onerror=alert\(1\)>: one of checkout/);
    assert.match(text, /Ignored mode=fast: one of compare, sync, async/);
    assert.match(text, /Ignored workers\.count=-3: a whole number from 0 to 10000/);
    assert.equal(await page.locator('.url-notices img').count(), 0);
    assert.equal(await page.getByRole('radio', { name: 'Compare' }).isChecked(), true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await notice.count(), 0);
    await page.getByRole('button', { name: 'Step to the next event' }).click();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('from a newer version say so and start from the defaults', async () => {
    const { page, errors } = await open('?v=9&scenario=email-outage');
    assert.match(await page.locator('.url-notice').textContent(), /version 1 links/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the embedded layout', () => {
  for (const [width, height] of [
    [800, 450],
    [640, 360],
  ]) {
    it(`fits ${width}x${height} without scrollbars`, async () => {
      const { page, errors } = await open('?v=1&embed=1', { viewport: { width, height } });
      await page.getByRole('button', { name: 'Step to the next event' }).click();
      for (let i = 0; i < 3; i++) {
        await page.getByRole('button', { name: 'Step to the next event' }).click();
      }
      const size = await page.evaluate(() => ({
        scrollHeight: document.scrollingElement.scrollHeight,
        scrollWidth: document.scrollingElement.scrollWidth,
        innerHeight,
        innerWidth,
        lanes: [...document.querySelectorAll('.diagram')].map((d) => d.getBoundingClientRect()),
      }));
      assert.ok(size.scrollHeight <= size.innerHeight, JSON.stringify(size));
      assert.ok(size.scrollWidth <= size.innerWidth, JSON.stringify(size));
      for (const lane of size.lanes) {
        assert.ok(lane.height > 60 && lane.bottom <= height, `a diagram is cut: ${lane.bottom}`);
      }
      assert.equal(await page.locator('.analysis').isVisible(), false);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `embed-${width}x${height}.png`) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('stays usable at 320 px wide', async () => {
    const { page } = await open('?v=1&embed=1', { viewport: { width: 320, height: 480 } });
    const size = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
    assert.ok(size[0] <= size[1], `scrolls sideways: ${size}`);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.screenshot({ path: join(SHOTS, 'embed-320x480.png') });
    await page.close();
  });

  it('has no serious or critical axe violations at 640x360', async () => {
    const { page } = await open('?v=1&embed=1', {
      viewport: { width: 640, height: 360 },
      reducedMotion: 'reduce',
    });
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
  });
});

/** A host page on the other origin, framing the app with `query`. */
async function hostPage(query) {
  const page = await app.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const src = `${app.url}${query}`;
  await page.goto(`${host.url}embed-host.html?src=${encodeURIComponent(src)}`);
  await page.waitForFunction(() => window.received?.some((m) => m.type === 'ready'), null, {
    timeout: 15_000,
  });
  const frame = page.frames().find((f) => f.url().startsWith(app.url));
  const send = (message) => page.evaluate((m) => window.send(m), message);
  const received = () => page.evaluate(() => window.received);
  return { page, frame, send, received, errors };
}

describe('the host API from another origin', () => {
  it('answers harmless commands with their ids and does not autoplay', async () => {
    const { page, send, received, errors } = await hostPage('?v=1&embed=1');
    assert.notEqual(new URL(host.url).origin, new URL(app.url).origin);
    const ready = (await received()).find((m) => m.type === 'ready');
    assert.equal(ready.source, 'sync-vs-async');
    assert.equal(ready.api, false);
    await page.waitForTimeout(600);
    const first = await send({ type: 'getState' });
    assert.equal(first.type, 'state');
    assert.match(first.id, /^host-/);
    assert.equal(first.state.playing, false, 'a framed page does not play by itself');
    assert.equal(first.state.t, 0);
    const step = await send({ type: 'step' });
    assert.equal(step.type, 'ok');
    assert.equal(step.command, 'step');
    assert.match(step.id, /^host-/);
    assert.equal((await send({ type: 'getState' })).state.t, 0.2);
    assert.equal((await send({ type: 'seek', t: 1 })).type, 'ok');
    assert.equal((await send({ type: 'getState' })).state.t, 1);
    const bad = await send({ type: 'seek', t: 'soon' });
    assert.equal(bad.type, 'error');
    assert.ok((await received()).some((m) => m.type === 'resize' && m.height > 0));
    assert.ok((await received()).some((m) => m.type === 'state'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('refuses loadScenario without api=1, and changes nothing', async () => {
    const { page, send } = await hostPage('?v=1&embed=1');
    const reply = await send({ type: 'loadScenario', scenario: 'email-outage' });
    assert.equal(reply.type, 'error');
    assert.match(reply.message, /api=1/);
    assert.equal((await send({ type: 'getState' })).state.scenario, null);
    await page.close();
  });

  it('with api=1 loads a scenario, sets a setting, refuses a locked one, and tells events', async () => {
    const { page, send, received } = await hostPage('?v=1&embed=1&api=1&lock=email.down');
    const loaded = await send({ type: 'loadScenario', scenario: 'email-outage' });
    assert.equal(loaded.type, 'ok');
    assert.equal((await send({ type: 'getState' })).state.scenario, 'email-outage');
    assert.equal((await send({ type: 'set', key: 'workers.count', value: 8 })).type, 'ok');
    const state = (await send({ type: 'getState' })).state;
    assert.equal(state.settings['workers.count'], '8');
    const locked = await send({ type: 'set', key: 'email.down', value: true });
    assert.equal(locked.type, 'error');
    assert.match(locked.message, /locked/);
    assert.equal((await send({ type: 'subscribe' })).type, 'ok');
    await send({ type: 'play' });
    await page.waitForFunction(() => window.received.some((m) => m.type === 'event'), null, {
      timeout: 10_000,
    });
    await send({ type: 'pause' });
    const event = (await received()).find((m) => m.type === 'event');
    assert.equal(typeof event.text, 'string');
    assert.ok(event.text.length > 0);
    await page.close();
  });

  it('ignores commands that do not come from the parent window', async () => {
    const { page, frame, send, received } = await hostPage('?v=1&embed=1&api=1');
    // The app's own window, and a sibling frame of the host, both post to the app.
    await frame.evaluate(() =>
      window.postMessage({ type: 'loadScenario', scenario: 'email-outage', id: 'self' }, '*'),
    );
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.name = 'sibling';
      sibling.title = 'sibling';
      document.body.append(sibling);
    });
    // The host page's CSP forbids eval, so the sibling's script runs through the browser tool.
    await page
      .frame({ name: 'sibling' })
      .evaluate(() => parent.frames[0].postMessage({ type: 'play', id: 'sibling' }, '*'));
    await page.waitForTimeout(500);
    const state = (await send({ type: 'getState' })).state;
    assert.equal(state.scenario, null);
    assert.equal(state.playing, false);
    const ids = (await received()).map((m) => m.id);
    assert.ok(!ids.includes('self') && !ids.includes('sibling'), `replied to ${ids}`);
    await page.close();
  });

  it('ignores the parent when parentOrigin names another origin', async () => {
    const page = await app.browser.newPage();
    const src = `${app.url}?v=1&embed=1&api=1&parentOrigin=https://lms.example.org`;
    await page.goto(`${host.url}embed-host.html?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('#sim');
    await frame.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await page.evaluate(() => {
      window.send({ type: 'play' });
      window.send({ type: 'loadScenario', scenario: 'email-outage' });
    });
    await page.waitForTimeout(800);
    // Nothing is addressed to this origin, and nothing changed.
    assert.deepEqual(await page.evaluate(() => window.received), []);
    assert.equal(await frame.getByRole('button', { name: 'Play', exact: true }).count(), 1);
    assert.equal(await frame.getByTestId('sim-time').textContent(), '0.00 s');
    await page.close();
  });
});

/** A bare host page on the other origin (the test's own, not the example page): it frames the
 * app with `query`, answers `window.send(message)` with the reply of the same id, and
 * `window.blast(messages)` posts a burst without waiting, counting the replies. */
const BARE_HOST = `<!doctype html><html lang="en"><title>Test host</title>
<iframe id="sim" title="Simulator" width="800" height="450"></iframe>
<script>
  const frame = document.getElementById('sim');
  const waiting = new Map();
  let next = 0;
  window.received = [];
  window.blasted = 0;
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow || e.data?.source !== 'sync-vs-async') return;
    if (typeof e.data.id === 'string' && e.data.id.startsWith('blast-')) return void window.blasted++;
    window.received.push(e.data);
    const resolve = waiting.get(e.data.id);
    if (resolve) waiting.delete(e.data.id), resolve(e.data);
  });
  window.send = (message) =>
    new Promise((resolve) => {
      const id = 'bare-' + ++next;
      waiting.set(id, resolve);
      frame.contentWindow.postMessage({ ...message, id }, '*');
    });
  window.blast = (messages) => {
    for (const m of messages) frame.contentWindow.postMessage(m, '*');
  };
  /** Milliseconds from the end of a burst to the reply to the next command. */
  window.answerAfter = async (messages, message) => {
    window.blast(messages);
    const start = performance.now();
    const reply = await window.send(message);
    return { ms: performance.now() - start, reply };
  };
  frame.src = new URLSearchParams(location.search).get('src');
</script></html>`;

/** Served on a third origin of its own. */
let bare;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bare-host-'));
  writeFileSync(join(dir, 'bare-host.html'), BARE_HOST);
  bare = await serve(dir);
});
after(async () => {
  await bare?.close();
});

async function bareHost(query) {
  const page = await app.browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${bare.url}bare-host.html?src=${encodeURIComponent(`${app.url}${query}`)}`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, {
    timeout: 15_000,
  });
  const frame = page.frames().find((f) => f.url().startsWith(app.url));
  const send = (message) => page.evaluate((m) => window.send(m), message);
  const answerAfter = (messages, message) =>
    page.evaluate(([ms, m]) => window.answerAfter(ms, m), [messages, message]);
  const state = async () => (await send({ type: 'getState' })).state;
  return { page, frame, send, answerAfter, state, errors };
}

/** The renderer's JavaScript heap in MB (the host and the frame share one process here). */
async function heapMb(page) {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

const HEAVY = '?v=1&traffic.pattern=steady&traffic.rate=10000';

describe('a heavy link', () => {
  it('is refused with its cost named, and the page keeps answering with its Play button', async (t) => {
    const { page, errors } = await open(`${HEAVY}&t=600`, { reducedMotion: 'reduce' });
    const notice = await page.locator('.url-notice').textContent();
    assert.match(notice, /Ignored t=600: reaching 10:00.0 means simulating about 6,000,000 orders/);
    assert.match(notice, /the run starts at 0 s/);
    assert.equal(await shownSeconds(page), 0);
    const play = page.getByRole('button', { name: 'Play' });
    assert.equal(await play.isVisible(), true);
    await play.click();
    await page.waitForTimeout(2000);
    await page.getByRole('button', { name: 'Pause' }).click({ timeout: 3000 });
    await play.waitFor({ timeout: 3000 });
    const heap = await heapMb(page);
    t.diagnostic(`heap after 2 s of play at 10,000 orders/s: ${heap.toFixed(0)} MB`);
    assert.ok(heap < 500, `heap ${heap.toFixed(0)} MB`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('refuses a host’s seek past the budget at once, and slices one within it', async () => {
    const { page, send, state, errors } = await bareHost(`${HEAVY}&embed=1`);
    const started = Date.now();
    const refused = await send({ type: 'seek', t: 600 });
    assert.ok(Date.now() - started < 3000);
    assert.equal(refused.type, 'error');
    assert.match(refused.message, /about 6,000,000 orders.*at most 10.0 s/);
    assert.equal((await state()).t, 0);
    assert.equal((await send({ type: 'seek', t: 8 })).type, 'ok');
    const answered = Date.now();
    assert.equal((await send({ type: 'getState' })).type, 'state', 'answers during the jump');
    assert.ok(Date.now() - answered < 1000);
    await page.waitForFunction(
      async () => (await window.send({ type: 'getState' })).state.t === 8,
      null,
      { timeout: 60_000, polling: 500 },
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is never what Copy link writes: its moment is cut to the budget, and it says so', async () => {
    const { page, errors } = await open('?v=1&traffic.pattern=steady&traffic.rate=1&t=500', {
      reducedMotion: 'reduce',
    });
    await page.getByTestId('sim-time').filter({ hasText: '8:20' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Exact value for Orders per second' }).click();
    const rate = page.getByRole('spinbutton', { name: 'Exact value for Orders per second' });
    await rate.fill('500');
    await rate.press('Enter');
    await page.evaluate(() => {
      navigator.clipboard.writeText = async (text) => void (window.copied = text);
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied; it opens at 3:20.0, as far as a link may replay').waitFor();
    const link = new URL(await page.evaluate(() => window.copied));
    assert.equal(link.searchParams.get('t'), '200');
    assert.equal(link.searchParams.get('traffic.rate'), '500');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('honours t=3600, past the arrivals, when it fits the budget', async () => {
    const { page, state } = await bareHost('?v=1&embed=1&t=3600');
    await page.waitForFunction(
      async () => (await window.send({ type: 'getState' })).state.t === 3600,
      null,
      { timeout: 10_000, polling: 200 },
    );
    assert.equal((await state()).t, 3600);
    await page.close();
  });
});

describe('a flood of host messages', () => {
  const many = (make) => Array.from({ length: 5000 }, (_, i) => make(i));

  it('after 5,000 steps, answers the next command within 3 s', async (t) => {
    const { page, answerAfter } = await bareHost(
      '?v=1&embed=1&traffic.pattern=steady&traffic.rate=20',
    );
    const { ms, reply } = await answerAfter(
      many((i) => ({ type: 'step', id: `blast-${i}` })),
      { type: 'getState' },
    );
    assert.equal(reply.type, 'state');
    t.diagnostic(`answered ${ms.toFixed(0)} ms after 5,000 steps`);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    assert.ok(reply.state.t > 0);
    await page.close();
  });

  it('after 5,000 bad sets with api=1, answers within 3 s, and the heap stays small', async (t) => {
    const { page, answerAfter, send } = await bareHost('?v=1&embed=1&api=1');
    const { ms, reply } = await answerAfter(
      many((i) => ({ type: 'set', key: `junk.${i}`, value: 'x'.repeat(900), id: `blast-${i}` })),
      { type: 'set', key: 'workers.count', value: 6 },
    );
    assert.equal(reply.type, 'ok');
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    await page.waitForFunction(() => window.blasted === 5000, null, { timeout: 10_000 });
    assert.equal((await send({ type: 'getState' })).state.settings['workers.count'], '6');
    const heap = await heapMb(page);
    t.diagnostic(`answered ${ms.toFixed(0)} ms after 5,000 bad sets; heap ${heap.toFixed(0)} MB`);
    assert.ok(heap < 300, `heap ${heap.toFixed(0)} MB`);
    await page.close();
  });

  it('after 5,000 junk messages of every kind, answers within 3 s', async (t) => {
    const { page, answerAfter } = await bareHost('?v=1&embed=1&api=1');
    const kinds = [
      (i) => `junk ${i}`,
      () => null,
      (i) => ({ type: 'explode', id: `blast-${i}` }),
      (i) => ({ type: 'seek', t: -1, id: `blast-${i}` }),
      (i) => ({ type: 'loadScenario', scenario: 'n'.repeat(5000), id: `blast-${i}` }),
      (i) => ({ type: 'getState', id: `blast-${i}` }),
      (i) => ({ type: 'seek', t: i / 100, id: `blast-${i}` }),
      (i) => ({ type: 'set', key: 'workers.count', value: -i, id: `blast-${i}` }),
    ];
    const { ms, reply } = await answerAfter(
      many((i) => kinds[i % kinds.length](i)),
      { type: 'getState' },
    );
    assert.equal(reply.type, 'state');
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    const heap = await heapMb(page);
    t.diagnostic(
      `answered ${ms.toFixed(0)} ms after 5,000 junk messages; heap ${heap.toFixed(0)} MB`,
    );
    assert.ok(heap < 300, `heap ${heap.toFixed(0)} MB`);
    await page.close();
  });

  it('answers a 1 MB value with a short error', async () => {
    const { page, send, state } = await bareHost('?v=1&embed=1&api=1');
    const reply = await send({ type: 'set', key: 'workers.count', value: '9'.repeat(1 << 20) });
    assert.equal(reply.type, 'error');
    assert.ok(JSON.stringify(reply).length < 300, reply.message);
    assert.equal((await state()).settings['workers.count'], '4');
    await page.close();
  });
});

describe('a locked setting, on every path', () => {
  it('is not changed by the traffic spike button', async () => {
    const { page, frame, state } = await bareHost('?v=1&lock=traffic.pattern,traffic.spikeAt');
    // The frame (1000 px wide) starts with the side panel, where the spike button is, closed.
    await frame.getByRole('button', { name: 'Controls', exact: true }).click();
    await frame.getByRole('button', { name: 'Step to the next event' }).click();
    const before = await state();
    const spike = frame.getByRole('button', { name: 'Start a traffic spike' });
    assert.equal(await spike.getAttribute('aria-disabled'), 'true');
    // Still reachable and pressable (aria-disabled): the store must refuse it.
    await spike.click({ force: true });
    const s = await state();
    assert.equal(s.settings['traffic.pattern'], 'single');
    assert.equal(s.settings['traffic.spikeAt'], before.settings['traffic.spikeAt']);
    assert.ok(before.t > 0, 'the spike would have started now, not at 0 s');
    await page.close();
  });

  it('is kept by loadScenario, which says so', async () => {
    const { page, send, state } = await bareHost(
      '?v=1&embed=1&api=1&workers.count=8&lock=workers.count',
    );
    const reply = await send({ type: 'loadScenario', scenario: 'too-few-workers' });
    assert.equal(reply.type, 'ok');
    assert.equal(reply.note, 'kept workers.count=8: locked on this page (the lock parameter)');
    const s = await state();
    assert.equal(s.scenario, 'too-few-workers');
    assert.equal(s.settings['workers.count'], '8');
    assert.equal((await send({ type: 'reset' })).type, 'ok');
    assert.equal((await state()).settings['workers.count'], '8');
    await page.close();
  });

  it('keeps the broker through loadScenario', async () => {
    const { page, send, state } = await bareHost('?v=1&embed=1&api=1&lock=queue.broker');
    await send({ type: 'loadScenario', scenario: 'kafka-poison' });
    assert.equal((await state()).settings['queue.broker'], 'sqs');
    await page.close();
  });

  it('is not changed by a setting that implies it', async () => {
    const { page, send, state } = await bareHost('?v=1&embed=1&api=1&lock=traffic.pattern');
    const reply = await send({ type: 'set', key: 'traffic.rate', value: 50 });
    assert.equal(reply.type, 'error');
    assert.match(reply.message, /would set traffic\.pattern to steady, which is locked/);
    assert.equal((await state()).settings['traffic.pattern'], 'single');
    await page.close();
  });
});
