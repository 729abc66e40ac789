// Browser tests for the example host page (public/embed-host.html): it frames only http(s)
// addresses it trusts, so a link to it cannot run script on its origin or frame another site.
// Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, start } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/serve.mjs';

let app;
let host;
before(async () => {
  app = await start();
  host = await serve(join(ROOT, 'dist'));
});
after(async () => {
  await host?.close();
  await app?.close();
});

/** Opens the host page with `src`; resolves once its script has run. */
async function openHost(src) {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${host.url}embed-host.html?src=${encodeURIComponent(src)}`);
  await page.waitForFunction(() => Array.isArray(window.received));
  return { page, errors };
}

const refusal = (page) => page.getByRole('alert').textContent();

describe('the example host page', () => {
  it('refuses a javascript: source and runs none of it', async () => {
    const { page, errors } = await openHost('javascript:parent.__pwned=document.domain');
    assert.match(await refusal(page), /only http: and https: addresses, not javascript:/);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('#sim').getAttribute('src'), null);
    assert.equal(await page.getByRole('button', { name: 'Play' }).isDisabled(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('refuses data: and a foreign site, naming the origin it allows', async () => {
    const data = await openHost('data:text/html,<script>parent.__pwned=1</script>');
    assert.match(await refusal(data.page), /not data:/);
    await data.page.close();
    const foreign = await openHost('https://evil.example/?embed=1');
    const text = await refusal(foreign.page);
    assert.match(text, /not https:\/\/evil\.example/);
    assert.match(text, /ALLOWED_ORIGINS/);
    assert.equal(await foreign.page.locator('#sim').getAttribute('src'), null);
    await foreign.page.close();
  });

  it('cuts a long refused address to 60 characters', async () => {
    const { page } = await openHost(`javascript:${'x'.repeat(5000)}`);
    const text = await refusal(page);
    assert.ok(text.length < 200, `the notice is ${text.length} characters long`);
    await page.close();
  });

  it('frames the simulator beside it by default', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${host.url}embed-host.html`);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, {
      timeout: 15_000,
    });
    assert.equal(await page.getByRole('alert').isVisible(), false);
    await page.close();
  });
});

