// What a browser test reads as English on a page shown in another language: the English catalog's
// words and phrases (a lesson's words are in it too), with the names that stay as they are in
// every language left out. A test passes a page's texts (`visibleTexts`) to `englishIn`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@messageformat/parser';
import { ROOT } from './browser.mjs';

export const ENGLISH = JSON.parse(
  readFileSync(join(ROOT, 'src', 'i18n', 'catalogs', 'en.json'), 'utf8'),
);

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

/** Names that stay as they are: the product's and others', each language's own name, the
 * brokers' own terms and settings (which a course in any language writes as they are), and the
 * random times the Exact box takes, typed as code. */
export const KEPT_NAMES = [
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
  'JSON',
  'CSV',
  'SVG',
  'GIF',
  'WebM',
  'MP4',
  'Topic',
  'Stream',
  'Esc',
  'English',
  'Español',
  'en-XA',
  'maxReceiveCount',
  'redrive policy',
  'exchange',
  'topic',
  'stream',
  'outbox',
  'Web Worker',
  'Web',
  'basic\\.qos',
  'num\\.partitions',
  'XAUTOCLAIM',
  // RabbitMQ's and Kafka's own words for what a consumer does, and a key's and a client's names,
  // which a Chinese course quotes as they are.
  'ack',
  'reject',
  'requeue',
  'redelivered',
  'order-confirmation',
  'Java',
  'exp\\(800\\)',
  'uniform\\(600,1000\\)',
  'lognormal\\(800,400\\)',
];
const KEPT = new RegExp(KEPT_NAMES.join('|'), 'g');
/** Unit symbols, the same in every language the page has. */
const SYMBOLS = /^(ms|s|%|\/s)$/;

/** The texts that read as English: a whole English word-message, or an English phrase within;
 * in Chinese, any Latin word but the names kept. */
export function englishIn(texts, lang) {
  return texts.filter((text) => {
    if (SYMBOLS.test(text) || text.replace(KEPT, '').trim() === '') return false;
    if (WORDS.has(text)) return true;
    if (PHRASES.some((phrase) => text.includes(phrase))) return true;
    return lang === 'zh-CN' && /[A-Za-z]{2,}/.test(text.replace(KEPT, ''));
  });
}

/** The texts of the elements under `selector` as shown and said: each visible element's own
 * text, its labels and titles (screen-reader-only text included: it is said). */
export function visibleTexts(page, selector) {
  return page.evaluate((selector) => {
    const texts = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (el.getClientRects().length === 0 && el.tagName !== 'OPTION') continue;
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim();
        if (own) texts.push(own);
        for (const name of ['aria-label', 'title', 'aria-valuetext', 'placeholder', 'alt']) {
          const value = el.getAttribute(name);
          if (value) texts.push(value);
        }
      }
    }
    return texts;
  }, selector);
}
