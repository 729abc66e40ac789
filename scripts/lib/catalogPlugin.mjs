// Compiles the translation catalogs (src/i18n/catalogs/<locale>.json, ICU MessageFormat) at build
// time with messageformat, each message into a small function, so that the page ships no ICU
// parser and evaluates no code: `import messages from 'virtual:catalog/es'` gives the Spanish
// catalog compiled, importing only messageformat's runtime helpers (plural rules, numbers by Intl).
// The pseudo-locale (PSEUDO) is made here from the English catalog: its text accented and about a
// third longer, arguments and plural syntax untouched, so that a test sees at once a string that
// is not in the catalogs, or a label cut short.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/compile-module.js';
import { parse } from '@messageformat/parser';

export const PSEUDO = 'en-XA';
/** English messages that load with the part of the page that shows them rather than in the first
 * load: `virtual:catalog/en` leaves them all out, and `virtual:catalog/en-<part>` has only that
 * part's (imported by `src/i18n/parts/<part>.ts`, which the part's chunk imports first). Other
 * languages load whole, on demand. A part is a list of id prefixes, or a test of the id. */
const byPrefix =
  (...prefixes) =>
  (id) =>
    prefixes.some((prefix) => id.startsWith(prefix));
export const ENGLISH_PARTS = {
  /** The side panel's controls: settings, units, brokers, the Design section. */
  controls: byPrefix(
    'setting.',
    'broker.',
    'controls.',
    'unit.',
    'design.',
    'flowSteps.',
    'flowStep.',
    'dualWrite.',
    'backoff.',
    'distribution.',
  ),
  /** A lesson's words (its title, in the picker, stays in the first load), the exercise's and the
   * leases' names in captions. Never loaded: their English comes with the lesson's own chunk and
   * the catalog repeats it for translators (src/lessons/localLesson.ts). */
  lessons: (id) =>
    (id.startsWith('lesson.') && !id.endsWith('.title')) ||
    id.startsWith('exercise.') ||
    id.startsWith('leaseName.'),
  /** The brokers' close-ups, a chunk loaded when one opens (its button's words, `closeupButton.`,
   * are in the first load). */
  closeups: byPrefix('closeup.'),
  /** Below the stage: the waterfall, the event log, the charts, What if?, an order's details. */
  analysis: byPrefix('analysis.', 'waterfall.', 'eventLog.', 'whatif.', 'orderDetails.'),
  /** What the page makes to take away: the export menu, the handout, the poster, videos. */
  exports: byPrefix('export.', 'handout.', 'poster.', 'video.'),
  /** The lesson dialogs' own words (the quiz, the keyboard shortcuts): the dialogs load after
   * the first screen (components/lessons/LessonDialogs.tsx). */
  dialogs: byPrefix('lessonUi.exercise.', 'lessonUi.shortcuts.'),
};
/** The English part a message loads with, or undefined for the first load. */
export function englishPart(id) {
  return Object.keys(ENGLISH_PARTS).find((part) => ENGLISH_PARTS[part](id));
}
const PREFIX = 'virtual:catalog/';
const RESOLVED = '\0catalog:';

/** The language whose plural rules a locale follows, as messageformat names them: its language
 * subtag ("zh" for zh-CN), English for the pseudo-locale. */
const pluralsOf = (locale) => (locale === PSEUDO ? 'en' : locale.split('-')[0]);

/** The message each catalog names its language with, in that language, for the picker. */
export const NAME_ID = 'language.name';
export const LANGUAGES_MODULE = 'languages';

/** The languages there are: a catalog file each, English first, then in the order of their
 * tags. Adding a language is adding its file. */
export function catalogLocales(dir) {
  const tags = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length));
  if (!tags.includes('en')) throw new Error(`no en.json in ${dir.pathname ?? dir}`);
  return ['en', ...tags.filter((tag) => tag !== 'en').sort()];
}

/** The module that lists the languages, their names and how to load each catalog: what the page
 * knows of its languages before it loads any but English. */