describe("the example host page's buttons", () => {
  it('each sends a message the simulator accepts, the flows included', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${host.url}embed-host.html`);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, {
      timeout: 15_000,
    });
    const messages = await page
      .locator('[data-send]')
      .evaluateAll((buttons) => buttons.map((b) => JSON.parse(b.dataset.send)));
    assert.ok(
      messages.some((m) => m.type === 'setFlow'),
      'the page shows setFlow',
    );
    for (const message of messages) {
      const reply = await page.evaluate((m) => window.send(m), message);
      assert.notEqual(reply.type, 'error', `${JSON.stringify(message)}: ${JSON.stringify(reply)}`);
    }
    // Clicked in the page's order, the last button loaded a lesson; a flow still comes through.
    await page.evaluate(() => window.send({ type: 'loadScenario', scenario: 'checkout' }));
    const photo = messages.find((m) => m.type === 'setFlow' && m.flow.includes('photo'));
    await page.evaluate((m) => window.send(m), photo);
    const { state } = await page.evaluate(() => window.send({ type: 'getState' }));
    assert.match(state.query, /flow=/, "the custom flow is in the state's link");
    await page.close();
  });
});

/** Opens the host page framing the simulator; resolves once the simulator is ready. */
async function openReadyHost() {
  const page = await app.browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(`${host.url}embed-host.html`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, {
    timeout: 15_000,
  });
  return page;
}

/** The messages received so far that answer the request `id`, as plain data (a Blob as its type
 * and size). */
function answers(page, id) {
  return page.evaluate(
    (id) =>
      window.received
        .filter((m) => m.id === id)
        .map((m) => (m.blob ? { ...m, blob: { type: m.blob.type, size: m.blob.size } } : m)),
    id,
  );
}

describe('a video from the host page', () => {
  it('exportVideo answers started, then its progress, then the file as a Blob', async () => {
    const page = await openReadyHost();
    const loaded = await page.evaluate(() =>
      window.send({ type: 'loadScenario', scenario: 'checkout' }),
    );
    assert.equal(loaded.type, 'ok');
    await page.getByRole('button', { name: /^Make a video/ }).click();
    const videoId = await page.evaluate(async () => {
      for (let i = 0; i < 200; i++) {
        const started = window.received.find((m) => m.command === 'exportVideo' && m.type === 'ok');
        if (started) return started.id;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    });
    assert.ok(videoId, 'exportVideo was answered ok');
    await page.waitForFunction(
      (id) =>
        window.received.some((m) => m.id === id && (m.type === 'video' || m.type === 'error')),
      videoId,
      { timeout: 120_000 },
    );
    const replies = await answers(page, videoId);
    assert.deepEqual(replies[0], {
      source: 'sync-vs-async',
      id: videoId,
      type: 'ok',
      command: 'exportVideo',
      note: 'started',
    });
    const progress = replies.filter((m) => m.type === 'progress');
    assert.ok(progress.length >= 2, `progress messages: ${progress.length}`);
    // 1 s of title card and 3 s of the lesson at 30 fps.
    assert.ok(progress.every((m) => m.total === 120));
    assert.deepEqual(
      progress.map((m) => m.done),
      progress.map((m) => m.done).sort((a, b) => a - b),
    );
    assert.equal(progress.at(-1).done, 120);
    const last = replies.at(-1);
    assert.equal(last.type, 'video', JSON.stringify(last));
    assert.equal(last.name, 'sync-vs-async-checkout-0s-3s-800x450.webm');
    assert.equal(last.blob.type, 'video/webm');
    // The file itself, read back by ffprobe.
    const bytes = await page.evaluate(async (id) => {
      const m = window.received.find((r) => r.id === id && r.type === 'video');
      return [...new Uint8Array(await m.blob.arrayBuffer())];
    }, videoId);
    const dir = mkdtempSync(join(tmpdir(), 'host-video-'));
    try {
      const path = join(dir, last.name);
      writeFileSync(path, Buffer.from(bytes));
      const probe = JSON.parse(
        execFileSync(
          'ffprobe',
          ['-v', 'error', '-count_frames', '-show_streams', '-of', 'json', path],
          { encoding: 'utf8' },
        ),
      ).streams[0];
      assert.equal(probe.width, 800);
      assert.equal(probe.height, 450);
      assert.equal(Number(probe.nb_read_frames), 120);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.match(await page.getByRole('status').textContent(), /^Made sync-vs-async-checkout/);
    assert.equal(await page.locator('#video-link').getAttribute('download'), last.name);
    await page.close();
  });

  it('cancelVideo stops it: the request gets an error, no file, and the next video may start', async () => {
    const page = await openReadyHost();
    const started = await page.evaluate(() =>
      window.send({ type: 'exportVideo', format: 'webm', size: '1280x720', to: 60 }),
    );
    assert.equal(started.note, 'started');
    await page.waitForFunction(
      (id) => window.received.some((m) => m.id === id && m.type === 'progress'),
      started.id,
      { timeout: 30_000 },
    );
    // One at a time: a second video is refused while the first is made.
    const second = await page.evaluate(() => window.send({ type: 'exportVideo', to: 2 }));
    assert.equal(second.type, 'error');
    assert.match(second.message, /a video is being made; .* cancelVideo/);
    const cancelled = await page.evaluate(() => window.send({ type: 'cancelVideo' }));
    assert.deepEqual(
      { type: cancelled.type, command: cancelled.command },
      { type: 'ok', command: 'cancelVideo' },
    );
    await page.waitForFunction(
      (id) => window.received.some((m) => m.id === id && m.type === 'error'),
      started.id,
      { timeout: 10_000 },
    );
    const replies = await answers(page, started.id);
    assert.equal(replies.at(-1).message, 'the video was cancelled');
    assert.ok(!replies.some((m) => m.type === 'video'));
    const again = await page.evaluate(() => window.send({ type: 'cancelVideo' }));
    assert.equal(again.message, 'no video is being made');
    const next = await page.evaluate(() => window.send({ type: 'exportVideo', to: 1 }));
    assert.equal(next.note, 'started');
    await page.close();
  });
});

describe('the example host page left open', () => {
  it('keeps the latest 200 lines of its log and the latest 1,000 messages', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${host.url}embed-host.html`);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, {
      timeout: 15_000,
    });
    // 1,200 replies, as a subscribed, playing simulator sends in a few minutes.
    await page.evaluate(async () => {
      for (let i = 0; i < 1200; i++) await window.send({ type: 'getState' });
    });
    const lines = page.locator('#log > div');
    assert.equal(await lines.count(), 200);
    const text = await page.locator('#log').textContent();
    assert.match(text, /"id":"host-1200"/);
    assert.doesNotMatch(text, /"id":"host-1"[,}]/);
    const kept = await page.evaluate(() => window.received.length);
    assert.equal(kept, 1000);
    await page.close();
  });
});

describe("the app's Content-Security-Policy", () => {
  it('forbids inline script and plugins, and the app breaks none of it', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${app.url}?v=1&scenario=email-outage&t=20`);
    await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor();
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.match(policy, /object-src 'none'/);
    assert.doesNotMatch(policy, /frame-ancestors/, 'the app must stay embeddable');
    // An inline script injected into the page does not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.append(s);
    });
    assert.equal(await page.evaluate(() => window.__inline), undefined);
    const violations = await page.evaluate(() => window.violations.splice(0));
    assert.deepEqual(violations, ['script-src-elem inline']);
    // The app's own features (poster image, playing) raise none.
    await page.getByRole('button', { name: 'Embed' }).click();
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: /^(Play|Pause)$/ })
      .first()
      .click();
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    await page.close();
  });
});
