// Browser tests for flows on the stage: the password lesson draws a password check (its steps'
// nodes, no payment, database or email node, a login's page) on a laptop and a phone, and other
// flows from a link draw their own steps. Screenshots go to artifacts/screenshots/flows/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLink, ROOT, start } from '../../scripts/lib/browser.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots', 'flows');

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => app?.close());

const open = (query, viewport, options = {}) => openLink(app, query, viewport, options);

/** Each lane's name and the titles of its diagram's nodes. */
async function lanes(page) {
  return page.$$eval('.lane', (sections) =>
    sections.map((s) => ({
      name: s.querySelector('.lane-title')?.textContent ?? '',
      nodes: [...s.querySelectorAll('.diagram-svg .node .node-title')].map((t) => t.textContent),
      page: s.querySelector('.browser-page')?.textContent ?? '',
      clocks: s.querySelector('.clocks')?.textContent ?? '',
    })),
  );
}

/** A phone's screenshot: the page's first 2,300 px, down through both lanes. */
const phone = (viewport) =>
  viewport.width < 600
    ? { fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: 2300 } }
    : {};

const CHECKOUT_NODES = ['Payment', 'Database', 'Email'];

describe('the password lesson', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`draws a password check at ${viewport.width}x${viewport.height}`, async () => {
      const { page, errors } = await open('&scenario=password-check&t=6', viewport);
      const [sync, async] = await lanes(page);
      assert.equal(sync.name, 'Synchronous password check');
      assert.equal(async.name, 'Asynchronous password check');
      assert.deepEqual(sync.nodes, ['Customers', 'Web server', 'Read form', 'Account', 'Password']);
      assert.deepEqual(async.nodes, [
        'Customers',
        'Web server',
        'Read form',
        'Account',
        'Workers',
        'Dead letters',
        'Password',
      ]);
      for (const lane of [sync, async]) {
        for (const node of CHECKOUT_NODES) assert.ok(!lane.nodes.includes(node), node);
        assert.doesNotMatch(lane.page + lane.clocks, /order|email/i);
      }
      assert.match(sync.page, /Signed in/);
      assert.match(async.page, /We’ll let you know/);
      // The flow's longer lane names are not cut short, even on a phone.
      const cut = await page.$$eval('.lane-title', (titles) =>
        titles.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent),
      );
      assert.deepEqual(cut, []);
      const text = await page.locator('.stage').textContent();
      assert.doesNotMatch(text, /emails? sent|Order confirmed|Payment/);
      await page.screenshot({
        path: join(SHOTS, `password-${viewport.width}x${viewport.height}.png`),
        ...phone(viewport),
      });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

describe('a flow from a link', () => {
  it('draws the sign-up’s steps, the background ones beside the workers', async () => {
    const { page, errors } = await open('&flow=signup&mode=compare&t=3', {
      width: 1280,
      height: 800,
    });
    const [sync, async] = await lanes(page);
    assert.equal(sync.name, 'Synchronous sign-up');
    assert.deepEqual(sync.nodes.slice(2), ['Account', 'Email', 'Push', 'Analytics']);
    assert.deepEqual(async.nodes.slice(2, 3), ['Account']);
    assert.ok(async.nodes.includes('Workers'));
    assert.match(sync.page + async.page, /Account created/);
    await page.screenshot({ path: join(SHOTS, 'signup-1280x800.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  const shots = [
    ['video-1280x800', '&flow=video&mode=compare&t=40', { width: 1280, height: 800 }, {}],
    ['video-390x844', '&flow=video&mode=compare&t=40', { width: 390, height: 844 }, {}],
    ['signup-390x844', '&flow=signup&mode=compare&t=3', { width: 390, height: 844 }, {}],
    ['signup-embed-640x360', '&flow=signup&embed=1&t=3', { width: 640, height: 360 }, {}],
    [
      'password-embed-640x360',
      '&scenario=password-check&embed=1&t=6',
      { width: 640, height: 360 },
      {},
    ],
    [
      'password-present-1920x1080',
      '&scenario=password-check&present=1&t=6',
      { width: 1920, height: 1080 },
      {},
    ],
    ['signup-present-1920x1080', '&flow=signup&present=1&t=3', { width: 1920, height: 1080 }, {}],
    [
      'password-dark-1280x800',
      '&scenario=password-check&theme=dark&t=6',
      { width: 1280, height: 800 },
      {},
    ],
    ['checkout-1280x800', '&t=1.5', { width: 1280, height: 800 }, {}],
  ];
  for (const [name, query, viewport, options] of shots) {
    it(`opens ${name} with no errors`, async () => {
      const { page, errors } = await open(query, viewport, options);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), ...phone(viewport) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