export function languagesModule(dir) {
  const locales = catalogLocales(dir);
  const names = {};
  for (const locale of locales) {
    const name = readCatalog(dir, locale).messages[NAME_ID];
    if (typeof name !== 'string' || name.trim() === '' || /[{}]/.test(name)) {
      throw new Error(`${locale}.json: ${NAME_ID} must name the language in its own words`);
    }
    names[locale] = name;
  }
  const loaders = [...locales.slice(1), PSEUDO]
    .map(
      (locale) => `  ${JSON.stringify(locale)}: () => import(${JSON.stringify(PREFIX + locale)}),`,
    )
    .join('\n');
  return [
    `export const LANGUAGES = ${JSON.stringify(locales)};`,
    `export const LANGUAGE_NAMES = ${JSON.stringify(names)};`,
    `export const PSEUDO_LOCALE = ${JSON.stringify(PSEUDO)};`,
    `export const LOADERS = {\n${loaders}\n};`,
  ].join('\n');
}

const PAIRS = 'aàbƀcçdđeéfƒgĝhĥiîjĵkķlļmɱnñoöpþqǫrŕsštţuûvṽwŵxẋyýzž';
const ACCENTS = {};
for (let i = 0; i < PAIRS.length; i += 2) {
  ACCENTS[PAIRS[i]] = PAIRS[i + 1];
  ACCENTS[PAIRS[i].toUpperCase()] = PAIRS[i + 1].toUpperCase();
}

/** Text made pseudo: every letter accented and every third one doubled, about 35 % longer; spaces
 * and punctuation stay, so that it wraps as a real language would. */
export function pseudoText(text) {
  let letters = 0;
  let out = '';
  for (const c of text) {
    const accented = ACCENTS[c];
    if (accented === undefined) {
      out += c;
      continue;
    }
    out += accented;
    letters += 1;
    if (letters % 3 === 0) out += accented;
  }
  return out;
}

/** The content tokens of a parsed message, those inside plural and select cases too. */
function contents(tokens) {
  return tokens.flatMap((token) => {
    if (token.type === 'content') return [token];
    if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
      return token.cases.flatMap((c) => contents(c.tokens));
    }
    return [];
  });
}

/** An ICU message with only its text made pseudo: each piece of text rewritten where it stands. */
export function pseudoMessage(message) {
  const pieces = contents(parse(message)).sort((a, b) => b.ctx.offset - a.ctx.offset);
  let out = message;
  for (const { ctx } of pieces) {
    const end = ctx.offset + ctx.text.length;
    out = `${out.slice(0, ctx.offset)}${pseudoText(ctx.text)}${out.slice(end)}`;
  }
  return out;
}

/** The catalog of a locale, as its file has it: a flat object of message id to ICU message. */
export function readCatalog(dir, locale) {
  const file = new URL(`${locale === PSEUDO ? 'en' : locale}.json`, dir);
  if (!existsSync(file)) {
    throw new Error(`no catalog for ${locale}: the catalogs are ${catalogLocales(dir).join(', ')}`);
  }
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  if (locale !== PSEUDO) return { file, messages };
  const pseudo = Object.entries(messages).map(([id, text]) => [id, pseudoMessage(text)]);
  return { file, messages: Object.fromEntries(pseudo) };
}

/** The catalog as the source of an ES module; a message that does not parse fails the build,
 * naming it. */
export function compileCatalog(messages, locale) {
  const plurals = pluralsOf(locale);
  if (!MessageFormat.supportedLocalesOf(plurals).length) {
    throw new Error(`messageformat has no plural rules for ${locale} (${plurals})`);
  }
  for (const [id, message] of Object.entries(messages)) {
    try {
      parse(message);
    } catch (error) {
      throw new Error(`${locale}.json, ${id}: ${error.message}`, { cause: error });
    }
  }
  return compileModule(new MessageFormat(plurals), messages);
}

/** The Vite plugin: `dir` is the catalogs' folder, as a file URL ending in a slash. */
export function catalogPlugin(dir) {
  return {
    name: 'i18n-catalogs',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `${RESOLVED}${id.slice(PREFIX.length)}` : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const name = id.slice(RESOLVED.length);
      if (name === LANGUAGES_MODULE) {
        for (const locale of catalogLocales(dir)) {
          this.addWatchFile(new URL(`${locale}.json`, dir).pathname);
        }
        return languagesModule(dir);
      }
      const asPart = name.startsWith('en-') ? name.slice(3) : undefined;
      const part = asPart !== undefined && asPart in ENGLISH_PARTS ? asPart : undefined;
      const locale = part === undefined ? name : 'en';
      const { file, messages } = readCatalog(dir, locale);
      this.addWatchFile(file.pathname);
      if (locale !== 'en') return compileCatalog(messages, locale);
      const mine = Object.entries(messages).filter(([key]) => englishPart(key) === part);
      return compileCatalog(Object.fromEntries(mine), locale);
    },
  };
}
