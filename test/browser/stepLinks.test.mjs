// Links with a flow's step settings in Chromium: a video upload with its thumbnail moved into the
// request draws it in the async lane's request path, the step list and the address bar carry the
// design, a step the flow lacks gets a notice naming its steps, and whatif= on a step opens the
// panel on it and draws its curves. Screenshots go to artifacts/screenshots/steplinks/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLink, ROOT, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots', 'steplinks');
const DESIGN = 'flow=video&steps.transcode.latency=10000&steps.thumbnail.where=request';

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => app?.close());

const open = (query, viewport = { width: 1280, height: 800 }) =>
  openLink(app, `&${query}`, viewport);

/** The titles of each lane's diagram nodes, sync first. */
const nodes = (page) =>
  page.$$eval('.lane', (lanes) =>
    lanes.map((l) =>
      [...l.querySelectorAll('.diagram-svg .node .node-title')].map((t) => t.textContent),
    ),
  );

describe('a link with step settings', () => {
  it('opens the design it names: the thumbnail in the request, transcoding 10 s', async () => {
    const { page, errors } = await open(`${DESIGN}&steps.nope.where=request&t=3`);
    const [sync, async] = await nodes(page);
    assert.deepEqual(sync.slice(2), ['Store', 'Transcode', 'Thumbnail']);
    // The request's steps come before the workers; the background's after them.
    const workers = async.indexOf('Workers');
    assert.ok(workers > 0, async.join(', '));
    assert.ok(async.indexOf('Thumbnail') < workers, async.join(', '));
    assert.ok(async.indexOf('Transcode') > workers, async.join(', '));
    // The panel's step list, where the page shows one, says the same.
    const steps = await page.$$eval('.flow-steps li', (items) => items.map((i) => i.textContent));
    if (steps.length > 0) {
      const line = (label) => steps.find((s) => s.startsWith(label)) ?? '';
      assert.match(line('Transcode the video'), /10 s/);
      assert.match(line('Transcode the video'), /background/);
      assert.doesNotMatch(line('Make a thumbnail'), /background/);
    }
    const notice = await page.getByText(/Ignored steps\.nope\.where=request/).textContent();
    assert.match(notice, /its steps: store, transcode, thumbnail/);
    await page.screenshot({ path: join(SHOTS, 'video-design-1280x800.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('keeps the design in the address bar once the run moves', async () => {
    const { page, errors } = await open(`steps.thumbnail.where=request&${DESIGN}`);
    await page.getByRole('button', { name: 'Step to the next event' }).click();
    await page.waitForFunction(() => location.search.includes('t='), null, { timeout: 5000 });
    const search = await page.evaluate(() => location.search);
    assert.match(
      search,
      /^\?v=1&t=[\d.]+&flow=video&steps\.transcode\.latency=10000&steps\.thumbnail\.where=request$/,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const [name, query, viewport] of [
    ['present-1920x1080', `${DESIGN}&present=1&t=3`, { width: 1920, height: 1080 }],
    ['embed-800x450', `${DESIGN}&embed=1&t=3`, { width: 800, height: 450 }],
    ['embed-640x360', `${DESIGN}&embed=1&t=3`, { width: 640, height: 360 }],
    ['dark-1280x800', `${DESIGN}&theme=dark&t=3`, { width: 1280, height: 800 }],
    ['phone-390x844', `${DESIGN}&t=3`, { width: 390, height: 844 }],
  ]) {
    it(`opens at ${name} with no errors`, async () => {
      const { page, errors } = await open(query, viewport);
      const [, async] = await nodes(page);
      if (async) assert.ok(async.indexOf('Thumbnail') < async.indexOf('Workers'), name);
      // A phone's page is long: its first 2,100 px hold both lanes.
      const phone = viewport.width < 600;
      await page.screenshot({
        path: join(SHOTS, `video-design-${name}.png`),
        ...(phone ? { fullPage: true, clip: { x: 0, y: 0, width: 390, height: 2100 } } : {}),
      });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

describe('whatif= on a step', () => {
  it('opens the panel on the step’s time and draws both lanes', async () => {
    const { page, errors } = await open(
      'flow=video&traffic.pattern=steady&traffic.rate=2&whatif=steps.store.latency,response-p95',
    );
    const panel = page.locator('section.whatif');
    await panel.locator('.whatif-status[data-done="true"]').waitFor({ timeout: 60_000 });
    const setting = panel.getByLabel('Setting');
    assert.equal(await setting.inputValue(), 'steps.store.latency');
    assert.equal(
      await setting.locator('option:checked').textContent(),
      'Store the file: time (mean)',
    );
    assert.match(await panel.textContent(), /Now: 2(\.00)? s/);
    for (const lane of ['sync', 'async']) {
      const d = await panel.locator(`g[data-lane="${lane}"] path.whatif-curve`).getAttribute('d');
      assert.ok((d.match(/L/g) ?? []).length >= 20, `${lane}: ${d.slice(0, 40)}`);
    }
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SHOTS, 'whatif-store-latency.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
