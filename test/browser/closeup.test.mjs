// The broker close-up and keyboard order picking in Debian's Chromium: each broker lesson opens its
// close-up with that broker's own state; on a run that is not a lesson the queue node opens it and
// Esc or its close button shuts it; the arrow keys in a focused diagram pick orders as a click does;
// and an open close-up passes axe. Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, seriousViolations, start } from '../../scripts/lib/browser.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

async function open(search, viewport = { width: 1280, height: 800 }) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport,
    reducedMotion: 'reduce',
  });
  await page.goto(`${app.url}${search}`);
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  return { page, errors };
}

/** Whole numbers shown by the elements `selector` matches inside the close-up. */
async function numbers(closeup, selector) {
  const texts = await closeup.locator(selector).allTextContents();
  return texts.map((t) => Number(t.replace(/,/g, '')));
}

function assertCounts(values, what) {
  assert.ok(values.length > 0, `no ${what} shown`);
  for (const v of values) assert.ok(Number.isInteger(v) && v >= 0, `${what}: ${v}`);
}

async function assertNoNaN(closeup) {
  const text = await closeup.textContent();
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
}

describe('each broker lesson opens its close-up', () => {
  it('Kafka: partitions with numbered records, the stuck record’s tries, lag and owner', async () => {
    const { page, errors } = await open('?v=1&scenario=kafka-poison&t=22&autoplay=0');
    const closeup = page.getByTestId('broker-closeup');
    await closeup.getByRole('heading', { name: /Inside Kafka/ }).waitFor();
    const rows = closeup.locator('.partition-row');
    assert.equal(await rows.count(), 4);
    assert.match(await rows.nth(2).textContent(), /Partition 2\s*worker 2/);
    assertCounts(await numbers(closeup, '.partition-row .stat-value'), 'lags');
    assertCounts(await numbers(closeup, '.rec-offset'), 'offsets');
    assert.ok(await closeup.locator('.rec-offset').first().isVisible(), 'offsets are not shown');
    // Order 20's record holds partition 2, with its failed tries, and a committed offset cursor.
    const poison = rows.nth(2).getByRole('listitem', { name: /order 20: .*failed \d+ times/ });
    await poison.waitFor();
    assert.match(await rows.nth(2).getByTestId('poison-tries').textContent(), /failed [2-9]×/);
    assert.equal(await rows.nth(2).getByText('blocked').count(), 1);
    assert.equal(
      await closeup.getByRole('listitem', { name: /^committed offset \d+$/ }).count(),
      4,
    );
    await assertNoNaN(closeup);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('RabbitMQ: prefetch buffers, unacked counts, the message coming back and the drop', async () => {
    const { page, errors } = await open('?v=1&scenario=rabbitmq-drop&t=42.8&autoplay=0');
    const closeup = page.getByTestId('broker-closeup');
    await closeup.getByRole('heading', { name: /Inside RabbitMQ/ }).waitFor();
    assert.equal(await closeup.locator('.consumer-row').count(), 4);
    const unacked = await numbers(closeup, '.consumer-row .stat-value');
    assertCounts(unacked, 'unacked counts');
    for (const n of unacked) assert.ok(n <= 5, `unacked ${n} is over the prefetch of 5`);
    assert.match(
      await closeup.getByTestId('closeup-returning').textContent(),
      /Order \d+ keeps coming back: \d+ failed \(limit 20\)/,
    );
    assert.match(
      await closeup.getByTestId('closeup-drops').textContent(),
      /^1 dropped\s*order 10 at 42\.\d s, after 21 failures$/,
    );
    await assertNoNaN(closeup);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('SQS: messages in flight with their visibility countdown and receive count', async () => {
    // At 13.1 s order 6 is visible again and not yet taken by a second worker.
    const { page, errors } = await open('?v=1&scenario=slow-email&t=13.1&autoplay=0');
    const closeup = page.getByTestId('broker-closeup');
    await closeup.getByRole('heading', { name: /Inside SQS/ }).waitFor();
    assert.match(
      await closeup.getByRole('heading', { level: 4 }).textContent(),
      /In flight .*: [1-9]/,
    );
    const rows = closeup.locator('.lease-row');
    assert.ok((await rows.count()) > 0);
    for (const text of await rows.allTextContents()) {
      assert.match(text, /received \d+×\s*visible again in \d+\.\d+ s/);
    }
    // Order 6 is visible again while its first worker still sends it.
    assert.match(
      await closeup.getByTestId('closeup-expired').textContent(),
      /Worker \d is still sending order 6/,
    );
    assert.equal(await closeup.getByRole('listitem', { name: 'Order 6, received 1×' }).count(), 1);
    await assertNoNaN(closeup);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('SQS in the poison-message lesson: order 10 received again and again, the dead-letter limit', async () => {
    const { page, errors } = await open('?v=1&scenario=poison-message&t=14&autoplay=0');
    const closeup = page.getByTestId('broker-closeup');
    await closeup.getByRole('heading', { name: /Inside SQS/ }).waitFor();
    const poison = closeup.locator('.lease-row', { hasText: 'Order 10' });
    assert.match(await poison.textContent(), /Order 10\s*worker \d\s*received 4×/);
    assert.match(await closeup.textContent(), /dead-letter queue after 5 receives: 0 there/);
    await assertNoNaN(closeup);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('SQS in the worker-crash lesson: messages held by crashed workers, each name clear of the next column', async () => {
    const { page, errors } = await open('?v=1&scenario=worker-crash&t=12&autoplay=0');
    const closeup = page.getByTestId('broker-closeup');
    await closeup.getByRole('heading', { name: /Inside SQS/ }).waitFor();
    const rows = closeup.locator('.lease-row');
    const down = rows.filter({ hasText: 'worker down' });
    assert.ok((await down.count()) > 0, 'no message of a crashed worker shown');
    for (let i = 0; i < (await rows.count()); i++) {
      const count = await rows.nth(i).locator('.lease-count').boundingBox();
      const owner = await rows.nth(i).locator('.row-owner').boundingBox();
      assert.ok(
        owner.x + owner.width <= count.x,
        `row ${i}: its owner runs into the receive count`,
      );
    }
    await assertNoNaN(closeup);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Redis Streams (no lesson uses it): pending entries with their idle time', async () => {
    const { page, errors } = await open(
      '?v=1&mode=async&queue.broker=redis&traffic.pattern=steady&traffic.rate=3&t=6&autoplay=0',
    );
    await page.getByRole('button', { name: 'Redis close-up' }).click();
    const closeup = page.getByTestId('broker-closeup');
    await closeup.getByRole('heading', { name: /Inside Redis Streams/ }).waitFor();
    assert.match(
      await closeup.getByRole('heading', { level: 4 }).textContent(),
      /Pending entries .*: \d+/,
    );
    for (const text of await closeup.locator('.lease-row').allTextContents()) {
      assert.match(text, /delivered \d+×\s*idle \d+\.\d+ s\s*claimable in \d+\.\d+ s/);
    }
    await assertNoNaN(closeup);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the close-up outside the lessons', () => {
  it('opens from the queue node and closes with Esc and with its button', async () => {
    const { page, errors } = await open('?v=1&queue.broker=kafka&autoplay=0');
    const queue = page.getByRole('button', { name: 'Kafka close-up' });
    const closeup = page.getByTestId('broker-closeup');
    assert.equal(await closeup.count(), 0);
    assert.equal(await queue.getAttribute('aria-expanded'), 'false');

    await queue.click();
    await closeup.waitFor();
    assert.equal(await queue.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    await closeup.waitFor({ state: 'detached' });
    assert.equal(await queue.getAttribute('aria-expanded'), 'false');

    // From the keyboard: the node is a button; the close button hands the focus back to it.
    await queue.focus();
    await page.keyboard.press('Enter');
    await closeup.waitFor();
    await closeup.getByRole('button', { name: 'Close the close-up' }).focus();
    await page.keyboard.press('Enter');
    await closeup.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'queue-button');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('in Compare takes the sync lane’s place, so the async diagram keeps its full detail', async () => {
    const { page, errors } = await open(
      '?v=1&queue.broker=kafka&traffic.pattern=steady&traffic.rate=4&t=20&autoplay=0',
    );
    const detailBefore = await page
      .getByRole('region', { name: 'Asynchronous system diagram', exact: true })
      .locator('.diagram')
      .getAttribute('data-detail');
    await page.getByRole('button', { name: 'Kafka close-up' }).click();
    const closeup = page.getByTestId('broker-closeup');
    await closeup.waitFor();
    await page.waitForTimeout(300);
    const region = page.getByRole('region', { name: 'Asynchronous system diagram', exact: true });
    assert.equal(detailBefore, 'full');
    assert.equal(await region.locator('.diagram').getAttribute('data-detail'), 'full');
    // Every partition's row is on screen, above the async lane.
    const rows = closeup.locator('.closeup-row');
    assert.equal(await rows.count(), 4);
    const lastRow = await rows.last().boundingBox();
    const lane = await region.boundingBox();
    assert.ok(lastRow.y + lastRow.height <= lane.y, 'the rows sit above the async diagram');
    assert.ok(lastRow.y + lastRow.height <= 800, 'the last row is on the first screen');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('offers no close-up for the ideal broker', async () => {
    const { page } = await open('?v=1&queue.broker=ideal&autoplay=0');
    assert.equal(await page.locator('.queue-button').count(), 0);
    await page.close();
  });
});

describe('picking an order with the keyboard', () => {
  it('moves through the orders in view with the arrow keys and selects them as a click does', async () => {
    // Caption 2 points at order 6 (its moment is resolved against the run: 13.85 s).
    const { page, errors } = await open('?v=1&scenario=slow-email&caption=2&autoplay=0');
    const region = page.getByRole('region', { name: 'Asynchronous system diagram' });
    const said = page.getByTestId('order-pick-async');
    const canvas = page.getByTestId('tokens-async');
    await page.getByText('Caption 2 of').waitFor();
    const shownAt = await page.getByTestId('sim-time').textContent();
    await region.focus();
    await page.keyboard.press('ArrowRight');
    const first = /Order (\d+) selected, 1 of (\d+) in view: .+\./.exec(await said.textContent());
    assert.ok(first, `announced: ${await said.textContent()}`);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=tokens-async]')?.dataset.focus === n,
      first[1],
    );

    await page.keyboard.press('ArrowRight');
    const second = /Order (\d+) selected, 2 of/.exec(await said.textContent());
    assert.ok(second);
    assert.ok(Number(second[1]) > Number(first[1]));
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=tokens-async]')?.dataset.focus === n,
      second[1],
    );
    // The caption's time did not move: the arrows belonged to the diagram.
    assert.equal(await page.getByTestId('sim-time').textContent(), shownAt);

    await page.keyboard.press('Escape');
    assert.equal(await said.textContent(), 'No order selected.');
    // The caption's own order (6) is ringed again once the pick is let go.
    await page.waitForFunction(
      () => document.querySelector('[data-testid=tokens-async]')?.dataset.focus === '6',
    );
    assert.ok(await canvas.isVisible());
    assert.deepEqual(errors, []);
    await page.close();
  });
});
