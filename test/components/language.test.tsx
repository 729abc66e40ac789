// @vitest-environment jsdom
// The translated area (the header, the playback bar, the lesson picker) in another language: the
// pseudo-locale leaves none of the English catalog's words in its text or its labels, so that a
// string written outside the catalogs would show; Spanish reads by the catalog, names included;
// and the page's <html lang> follows.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../src/i18n/catalogs/en.json';
import { LANGUAGE_NAMES, PSEUDO_LOCALE } from '../../src/i18n/locales.ts';
import { setLocale } from '../../src/i18n/runtime.ts';
import { renderApp } from '../support/renderApp.tsx';

/** The English messages as they show, those without arguments. */
const ENGLISH_TEXTS = new Set(Object.values(english).filter((m: string) => !m.includes('{')));

/** Names that stay as they are in every language: the product's and others', and each language's
 * own name in the language picker. */
const PRODUCT_NAMES = new RegExp(
  ['Sync vs Async', 'Google Slides', 'iframe', 'PNG', 'Esc', PSEUDO_LOCALE]
    .concat(Object.values(LANGUAGE_NAMES))
    .join('|'),
  'g',
);

/** Every text the area shows or says: each element's own text, and its labels and titles. */
function areaTexts(): string[] {
  const roots = [...document.querySelectorAll('.app-header, .playback')];
  expect(roots).toHaveLength(2);
  const texts: string[] = [];
  for (const root of roots) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
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
}

function labelled(label: string): Element {
  const el = document.querySelector(`[aria-label="${label}"]`);
  if (!el) throw new Error(`nothing labelled ${label}`);
  return el;
}

async function switchTo(locale: 'en' | 'es' | 'en-XA') {
  await act(async () => {
    await setLocale(locale, { chosen: true, root: document.documentElement });
  });
}

afterEach(async () => {
  await setLocale('en', { chosen: false });
  cleanup();
});

describe('the translated area', () => {
  it('shows English catalog strings in English (the check below can fail)', () => {
    renderApp();
    const shown = areaTexts().filter((text) => ENGLISH_TEXTS.has(text));
    expect(shown).toEqual(expect.arrayContaining(['Play', 'Speed', 'Lesson tools', 'Mode']));
  });

  it('in the pseudo-locale shows no English catalog string, every word accented', async () => {
    renderApp();
    await switchTo('en-XA');
    const texts = areaTexts();
    expect(texts.filter((text) => ENGLISH_TEXTS.has(text))).toEqual([]);
    // A word of plain letters is a string from outside the catalogs (product names aside).
    const plain = texts.filter((text) => /[A-Za-z]{2,}/.test(text.replace(PRODUCT_NAMES, '')));
    expect(plain).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(['Þļààý', 'Šþéééđ', 'Ļéšššöññ ţöööļš']));
    expect(document.documentElement.lang).toBe('en-XA');
  });

  it('reads Spanish by the catalog, the buttons’ names and the clock included', async () => {
    renderApp();
    await switchTo('es');
    fireEvent.click(screen.getByText('Reproducir'));
    expect(screen.getByText('Pausa')).toBeInTheDocument();
    fireEvent.click(screen.getByText('Pausa'));
    // By attribute: Testing Library's label queries take seconds over the whole app in jsdom.
    fireEvent.click(labelled('Avanzar al siguiente evento'));
    expect(screen.getByTestId('sim-time')).toHaveTextContent('0,20 s');
    const picker = document.querySelector('.scenario-picker')!;
    expect(picker.querySelector('label')).toHaveTextContent('Lección');
    expect(picker.querySelector('select')).toHaveTextContent('2. Se cae el servicio de correo');
    expect(document.documentElement.lang).toBe('es');
  });

  it('switches back to English from the picker', async () => {
    renderApp();
    await switchTo('es');
    await act(async () => {
      const picker = document.querySelector('.language-picker')!;
      expect(picker.querySelector('label')).toHaveTextContent('Idioma');
      fireEvent.change(picker.querySelector('select')!, {
        target: { value: 'en' },
      });
      await Promise.resolve();
    });
    expect(screen.getByText('Play')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});
