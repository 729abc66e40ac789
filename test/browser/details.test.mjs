// Browser tests of issue 10's smaller defects in Debian's Chromium: the Embed snippet starts at
// 0 s unless asked, the outage switch says when a scheduled outage has the service down, the
// export picker names every chart before it is scrolled to, chart axes' labels neither overlap
// nor repeat, and the quiz numbers its questions on the question's line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, openPanel, start } from '../../scripts/lib/browser.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app?.close();
});

async function open(query, viewport = { width: 1280, height: 800 }) {
  const { page, errors } = await newPageWithErrors(app.browser, {
    viewport,
    reducedMotion: 'reduce',
  });
  await page.goto(`${app.url}${query}`);
  await page.getByRole('heading', { name: 'Sync vs Async' }).waitFor({ state: 'attached' });
  if (!query.includes('embed=1')) await openPanel(page);
  return { page, errors };
}

describe('the Embed dialog', () => {
  it('starts the snippet and the link at 0 s unless "start at this moment" is ticked', async () => {
    const { page, errors } = await open('?v=1&scenario=email-outage&t=12.5');
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this simulation' });
    const snippet = () => dialog.getByRole('textbox', { name: /Iframe/ }).inputValue();
    const link = () => dialog.getByRole('textbox', { name: 'Link' }).inputValue();
    // The dialog fills its fields once its first frame is painted.
    await page.locator('dialog.embed-dialog[open]:not([aria-busy])').waitFor();
    assert.match(await snippet(), /^<iframe src="http[^"]+embed=1/);
    assert.doesNotMatch(await snippet(), /[?&;]t=/);
    assert.doesNotMatch(await link(), /[?&]t=/);
    const fromNow = dialog.getByRole('checkbox', { name: /Start at this moment \(12\.5 s\)/ });
    assert.equal(await fromNow.isChecked(), false);
    await fromNow.check();
    assert.match(await snippet(), /[?&;]t=12\.5/);
    assert.match(await link(), /[?&]t=12\.5/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the email outage switch', () => {
  it('stays off and says "Down until 50.0 s, scheduled" while the lesson’s outage runs', async () => {
    const { page, errors } = await open('?v=1&scenario=email-outage&t=30');
    const toggle = page.getByRole('switch', { name: 'Email service outage' });
    assert.equal(await toggle.isChecked(), false);
    const label = page.locator('label', { has: page.getByText('Down until 50.0 s, scheduled') });
    assert.equal(await label.count(), 1);
    const description = await toggle.evaluate((el) =>
      el
        .getAttribute('aria-describedby')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    assert.match(description, /^Down until 50\.0 s, scheduled/);
    assert.ok((await page.locator('svg text', { hasText: /^Down$/ }).count()) > 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the charts', () => {
  it('are named in the export picker before they are scrolled into view', async () => {
    const { page, errors } = await open('?v=1&scenario=email-outage&t=60');
    const picker = page.getByRole('combobox', { name: 'Chart' });
    await picker.focus();
    const names = await picker.locator('option').allTextContents();
    assert.ok(names.length >= 3, names.join(' | '));
    for (const name of names) assert.doesNotMatch(name, /^Chart \d+$|^No charts yet$/);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(errors, []);
    await page.close();
  });

  // A long busy run on a desktop and a phone, and one checkout, whose queue never holds more
  // than one job (its count axis once read 0 0 0 1 1 1).
  for (const [query, viewport] of [
    ['?v=1&scenario=email-outage&t=70', { width: 1280, height: 800 }],
    ['?v=1&scenario=email-outage&t=70', { width: 390, height: 844 }],
    ['?v=1&scenario=checkout&t=5', { width: 1280, height: 800 }],
  ]) {
    it(`have axis labels that neither overlap nor repeat: ${query} at ${viewport.width} px`, async () => {
      const { page, errors } = await open(query, viewport);
      await page.getByRole('heading', { name: 'What happened' }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      const axes = await page.locator('svg.an-svg .an-axis').evaluateAll((groups) =>
        groups.map((g) =>
          [...g.querySelectorAll('g > text')].map((t) => {
            const r = t.getBoundingClientRect();
            return {
              text: t.textContent,
              left: r.left,
              right: r.right,
              top: r.top,
              bottom: r.bottom,
            };
          }),
        ),
      );
      assert.ok(axes.length >= 4, `${axes.length} axes`);
      for (const labels of axes) {
        const texts = labels.map((l) => l.text);
        assert.equal(new Set(texts).size, texts.length, `repeated: ${texts.join(' ')}`);
        for (let i = 1; i < labels.length; i++) {
          const a = labels[i - 1];
          const b = labels[i];
          const apart =
            a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          assert.ok(apart, `"${a.text}" overlaps "${b.text}" in ${texts.join(' ')}`);
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

describe('the quiz', () => {
  it('numbers each question on its own line, above its answers', async () => {
    const { page, errors } = await open('?v=1');
    await page.getByRole('button', { name: 'Sync or async? quiz' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sync or async?' });
    const first = dialog.getByRole('group').first();
    const number = await first
      .locator('legend')
      .evaluate((el) => getComputedStyle(el, '::before').content);
    assert.match(number, /counter\(task\)/);
    const legend = await first.locator('legend').boundingBox();
    const answers = await first.getByRole('radio').first().boundingBox();
    assert.ok(legend.y + legend.height <= answers.y + 1, 'the number sits above the answer row');
    const marker = await dialog
      .locator('li')
      .first()
      .evaluate((li) => getComputedStyle(li).listStyleType);
    assert.equal(marker, 'none');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
