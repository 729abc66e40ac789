// The page in Spanish and Simplified Chinese, as a class in Madrid or Shanghai opens it: at a
// laptop's 1280 x 800 and embedded in a 640 x 360 slide, the translated area (the header, the
// playback bar, the lesson picker, the tallies, the side panel's controls and view options, their
// labels, the lanes' headings and customers' screens, the link's notices) shows none of the English catalog's
// words, Chinese no Latin word but product names, <html lang> follows, and the stage's layout
// checks pass as they do in English. Screenshots go to artifacts/screenshots/i18n/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from '@messageformat/parser';
import { newPageWithErrors, ROOT, start } from '../../scripts/lib/browser.mjs';
import { layoutProblems } from '../../scripts/lib/layoutChecks.mjs';

const SHOTS = join(ROOT, 'artifacts', 'screenshots', 'i18n');
const ENGLISH = JSON.parse(readFileSync(join(ROOT, 'src', 'i18n', 'catalogs', 'en.json'), 'utf8'));

/** The pieces of text of an ICU message, between its arguments and within its cases. */
function pieces(tokens) {
  return tokens.flatMap((token) => {
    if (token.type === 'content') return [token.value];
    return 'cases' in token ? token.cases.flatMap((c) => pieces(c.tokens)) : [];
  });
}

/** The English catalog's words as they can show ("error page", "Play"), those of a single word
 * only as a whole text ("error" is Spanish too). */
const PIECES = Object.values(ENGLISH)
  .flatMap((message) => pieces(parse(message)))
  .map((piece) => piece.trim())
  .filter((piece) => /[A-Za-z]{2,}/.test(piece));
const PHRASES = [...new Set(PIECES.filter((piece) => /\s/.test(piece)))];
const WORDS = new Set(PIECES.filter((piece) => !/\s/.test(piece)));
/** Names that stay as they are: the product's and others', and each language's own name. */
const KEPT = new RegExp(
  [
    'Sync vs Async',
    'Google Slides',
    'Amazon SQS',
    'SQS',
    'RabbitMQ',
    'Kafka',
    'Redis Streams',
    'Redis',
    'iframe',
    'PNG',
    'Esc',
    'English',
    'Español',
    'en-XA',
    // The brokers' own terms and settings, which a course in any language writes as they are.
    'maxReceiveCount',
    'redrive policy',
    'exchange',
    'topic',
    'stream',
    'outbox',
    'Web',
    'basic\\.qos',
    'num\\.partitions',
    'XAUTOCLAIM',
    // The random times the Exact box takes, typed as code.
    'exp\\(800\\)',
    'uniform\\(600,1000\\)',
    'lognormal\\(800,400\\)',
  ].join('|'),
  'g',
);
/** Unit symbols, the same in every language the page has. */
const SYMBOLS = /^(ms|s|%|\/s)$/;
/** The translated areas: the header, the playback bar, the tallies, the side panel's own, the
 * lanes' headings, the customers' screens and what screen readers hear of them, and the notices. */
const AREAS =
  '.app-header, .playback, .tallies, .side-panel-close, .side-panel .controls, .side-panel .view-options, ' +
  '.lane-header, .user-screen, .status-summary, .orders-table > summary, .url-notices, .jump-progress';

let app;
before(async () => {
  app = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => app?.close());

/** The area's texts as shown and said: each visible element's own text, labels and titles. */
function areaTexts(page) {
  return page.evaluate((areas) => {
    const texts = [];
    const roots = document.querySelectorAll(areas);
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (el.getClientRects().length === 0 && el.tagName !== 'OPTION') continue;
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim();
        if (own) texts.push(own);
        for (const name of ['aria-label', 'title']) {
          const value = el.getAttribute(name);
          if (value) texts.push(value);
        }
      }
    }
    return texts;
  }, AREAS);
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

/** The texts that read as English: a whole English word-message, or an English phrase within. */
function english(texts, lang) {
  return texts.filter((text) => {
    if (SYMBOLS.test(text) || text.replace(KEPT, '').trim() === '') return false;
    if (WORDS.has(text)) return true;
    if (PHRASES.some((phrase) => text.includes(phrase))) return true;
    // Chinese has no Latin words but names: a tally or label in English would show here.
    return lang === 'zh-CN' && /[A-Za-z]{2,}/.test(text.replace(KEPT, ''));
  });
}

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
          const inEnglish = new Set(await layoutProblems(page, { floor }));
          assert.deepEqual(
            stage.filter((problem) => !inEnglish.has(problem)),
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
