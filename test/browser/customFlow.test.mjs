// Browser tests for a flow of one's own in a link (`flow=ID:LABEL:LATENCY:WHERE,…`): both lanes'
// diagrams draw a node for each of its six steps, named after them, on a laptop, a phone and an
// embed, and a bad flow shows its one-line notice while the page runs the checkout. Screenshots go
// to artifacts/screenshots/customFlow/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLink, ROOT, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots', 'customFlow');

/** A teacher's "upload a profile photo", as instructors.md writes it. */
const STEPS = [
  ['store', 'Store the photo', 300, 'request'],
  ['crop', 'Crop it square', 120, 'request'],
  ['resize', 'Resize for phones', 1500, 'background'],
  ['thumbnail', 'Make a thumbnail', 600, 'background'],
  ['notify', 'Notify followers', 400, 'background'],
  ['analytics', 'Record the upload', 100, 'background'],
];
const FLOW = `photo:Photo upload,${STEPS.map((s) => s.join(':')).join(',')}`;
const LINK = `&flow=${encodeURIComponent(FLOW)}`;

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => app?.close());

const open = (query, viewport) => openLink(app, query, viewport);

/** Each lane's name and its step nodes' full names (their tooltips), in the order drawn. */
async function lanes(page) {
  return page.$$eval('.lane', (sections) =>
    sections.map((s) => ({
      name: s.querySelector('.lane-title')?.textContent ?? '',
      steps: [...s.querySelectorAll('.diagram-svg .node-step > title')].map((t) => t.textContent),
      titles: [...s.querySelectorAll('.diagram-svg .node-step .node-title')].map(
        (t) => t.textContent,
      ),
    })),
  );
}

/** A phone's screenshot: the page's first 2,300 px, down through both lanes. */
const phone = (viewport) =>
  viewport.width < 600
    ? { fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: 2300 } }
    : {};

describe('a link with a flow of its own', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`draws its six steps in both lanes at ${viewport.width}x${viewport.height}`, async () => {
      const { page, errors } = await open(`${LINK}&mode=compare&t=4`, viewport);
      const drawn = await lanes(page);
      assert.equal(drawn.length, 2);
      const labels = STEPS.map((s) => s[1]);
      for (const lane of drawn) {
        assert.deepEqual([...lane.steps].sort(), [...labels].sort(), lane.name);
        // Each node's short name is words of its step's label or id (shortName), never another
        // step's, never blank.
        lane.titles.forEach((title, i) => {
          const step = STEPS.find((s) => s[1] === lane.steps[i]);
          const words = `${step[1]} ${step[0]}`.toLowerCase();
          assert.ok(title.trim() !== '', `${lane.name}: node ${i} has no name`);
          assert.ok(
            title
              .toLowerCase()
              .split(/\s+/)
              .every((w) => words.includes(w.replace(/…$/, ''))),
            `${lane.name}: '${title}' is not from '${lane.steps[i]}'`,
          );
        });
      }
      assert.deepEqual(
        drawn.map((l) => l.name),
        ['Synchronous photo upload', 'Asynchronous photo upload'],
      );
      assert.equal(await page.locator('.url-notice').count(), 0);
      await page.screenshot({
        path: join(SHOTS, `photo-${viewport.width}x${viewport.height}.png`),
        ...phone(viewport),
      });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('shows a bad flow’s one line as a notice and runs the checkout', async () => {
    const bad = encodeURIComponent('save:Save:50:request,save:Save again:50:background');
    const { page, errors } = await open(`&flow=${bad}&workers.count=3`, {
      width: 1280,
      height: 800,
    });
    const notice = page.getByRole('status').filter({ hasText: 'Ignored flow=' });
    await notice.waitFor();
    assert.match(
      await notice.textContent(),
      /Ignored flow=save:Save:50:request,save:Save again:50:backgr.*two steps have the id 'save'; each step needs an id of its own\./,
    );
    const [sync] = await lanes(page);
    assert.equal(sync.name, 'Synchronous checkout');
    await page.screenshot({ path: join(SHOTS, 'bad-flow-1280x800.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  const shots = [
    ['photo-embed-640x360', `${LINK}&embed=1&t=4`, { width: 640, height: 360 }],
    ['photo-embed-800x450', `${LINK}&embed=1&t=4`, { width: 800, height: 450 }],
    ['photo-present-1920x1080', `${LINK}&present=1&t=4`, { width: 1920, height: 1080 }],
    ['photo-dark-1280x800', `${LINK}&theme=dark&t=4`, { width: 1280, height: 800 }],
  ];
  for (const [name, query, viewport] of shots) {
    it(`opens ${name} with no errors or notices`, async () => {
      const { page, errors } = await open(query, viewport);
      assert.equal(await page.locator('.url-notice').count(), 0);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), ...phone(viewport) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
