// The page in Spanish and Simplified Chinese, as a class in Madrid or Shanghai opens it: at a
// laptop's 1280 x 800 and embedded in a 640 x 360 slide, the translated area (the header, the
// playback bar, the lesson picker, the tallies, the side panel's controls and view options, the
// area below the stage with What if? open and the export menu, their labels; the stage's diagrams
// under each broker, their key and the lesson's chart; the lanes' headings and customers' screens,
// the link's notices) shows none of the English catalog's
// words, Chinese no Latin word but product names, <html lang> follows, and the stage's layout
// checks pass as they do in English. Screenshots go to artifacts/screenshots/i18n/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newPageWithErrors, ROOT, start } from '../../scripts/lib/browser.mjs';
import { layoutProblems } from '../../scripts/lib/layoutChecks.mjs';
import { englishIn, visibleTexts } from '../../scripts/lib/englishText.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots', 'i18n');
/** The translated areas: the header, the playback bar, the tallies, the side panel's own, the
 * lanes' headings, the customers' screens and what screen readers hear of them, and the notices. */
const AREAS =
  '.app-header, .playback, .tallies, .side-panel-close, .side-panel .controls, .side-panel .view-options, ' +
  '.lane-header, .user-screen, .status-summary, .orders-table > summary, .url-notices, .jump-progress';
/** The stage's diagrams (their nodes' titles and lines, badges, tags and partition rows), the
 * queue's button, the key to the tokens and the lesson's chart (and, where opened, the broker's
 * close-up). */
const STAGE = '.diagram-svg, .queue-button, .legend, .stage-chart';

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => app?.close());

/** The area's texts as shown and said: each visible element's own text, labels and titles. */
const areaTexts = (page, areas = AREAS) => visibleTexts(page, areas);

/** Below the stage: the charts, the ledger, the workers, Little's law, the event log with its
 * sentences, What if? and the export menu. */
const BELOW = '.analysis, .whatif, .export';

/** The texts below the stage, the event log's sentences included. */
const belowTexts = (page) => visibleTexts(page, BELOW);

/** What the charts' drawn words get wrong, measured as drawn: words outside their chart, pairs
 * of words on top of each other, and words under `floor` px. */
function chartTextProblems(page, floor) {
  return page.evaluate(
    ({ below, floor }) => {
      const problems = { out: [], overlaps: [], small: [] };
      for (const svg of document.querySelectorAll(`:is(${below}) svg`)) {
        const box = svg.getBoundingClientRect();
        if (box.width === 0) continue;
        const scale = svg.viewBox.baseVal?.width ? box.width / svg.viewBox.baseVal.width : 1;
        const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim());
        const boxes = texts.map((t) => t.getBoundingClientRect());
        texts.forEach((t, i) => {
          const r = boxes[i];
          const name = `"${t.textContent.trim().slice(0, 30)}"`;
          if (r.left < box.left - 1 || r.right > box.right + 1) problems.out.push(name);
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (px < floor - 0.05) problems.small.push(`${name} at ${px.toFixed(1)} px`);
          for (let j = i + 1; j < texts.length; j++) {
            const o = boxes[j];
            const w = Math.min(r.right, o.right) - Math.max(r.left, o.left);
            const h = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
            if (w > 1 && h > 1) {
              problems.overlaps.push(`${name} on "${texts[j].textContent.trim().slice(0, 30)}"`);
            }
          }
        });
      }
      return problems;
    },
    { below: BELOW, floor },
  );
}

/** Scrolls below the stage, where the charts draw once on screen, and opens What if? until its
 * curves are in. */
async function openBelow(page) {
  await page.locator('.analysis').scrollIntoViewIfNeeded();
  await page.locator('.analysis svg.an-svg').first().waitFor();
  await page.locator('.whatif-toggle').click();
  await page.locator('.whatif-status[data-done="true"]').waitFor({ timeout: 30_000 });
  await page.locator('.whatif-chart > svg').scrollIntoViewIfNeeded();
}

/** What the side panel cuts or lets out: a text wider than the panel, or a box clipping its text
 * (screen-reader-only text aside). */
