// The message broker control in Debian's Chromium: a link chooses the broker, the select changes
// it (restarting the run) and the address bar follows, and the broker's settings pass axe.
// Run with `npm run test:browser`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  newPageWithErrors,
  openPanel,
  seriousViolations,
  start,
} from '../../scripts/lib/browser.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

async function open(search) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport: { width: 1366, height: 800 },
    reducedMotion: 'reduce',
  });
  await page.goto(`${app.url}${search}`);
  await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor();
  await openPanel(page);
  return { page, errors };
}

describe('the message broker', () => {
  it('loads RabbitMQ from a link, switches to Kafka, and the link follows', async () => {
    const { page, errors } = await open('?queue.broker=rabbitmq');
    const group = page.getByRole('group', { name: 'Message broker' });
    const broker = group.getByRole('combobox', { name: 'Broker' });
    assert.equal(await broker.inputValue(), 'rabbitmq');
    assert.equal(await broker.locator('option:checked').textContent(), 'RabbitMQ (quorum queue)');
    await group.getByRole('switch', { name: /Dead-letter exchange configured/ }).waitFor();

    await broker.selectOption('kafka');
    await group.getByRole('spinbutton', { name: 'Partitions' }).waitFor();
    await page.waitForFunction(() => location.search.includes('queue.broker=kafka'), null, {
      timeout: 5000,
    });
    assert.equal(await group.getByRole('spinbutton', { name: 'Delivery limit' }).count(), 0);

    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('explains a broker it does not know, naming the ones it does', async () => {
    const { page } = await open('?queue.broker=activemq');
    await page.getByText(/Ignored queue\.broker=activemq: .*kafka/).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Broker' }).inputValue(), 'sqs');
    await page.close();
  });
});
