// Adding a language is adding its catalog: the build lists the languages from the catalogs'
// folder, names each in its own words from its catalog, and loads each on demand. Here a folder
// with a French catalog added, and folders that break the rules.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  catalogLocales,
  compileCatalog,
  languagesModule,
} from '../../scripts/lib/catalogPlugin.mjs';

/** A catalogs' folder with these files, as the plugin takes it (a file URL ending in a slash). */
function folder(files: Record<string, Record<string, string>>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'catalogs-'));
  for (const [name, messages] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(messages));
  }
  return pathToFileURL(`${dir}/`);
}

const EN = { 'language.name': 'English', 'playback.play': 'Play' };
const ES = { 'language.name': 'Español', 'playback.play': 'Reproducir' };
const FR = { 'language.name': 'Français', 'playback.play': 'Lecture' };

describe('the languages, from the catalogs’ folder', () => {
  it('lists a language added as a file, English first, named in its own words', () => {
    const dir = folder({ es: ES, en: EN, fr: FR });
    expect(catalogLocales(dir)).toEqual(['en', 'es', 'fr']);
    const code = languagesModule(dir);
    expect(code).toContain('export const LANGUAGES = ["en","es","fr"];');
    expect(code).toContain('"fr":"Français"');
    expect(code).toContain('"fr": () => import("virtual:catalog/fr")');
    expect(code).toContain('"en-XA": () => import("virtual:catalog/en-XA")');
    expect(code).not.toContain('"en": () =>');
  });

  it('refuses a catalog that does not name its language, or a folder without English', () => {
    expect(() => languagesModule(folder({ en: EN, fr: { 'playback.play': 'Lecture' } }))).toThrow(
      'fr.json: language.name must name the language in its own words',
    );
    expect(() => catalogLocales(folder({ fr: FR }))).toThrow('no en.json');
  });

  it('compiles a new language with its own plural rules, and refuses one it has none for', () => {
    const plural = { n: '{count, plural, one {# pedido} many {# de pedidos} other {# pedidos}}' };
    expect(() => compileCatalog(plural, 'es')).not.toThrow();
    expect(() => compileCatalog({ n: 'x' }, 'xx-YY')).toThrow('no plural rules for xx-YY');
  });
});
