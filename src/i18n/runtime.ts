/** The page's one translator, over catalogs that messageformat compiled at build time
 * (scripts/lib/catalogPlugin.mjs): each message a function of its arguments, so no ICU parser
 * ships. English is in the first load; the other catalogs load when chosen, each its own chunk.
 * Which language is on, and whether the reader chose it (a link, the picker, a host) or the
 * browser's language gave it, are kept here: a link carries only a chosen language. */
import en from 'virtual:catalog/en';
import { LOADERS } from 'virtual:catalog/languages';
import type en_source from './catalogs/en.json';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';

/** A message's id: a key of the English catalog, the one every other catalog is checked against. */
export type MessageId = keyof typeof en_source;
export type MessageValues = Readonly<Record<string, string | number>>;
type Catalog = typeof en;

const catalogs = new Map<Locale, Catalog>([['en', en]]);
/** English messages loaded after the first screen with the part of the page that uses them
 * (addEnglish, `src/i18n/parts/`): the controls', the close-ups', the dialogs', the area below the
 * stage's and the exports'. */
const laterEnglish: Catalog[] = [];

/** Adds English messages that a part loaded after the first screen brings along. */
export function addEnglish(messages: Catalog): void {
  laterEnglish.push(messages);
}
let locale: Locale = DEFAULT_LOCALE;
let catalog: Catalog = en;
/** Whether the reader chose the language on; links write only a chosen one. */
let chosen = false;
/** The latest request, so that a slow catalog arriving after a later choice is not switched on. */
let latest = 0;
const listeners = new Set<() => void>();

/** Loads a locale's catalog, once. Rejects when its chunk cannot be fetched. */
export async function loadLocale(wanted: Locale): Promise<Catalog> {
  const known = catalogs.get(wanted);
  if (known) return known;
  const load = LOADERS[wanted];
  if (!load) throw new Error(`no catalog for ${wanted}`);
  const { default: messages } = await load();
  catalogs.set(wanted, messages);
  return messages;
}

/** Switches the page to `wanted` once its catalog is in: `chosen` when the reader (a link, the
 * picker, a host) asked for it rather than the browser's language. Sets `<html lang>` when given
 * the root. Resolves false when a later request overtook this one; rejects when the catalog
 * cannot load, and the language stays as it was. */
export async function setLocale(
  wanted: Locale,
  options: { chosen: boolean; root?: HTMLElement | undefined },
): Promise<boolean> {
  const request = ++latest;
  const messages = await loadLocale(wanted);
  if (request !== latest) return false;
  chosen = options.chosen;
  if (options.root) options.root.lang = wanted;
  locale = wanted;
  catalog = messages;
  for (const listener of listeners) listener();
  return true;
}

export function currentLocale(): Locale {
  return locale;
}

/** The language a link should carry: the one on, if the reader chose it, else none. */
export function linkLocale(): Locale | null {
  return chosen ? locale : null;
}

/** Calls `listener` after each switch (or re-choice) of the language; returns how to stop. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A message in `inLocale` (the language on when undefined) as its catalog has it, or undefined
 * when that catalog has not loaded or lacks it: for words whose English comes with their own
 * chunk rather than the catalog (a lesson's), which the caller falls back to. */
export function translated(
  id: string,
  values?: MessageValues,
  inLocale: Locale = locale,
): string | undefined {
  const message = catalogs.get(inLocale)?.[id];
  return message ? message(values) : undefined;
}

/** A message in the language on, or in `inLocale` if its catalog has loaded; one a catalog lacks
 * reads in English rather than as its id (the catalog test keeps every catalog whole). */
export function t(id: MessageId, values?: MessageValues, inLocale?: Locale): string {
  const messages = (inLocale === undefined ? undefined : catalogs.get(inLocale)) ?? catalog;
  const message = messages[id] ?? en[id] ?? laterEnglish.find((part) => part[id])?.[id];
  return message ? message(values) : id;
}