function panelProblems(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.side-panel');
    const edge = panel.getBoundingClientRect();
    const problems = [];
    for (const el of panel.querySelectorAll('*')) {
      if (el.closest('.visually-hidden') || el.getClientRects().length === 0) continue;
      const hasText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '',
      );
      if (!hasText) continue;
      const box = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`;
      if (box.right > edge.right + 1 || box.left < edge.left - 1) {
        problems.push(`${name} leaves the panel`);
      }
      const clips = getComputedStyle(el).overflowX !== 'visible';
      if (clips && el.scrollWidth > el.clientWidth + 1) problems.push(`${name} is cut`);
    }
    return problems;
  });
}

/** Opens the side panel (an embed with the full controls shows it without a button), its
 * advanced settings and each slider's Exact box where the page shows them, so that their words
 * show. */
async function openPanel(page) {
  const toggle = page.locator('.panel-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.locator('.side-panel .controls h2').waitFor();
  const advanced = page.locator('.side-panel details.advanced summary');
  if (await advanced.isVisible()) await advanced.click();
  for (const button of await page.locator('.side-panel .exact-toggle').all()) {
    if (await button.isVisible()) await button.click();
  }
}

/** A layout problem named without the words it quotes, to compare pages in two languages. */
function unworded(problem) {
  return problem.replace(/"[^"]*"/g, '""');
}

const english = englishIn;

const CASES = [
  { name: '1280x800', viewport: { width: 1280, height: 800 }, extra: '', floor: 12 },
  { name: '640x360 embedded', viewport: { width: 640, height: 360 }, extra: '&embed=1', floor: 10 },
];

describe('the page in another language', () => {
  it('the check sees English in the English page (so it can fail)', async () => {
    const { page } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${app.url}?v=1&scenario=email-outage&t=48&autoplay=0&lang=en`);
    await page.locator('.button-play').waitFor();
    const seen = english(await areaTexts(page), 'zh-CN');
    for (const text of ['Play', 'Speed', 'Controls', 'Copy link']) assert.ok(seen.includes(text));
    const stage = english(await areaTexts(page, STAGE), 'zh-CN');
    for (const text of ['Web server', 'Over time', 'Error page']) assert.ok(stage.includes(text));
    await page.close();
  });

  for (const lang of ['es', 'zh-CN']) {
    for (const { name, viewport, extra, floor } of CASES) {
      it(`${lang} at ${name}: no English in the area, nothing cut or on top of anything`, async () => {
        const { page, errors } = await newPageWithErrors(app.browser, {
          viewport,
          reducedMotion: 'reduce',
        });
        await page.goto(
          `${app.url}?v=1&scenario=email-outage&t=48&autoplay=0&lang=${lang}${extra}`,
        );
        await page.locator('.button-play').waitFor();
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(SHOTS, `${lang}-${name.replace(' ', '-')}.png`) });
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const texts = await areaTexts(page);
        assert.ok(texts.length > 10, `the area shows ${texts.length} texts`);
        assert.deepEqual(english(texts, lang), [], `${lang} ${name}`);
        assert.deepEqual(await layoutProblems(page, { floor }), [], `${lang} ${name}`);
        assert.deepEqual(errors, []);
        await page.close();
      });

      it(`${lang} at ${viewport.width}x${viewport.height}: below the stage in ${lang}, its charts' words measured`, async () => {
        const { page, errors } = await newPageWithErrors(app.browser, {
          viewport,
          reducedMotion: 'reduce',
        });
        // An embed hides what is below the stage: the page itself, in a window that small.
        const query = `v=1&scenario=email-outage&t=48&autoplay=0&mode=compare`;
        await page.goto(`${app.url}?${query}&lang=${lang}`);
        await page.locator('.button-play').waitFor();
        await openBelow(page);
        const file = `${lang}-${viewport.width}x${viewport.height}-below.png`;
        await page.screenshot({ path: join(SHOTS, file), fullPage: true });
        const texts = await belowTexts(page);
        assert.ok(texts.length > 80, `below the stage shows ${texts.length} texts`);
        assert.deepEqual([...new Set(english(texts, lang))], [], `${lang} ${name}`);
        // The charts draw their words at 11 px, over the 10 px floor, in every language.
        const problems = await chartTextProblems(page, 10);
        assert.deepEqual(problems.small, [], `${lang} ${name}`);
        // Words out of their chart or on top of each other: no more than in English (where the
        // p50, p95 and p99 markers' labels touch when the three times are close).
        if (problems.out.length + problems.overlaps.length > 0) {
          await page.goto(`${app.url}?${query}&lang=en`);
          await page.locator('.button-play').waitFor();
          await openBelow(page);
          const inEnglish = await chartTextProblems(page, 10);
          for (const kind of ['out', 'overlaps']) {
            assert.ok(
              problems[kind].length <= inEnglish[kind].length,
              `${lang} ${name}, ${kind}: ${problems[kind].join('; ')} against English's ${inEnglish[kind].join('; ')}`,
            );
          }
        }
        assert.deepEqual(errors, []);
        await page.close();
      });

      it(`${lang} at ${name}: the side panel in ${lang}, every broker's settings too`, async () => {
        const { page, errors } = await newPageWithErrors(app.browser, {
          viewport,
          reducedMotion: 'reduce',
        });
        // An embed shows the panel's button when its host asks for the full controls.
        const controls = extra ? '&controls=full' : '';
        await page.goto(
          `${app.url}?v=1&scenario=checkout&autoplay=0&lang=${lang}${extra}${controls}`,
        );
        await page.locator('.button-play').waitFor();
        await openPanel(page);
        const file = `${lang}-${name.replace(' ', '-')}-panel.png`;
        await page.locator('.side-panel').screenshot({ path: join(SHOTS, file) });
        const texts = [];
        for (const broker of ['rabbitmq', 'kafka', 'redis', 'ideal', 'sqs']) {
          await page.locator('.broker select').first().selectOption(broker);
          await page.locator('.broker .broker-settings .field').first().waitFor();
          texts.push(...(await areaTexts(page)));
        }
        assert.ok(texts.length > 100, `the panel shows ${texts.length} texts`);
        assert.deepEqual([...new Set(english(texts, lang))], [], `${lang} ${name}`);
        assert.deepEqual(await panelProblems(page), [], `${lang} ${name} panel`);
        // The stage beside the panel: no problem that the English page does not have too (at
        // 640 x 360 the full controls leave the stage's node titles at 9.4 px in English).
        const stage = await layoutProblems(page, { floor });
        if (stage.length > 0) {
          await page
            .locator('.language-picker select')
            .selectOption('en')
            .catch(() => {});
          await page.goto(page.url().replace(`lang=${lang}`, 'lang=en'));
          await page.locator('.side-panel .controls h2').waitFor();
          // Each problem named without its words, which the languages do not share.
          const inEnglish = new Set((await layoutProblems(page, { floor })).map(unworded));
          assert.deepEqual(
            stage.filter((problem) => !inEnglish.has(unworded(problem))),
            [],
            `${lang} ${name}: the stage beside the panel`,
          );
        }
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }

  for (const lang of ['es', 'zh-CN']) {
    for (const { name, viewport, extra, floor } of CASES) {
      it(`${lang} at ${name}: the diagrams under every broker, their key and the chart`, async () => {
        const { page, errors } = await newPageWithErrors(app.browser, {
          viewport,
          reducedMotion: 'reduce',
        });
        const texts = [];
        for (const broker of ['sqs', 'rabbitmq', 'kafka', 'redis', 'ideal']) {
          await page.goto(
            `${app.url}?v=1&scenario=email-outage&queue.broker=${broker}&t=48&autoplay=0&lang=${lang}${extra}`,
          );
          await page.locator('.button-play').waitFor();
          await page.locator('.diagram-svg').first().waitFor();
          await page.waitForTimeout(300);
          const file = `${lang}-${name.replace(' ', '-')}-${broker}-stage.png`;
          await page.screenshot({ path: join(SHOTS, file) });
          // The broker's close-up too, opened from the queue node (the ideal broker has none).
          if (broker !== 'ideal') {
            await page.locator('.queue-button').click();
            await page.locator('.closeup-body').waitFor();
          }
          const shown = await areaTexts(page, `${STAGE}, .closeup`);
          assert.ok(shown.length > 10, `${broker}: the stage shows ${shown.length} texts`);
          texts.push(...shown);
          const problems = await layoutProblems(page, { floor });
          if (problems.length > 0) {
            // Only the problems the English page lacks (an opened close-up runs past the lane
            // beside the chart in English too).
            await page.goto(page.url().replace(`lang=${lang}`, 'lang=en'));
            await page.locator('.diagram-svg').first().waitFor();
            if (broker !== 'ideal') {
              await page.locator('.queue-button').click();
              await page.locator('.closeup-body').waitFor();
            }
            await page.waitForTimeout(300);
            const inEnglish = new Set((await layoutProblems(page, { floor })).map(unworded));
            assert.deepEqual(
              problems.filter((problem) => !inEnglish.has(unworded(problem))),
              [],
              `${lang} ${name} ${broker}`,
            );
          }
        }
        assert.deepEqual([...new Set(english(texts, lang))], [], `${lang} ${name}`);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
    it(`${lang}: a link's notices in ${lang}, its parameters as the link wrote them`, async () => {
      const { page, errors } = await newPageWithErrors(app.browser, {
        viewport: { width: 1280, height: 800 },
        reducedMotion: 'reduce',
      });
      const broken = 'mode=fast&workers.count=-3&zzz=1&theme=blue';
      await page.goto(`${app.url}?v=1&scenario=checkout&autoplay=0&lang=${lang}&${broken}`);
      await page.locator('.url-notice li').first().waitFor();
      await page.screenshot({ path: join(SHOTS, `${lang}-notices.png`) });
      const texts = await areaTexts(page);
      const lines = await page.locator('.url-notice li').allTextContents();
      assert.equal(lines.length, 4);
      // The link's own words (parameters, values, the choices a parameter takes) stay as written.
      const syntax =
        /mode=fast|workers\.count=-3|zzz=1|theme=blue|compare, sync, async|light, dark, projector/g;
      const said = texts.map((text) => text.replace(syntax, ''));
      assert.deepEqual(english(said, lang), [], `${lang} notices`);
      assert.ok(said.some((text) => text.includes(lang === 'es' ? 'Se ignoró' : '已忽略')));
      // The notice's own lines stay inside the window, none cut. (The stage under it is checked
      // above without a notice: with one, and Spanish's two-line header, the lanes at 800 px tall
      // are too short for the customer's screen and its button; the English page fits.)
      const box = await page.locator('.url-notice').boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 1280, `${lang} notice box`);
      const cut = await page.evaluate(
        () =>
          [...document.querySelectorAll('.url-notice li')].filter(
            (li) => li.scrollWidth > li.clientWidth + 1,
          ).length,
      );
      assert.equal(cut, 0, `${lang} notice lines cut`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('keeps a language picked in the header in Copy link, and in the address', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${app.url}?v=1&scenario=checkout&autoplay=0`);
    await page.locator('.button-play').waitFor();
    await page.locator('.language-picker select').selectOption('zh-CN');
    await page.getByRole('button', { name: '播放', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'zh-CN');
    await page.evaluate(() => {
      navigator.clipboard.writeText = async (text) => void (window.copied = text);
    });
    await page.getByRole('button', { name: '复制链接', exact: true }).click();
    await page.getByText('链接已复制').waitFor();
    const link = await page.evaluate(() => window.copied);
    assert.equal(new URL(link).searchParams.get('lang'), 'zh-CN');
    await page.close();
    assert.deepEqual(errors, []);
  });

  it('reads a first visit without lang= in the browser’s language, and leaves it out of links', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      locale: 'es-MX',
    });
    await page.goto(`${app.url}?v=1&scenario=checkout&autoplay=0`);
    await page.getByRole('button', { name: 'Reproducir', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await page.evaluate(() => {
      navigator.clipboard.writeText = async (text) => void (window.copied = text);
    });
    await page.getByRole('button', { name: 'Copiar enlace', exact: true }).click();
    await page.getByText('Enlace copiado').waitFor();
    const link = await page.evaluate(() => window.copied);
    assert.equal(new URL(link).searchParams.get('lang'), null);
    await page.close();
    assert.deepEqual(errors, []);
  });

  it('names the languages there are for a lang it does not have', async () => {
    const { page, errors } = await newPageWithErrors(app.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${app.url}?v=1&scenario=checkout&autoplay=0&lang=fr`);
    await page.locator('.button-play').waitFor();
    await page.getByText('Ignored lang=fr: one of en, es, zh-CN, en-XA.').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.close();
    assert.deepEqual(errors, []);
  });
});
