// @vitest-environment jsdom
// The printable handout's own words (its toolbar, headings, the lines around the lesson's texts
// and the list of handouts) follow the page's language; the lesson's texts themselves come with
// the lessons' catalogs. In the pseudo-locale, every word the handout adds is accented.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pseudoText } from '../../scripts/lib/catalogPlugin.mjs';
import HandoutPage from '../../src/components/handout/HandoutPage.tsx';
import { setLocale } from '../../src/i18n/runtime.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { localLesson } from '../../src/lessons/localLesson.ts';
import { findScenario } from '../../src/scenarios/index.ts';
import { loadLesson } from '../../src/scenarios/load.ts';

async function switchTo(locale: Locale) {
  await act(async () => {
    await setLocale(locale, { chosen: true });
  });
}

beforeAll(async () => {
  await loadLesson('email-outage');
});

afterEach(async () => {
  await setLocale('en', { chosen: false });
  cleanup();
});

describe("the handout's own words", () => {
  it('read in English by default, as they always have', () => {
    render(<HandoutPage id="email-outage" />);
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What the run shows' })).toBeInTheDocument();
    expect(document.querySelector('.handout-reveal')).toHaveTextContent(/^The answer in numbers: /);
  });

  it('read in Spanish, the lesson’s numbers still in bold', async () => {
    render(<HandoutPage id="email-outage" />);
    await switchTo('es');
    expect(screen.getByRole('button', { name: 'Imprimir' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Abrir la lección' })).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Pregunta antes de pulsar Reproducir' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Lo que muestra la ejecución' }),
    ).toBeInTheDocument();
    expect(document.querySelector('.handout-kicker')).toHaveTextContent(
      /^Sync vs Async · lección \d+ de \d+ · para el docente$/,
    );
    const reveal = document.querySelector('.handout-reveal')!;
    expect(reveal).toHaveTextContent(/^La respuesta en cifras: /);
    expect(reveal.querySelectorAll('strong').length).toBeGreaterThan(0);
    expect(reveal.textContent).not.toContain('**');
    expect(document.querySelector('th[scope="col"]')).toHaveTextContent('Carril');
  });

  it('read in Chinese in the list of handouts, an unknown lesson named', async () => {
    render(<HandoutPage id="no-such-lesson" />);
    await switchTo('zh-CN');
    expect(screen.getByRole('heading', { name: '课程讲义' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('没有名为“no-such-lesson”的课程');
    expect(document.title).toBe('课程讲义（Sync vs Async）');
  });

  it('are each accented in the pseudo-locale', async () => {
    render(<HandoutPage id="email-outage" />);
    await switchTo('en-XA');
    for (const words of ['Print', 'Open the lesson', 'All handouts', 'For discussion']) {
      expect(screen.getByText(pseudoText(words))).toBeInTheDocument();
    }
  });

  it('give the lesson’s own words, numbers, moments and tallies in the language too', async () => {
    render(<HandoutPage id="email-outage" />);
    const english = document.querySelector('.handout')!.textContent!;
    await switchTo('es');
    const handout = document.querySelector('.handout')!;
    const text = handout.textContent!;
    const own = findScenario('email-outage')!;
    // The lesson's words: none of its English sentences is left, its Spanish ones are there.
    for (const sentence of [
      own.teaches,
      own.premise,
      own.prediction.question,
      ...own.beats.map((b) => b.caption),
    ]) {
      expect(english).toContain(sentence);
      expect(text).not.toContain(sentence);
    }
    const es = localLesson(own, 'es');
    for (const sentence of [es.teaches, es.premise, es.prediction.question, es.beats[0]!.caption]) {
      expect(text).toContain(sentence);
    }
    // The run's moments and numbers with the Spanish decimal sign, the tallies in Spanish.
    const heads = [...handout.querySelectorAll('th[scope="col"]')].map((th) => th.textContent);
    expect(heads[1]).toMatch(/^En la última leyenda \((\d+:)?\d+,\d+( s)?\)$/);
    expect(heads[2]).toMatch(/^Cuando la ejecución se ha estabilizado \((\d+:)?\d+,\d+( s)?\)$/);
    expect(document.querySelector('.handout-captions .handout-at')).toHaveTextContent(
      /^\d+,\d+ s$/,
    );
    expect(handout.querySelector('.handout-table tbody')).toHaveTextContent(/correos? enviados?/);
    expect(handout.querySelector('.handout-table tbody')).not.toHaveTextContent(/emails? sent/);
  });
});
