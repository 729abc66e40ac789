// @vitest-environment jsdom
// The translated areas (the header, the playback bar, the lesson picker, the side panel's controls
// and view options, the area below the stage: its charts, ledger, log and What if?, and the
// exports, a lesson's caption strip, prediction, reveal and goals, the lesson dialogs, the stage's
// diagrams, their key, the brokers' close-ups and the lesson's chart, the lanes and customers'
// screens, what screen readers hear of them, the link's notices) in another language: the
// pseudo-locale leaves none of the English catalog's words in its text or its labels, so that a
// string written outside the catalogs would show; Spanish reads by the catalog, names included;
// and the page's <html lang> follows.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pseudoText } from '../../scripts/lib/catalogPlugin.mjs';
import english from '../../src/i18n/catalogs/en.json';
import { LANGUAGE_NAMES, PSEUDO_LOCALE } from '../../src/i18n/locales.ts';
import { setLocale, t, type MessageId, type MessageValues } from '../../src/i18n/runtime.ts';
import { localLesson } from '../../src/lessons/localLesson.ts';
import { EXERCISE, findScenario, type Scenario } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import type { Simulator } from '../../src/store/simulatorStore.ts';
import { renderApp } from '../support/renderApp.tsx';

/** The English messages as they show, those without arguments (but the languages' own names). */
const ENGLISH_TEXTS = new Set(
  Object.values(english).filter(
    (m: string) => !m.includes('{') && !Object.values(LANGUAGE_NAMES).includes(m),
  ),
);

/** Names that stay as they are in every language: the product's and others', and each language's
 * own name in the language picker. */
const PRODUCT_NAMES = new RegExp(
  ['Sync vs Async', 'Google Slides', 'iframe', 'PNG', 'Esc', PSEUDO_LOCALE]
    .concat(Object.values(LANGUAGE_NAMES))
    .join('|'),
  'g',
);

/** Every text the area shows or says: each element's own text, and its labels and titles. */
function areaTexts(selector = '.app-header, .playback', count = 2): string[] {
  const roots = [...document.querySelectorAll(selector)];
  expect(roots, selector).toHaveLength(count);
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

let marks = 0;
/** An id for an element without one, so that areaTexts can select it alone. */
function mark(el: Element): string {
  el.id = `area-${++marks}`;
  return el.id;
}

function labelled(label: string): Element {
  const el = document.querySelector(`[aria-label="${label}"]`);
  if (!el) throw new Error(`nothing labelled ${label}`);
  return el;
}

async function switchTo(locale: 'en' | 'es' | 'zh-CN' | 'en-XA') {
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

  it('in the pseudo-locale leaves no English in the side panel’s controls, every broker’s included', async () => {
    const sim = renderApp();
    act(() => sim.handles.page.getState().setPanelOpen(true));
    await switchTo('en-XA');
    const panel = '.side-panel-close, .side-panel .controls, .side-panel .view-options';
    // The advanced settings and the exact boxes, open, so that their words are on screen too.
    act(() => {
      document.querySelector<HTMLDetailsElement>('.controls details')!.open = true;
      for (const button of document.querySelectorAll<HTMLElement>('.exact-toggle')) button.click();
    });
    const brokers = [...document.querySelectorAll<HTMLSelectElement>('.broker select')][0]!;
    const texts: string[] = [];
    for (const broker of ['sqs', 'rabbitmq', 'kafka', 'redis', 'ideal']) {
      act(() => {
        fireEvent.change(brokers, { target: { value: broker } });
      });
      texts.push(...areaTexts(panel, 3));
    }
    expect(texts.filter((text) => ENGLISH_TEXTS.has(text) && /[A-Za-z]/.test(text))).toEqual([]);
    // Product names, the brokers' own terms and the distributions typed as code stay as written.
    const names = new RegExp(
      `${PRODUCT_NAMES.source}|SQS|RabbitMQ|Kafka|Redis Streams|Redis|maxReceiveCount|` +
        'basic\\.qos|num\\.partitions|XAUTOCLAIM|exp\\(800\\)|uniform\\(600,1000\\)|lognormal\\(800,400\\)',
      'g',
    );
    const plain = texts.filter((text) => /[A-Za-z]{2,}/.test(text.replace(names, '')));
    expect([...new Set(plain)]).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining([pseudoText('Controls'), pseudoText('Partitions')]),
    );
  });

  it('reads the side panel in Spanish and Chinese, units and numbers included', async () => {
    const sim = renderApp();
    act(() => sim.handles.page.getState().setPanelOpen(true));
    await switchTo('es');
    const controls = document.querySelector('.side-panel .controls')!;
    expect(controls.querySelector('h2')).toHaveTextContent('Controles');
    expect(controls).toHaveTextContent('Cobrar la tarjeta');
    expect(controls).toHaveTextContent('4 consumidores');
    expect(controls).toHaveTextContent('Enviar el correo de confirmación');
    const email = [...controls.querySelectorAll('input[type=range]')][3]!;
    expect(email.getAttribute('aria-valuetext')).toBe('1,5 segundos');
    await switchTo('zh-CN');
    expect(controls.querySelector('h2')).toHaveTextContent('控制面板');
    expect(controls).toHaveTextContent('银行卡扣款');
    expect(controls).toHaveTextContent('死信队列');
    expect(email.getAttribute('aria-valuetext')).toBe('1.5 秒');
  });

  it('in the pseudo-locale leaves no English on the stage: the diagrams under every broker, their key and the lesson’s chart', async () => {
    const sim = renderApp();
    const stage = '.diagram-svg, .queue-button, .legend, .stage-chart';
    const texts: string[] = [];
    await switchTo('en-XA');
    for (const broker of ['sqs', 'rabbitmq', 'kafka', 'redis', 'ideal']) {
      act(() => {
        sim.store.getState().loadScenario('email-outage');
        sim.store.getState().change('queue.broker', broker);
        expect(sim.store.getState().jumpTo(25_000)).toBeUndefined();
        for (let i = 0; i < 200 && sim.store.getState().jump !== null; i++) sim.clock.advance(16);
      });
      // Two lanes' diagrams, the key and the chart; the queue's button but with the ideal broker.
      texts.push(...areaTexts(stage, broker === 'ideal' ? 4 : 5));
    }
    // The brokers' and the partitions' names ("P0") stay as they are.
    const names = new RegExp(`${PRODUCT_NAMES.source}|SQS|RabbitMQ|Kafka|Redis|\\bP\\d+`, 'g');
    const plain = texts.filter((text) => /[A-Za-z]{2,}/.test(text.replace(names, '')));
    expect([...new Set(plain)]).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining([
        pseudoText('Web server'),
        pseudoText('Key to the tokens'),
        pseudoText('Over time'),
        pseudoText('Topic'),
        pseudoText('waiting line'),
        pseudoText('handlers'),
      ]),
    );
  });

  it('in the pseudo-locale leaves no English in the brokers’ close-ups', async () => {
    const sim = renderApp();
    await switchTo('en-XA');
    const texts: string[] = [];
    for (const broker of ['sqs', 'rabbitmq', 'kafka', 'redis']) {
      act(() => {
        sim.store.getState().loadScenario('email-outage');
        sim.store.getState().change('queue.broker', broker);
        expect(sim.store.getState().jumpTo(25_000)).toBeUndefined();
        for (let i = 0; i < 200 && sim.store.getState().jump !== null; i++) sim.clock.advance(16);
      });
      // After the lesson's own choice, which closes the close-up of a lesson not about it.
      act(() => sim.handles.page.getState().setCloseup(true));
      await waitFor(() => expect(document.querySelector('.closeup-body')).not.toBeNull(), {
        timeout: 10_000,
      });
      texts.push(...areaTexts('.closeup', 1));
    }
    // The brokers' names, their own terms and the orders' and offsets' numbers stay as they are.
    const names = new RegExp(`${PRODUCT_NAMES.source}|SQS|RabbitMQ|Kafka|Redis Streams|Redis`, 'g');
    const plain = texts.filter((text) => /[A-Za-z]{2,}/.test(text.replace(names, '')));
    expect([...new Set(plain)]).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining([pseudoText('Close the close-up'), pseudoText('Consumers')]),
    );
  });

  it('in the pseudo-locale leaves no English on the lanes, the customers’ screens and what screen readers hear', async () => {
    const { store, clock } = renderApp();
    await switchTo('en-XA');
    // The words written each frame (the countdowns, the customer's wait) follow at the next one.
    act(() => clock.advance(20));
    const stage =
      '.lane-header, .user-screen, .status-summary, .orders-table > summary, .diagram-fit, ' +
      '[id$="-keys"], [id$="-waits"]';
    const texts: string[] = [];
    const look = () => {
      for (const el of document.querySelectorAll(stage)) {
        // The diagram's own drawing is another area's: only its region's name is the lane's.
        texts.push(
          ...(el.matches('.diagram-fit')
            ? [el.getAttribute('aria-label') ?? '']
            : areaTexts(`#${CSS.escape(el.id || mark(el))}`, 1)),
        );
      }
    };
    look();
    // The customer waiting, then both pages and emails.
    act(() => {
      store.getState().play();
      clock.advance(300);
    });
    look();
    act(() => clock.advance(6000));
    look();
    expect(texts.filter((text) => ENGLISH_TEXTS.has(text) && /[A-Za-z]/.test(text))).toEqual([]);
    const plain = texts.filter((text) => /[A-Za-z]{2,}/.test(text.replace(PRODUCT_NAMES, '')));
    expect([...new Set(plain)]).toEqual([]);
    // The check can fail: the area says these, accented.
    expect(texts).toEqual(
      expect.arrayContaining([
        pseudoText('Page shown'),
        pseudoText('Order confirmed'),
        pseudoText('Nothing is waiting on a timer.'),
      ]),
    );
    expect(document.querySelector('.status-summary')!.textContent).toMatch(/^Öŕđđéŕ 1\. /);
  });

  it('reads the lanes and the customer’s screen in Spanish and Chinese', async () => {
    const { store, clock } = renderApp();
    act(() => {
      store.getState().play();
      clock.advance(6000);
    });
    await switchTo('es');
    const sync = document.querySelector('.lane-sync')!;
    expect(sync.querySelector('.lane-title')).toHaveTextContent('Síncrono: compra');
    expect(sync.querySelector('.user-screen')).toHaveTextContent('Pedido confirmado');
    expect(sync.querySelector('.user-screen')).toHaveTextContent('Página mostrada');
    expect(document.querySelector('.status-summary')).toHaveTextContent(/^Pedido 1\. Síncrono: /);
    await switchTo('zh-CN');
    expect(sync.querySelector('.lane-title')).toHaveTextContent('同步结账');
    expect(sync.querySelector('.user-screen')).toHaveTextContent('订单已确认');
    expect(sync.querySelector('.user-screen')?.getAttribute('aria-label')).toBe('同步：顾客的屏幕');
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

  it('in the pseudo-locale leaves no English below the stage: the charts, the ledger, the log and the exports', async () => {
    const sim = renderApp({}, { mode: 'compare' });
    act(() => {
      sim.store.getState().play();
      sim.store.getState().seek(20_000);
      sim.clock.advance(2_000);
    });
    await switchTo('en-XA');
    // The video dialog, open, so that its words are on screen too.
    fireEvent.click(screen.getByText(pseudoText('Video or GIF of the lesson…')));
    await screen.findByText(pseudoText('Make the video'), {}, { timeout: 15_000 });
    const below = '.analysis, .whatif, .export';
    const texts = areaTexts(below, 3);
    // The event log told the run, so its sentences are among the texts checked.
    expect(document.querySelectorAll('.an-log li').length).toBeGreaterThan(0);
    expect(texts.filter((text) => ENGLISH_TEXTS.has(text) && /[A-Za-z]/.test(text))).toEqual([]);
    // Product names and file formats keep their names; p50, λ, L and W are the charts' symbols.
    const names = new RegExp(
      `${PRODUCT_NAMES.source}|CSV|JSON|SVG|GIF|WebM \\(VP9\\)|MP4 \\(H\\.264\\)`,
      'g',
    );
    const plain = texts.filter((text) => /[A-Za-z]{2,}/.test(text.replace(names, '')));
    expect([...new Set(plain)]).toEqual([]);
    // The area did show its words: headings, a chart's title, the ledger and the export buttons.
    expect(texts).toEqual(
      expect.arrayContaining([
        pseudoText('What happened'),
        pseudoText('What happened to the orders'),
        pseudoText('Messages waiting in the queue'),
        pseudoText('simulated time'),
        pseudoText('Orders (CSV)'),
        pseudoText('Frames a second'),
      ]),
    );
  });

  it('reads the area below the stage in Spanish and Chinese, numbers included', async () => {
    const sim = renderApp({}, { mode: 'compare' });
    act(() => {
      sim.store.getState().play();
      sim.store.getState().seek(20_000);
      sim.clock.advance(2_000);
    });
    await switchTo('es');
    const analysis = document.querySelector('.analysis')!;
    expect(analysis.querySelector('h2')).toHaveTextContent('Qué ha pasado');
    expect(analysis).toHaveTextContent('Qué pasó con los pedidos');
    expect(analysis).toHaveTextContent('Pedidos realizados');
    expect(analysis).toHaveTextContent('La ley de Little en la cola');
    // The percentiles under a histogram, with the Spanish decimal sign.
    expect(analysis).toHaveTextContent('p50 1,05 s · p95 1,05 s · p99 1,05 s · 1 respuesta');
    // The event log's sentences, from the catalog.
    expect(analysis).toHaveTextContent('Pedido 1 realizado');
    expect(document.querySelector('.export h2')).toHaveTextContent('Exportar');
    await switchTo('zh-CN');
    expect(analysis.querySelector('h2')).toHaveTextContent('运行结果');
    expect(analysis).toHaveTextContent('队列的利特尔法则');
    expect(analysis).toHaveTextContent('消费者：当前');
    expect(analysis).toHaveTextContent('p50 1.05 秒');
    expect(analysis).toHaveTextContent('订单 1 已下单');
    expect(document.querySelector('.whatif button')).toHaveTextContent('如果……会怎样？');
  });
});

/** Words of plain letters left once product names are taken out: strings from outside the
 * catalogs, in the pseudo-locale. */
const plainWords = (texts: readonly string[]) =>
  [...new Set(texts)].filter((text) => /[A-Za-z]{2,}/.test(text.replace(PRODUCT_NAMES, '')));

/** A message as the pseudo-locale says it (its catalog loaded by the test first). */
const said = (id: MessageId, values?: MessageValues) => t(id, values, PSEUDO_LOCALE);

const appRoot = () => document.querySelector<HTMLElement>('.app')!;

/** Picks a lesson in the header's picker, whatever its language, and waits for it to open. */
async function pickLesson(id: string): Promise<Scenario> {
  const picker = document.querySelector<HTMLSelectElement>('.scenario-picker select')!;
  fireEvent.change(picker, { target: { value: id } });
  await waitFor(() => expect(picker).toHaveAttribute('aria-busy', 'false'));
  return findScenario(id)!;
}

/** The option of the lesson's question that is (or is not) its answer. */
const optionId = (s: Scenario, right: boolean) =>
  s.prediction.options.find((o) => (o.id === s.prediction.answer) === right)!.id;

/** The answer's label as the lesson's own (English) file has it. */
const optionLabel = (s: Scenario) =>
  s.prediction.options.find((o) => o.id === s.prediction.answer)!.label;

function goToLastCaption(simulator: Simulator) {
  const last = simulator.store.getState().beats.at(-1)!;
  act(() => void simulator.store.getState().jumpTo(last.atSec * 1000));
}

describe('a lesson in the pseudo-locale', () => {
  it('leaves no English in its caption strip, prediction, reveal and goals', async () => {
    const { simulator, handles, store } = renderApp();
    const page = handles.page;
    act(() => page.getState().setPanelOpen(true));
    await switchTo('en-XA');
    const scenario = await pickLesson('checkout');
    const texts: string[] = [];
    const lessonAreas = '.lesson, .lesson-side';
    // At 0 s: the strip on its first caption, the question on the stage, a hint beside it.
    texts.push(...areaTexts(`${lessonAreas}, .prediction-overlay`, 3));
    const onStage = document.querySelector('.prediction-overlay')!;
    // Locked in with no answer picked, it asks for one.
    fireEvent.click(onStage.querySelector('button[type=submit]')!);
    texts.push(...areaTexts('.prediction-overlay', 1));
    fireEvent.click(onStage.querySelector(`input[value="${optionId(scenario, false)}"]`)!);
    fireEvent.click(onStage.querySelector('button[type=submit]')!);
    act(() => store.getState().pause());
    // The answer locked in, the card in the side panel waits for the run.
    texts.push(...areaTexts(lessonAreas, 2));
    // A caption's link, where the clipboard is refused: the link to copy by hand.
    fireEvent.keyDown(appRoot(), { key: 'PageDown' });
    await act(async () => {
      fireEvent.click(document.querySelector('.beat-link button')!);
      await Promise.resolve();
    });
    texts.push(...areaTexts('.lesson', 1));
    // The end: the caption strip's last caption, the reveal on the stage and in the side panel,
    // the goals ticked.
    goToLastCaption(simulator);
    texts.push(...areaTexts(`${lessonAreas}, .stage-reveal-layer`, 3));
    // With the panel closed the stage announces the verdict; closed, the reveal leaves a button.
    act(() => page.getState().setPanelOpen(false));
    texts.push(...areaTexts('.stage-reveal-layer', 1));
    fireEvent.click(document.querySelector('.stage-reveal-close')!);
    texts.push(...areaTexts('.stage-reveal-layer', 1));
    // A slower email from 0 s leaves the last caption out: the strip says why, the summary so.
    act(() => page.getState().setPanelOpen(true));
    act(() => void store.getState().jumpTo(0));
    act(() => void store.getState().change('latency.email', '2000'));
    expect(store.getState().captionsLeftOut).toHaveLength(1);
    act(() => void store.getState().jumpTo(4000));
    texts.push(...areaTexts(`${lessonAreas}, .stage-reveal-layer`, 3));

    expect(texts.filter((text) => ENGLISH_TEXTS.has(text))).toEqual([]);
    expect(plainWords(texts)).toEqual([]);
    // The areas were read: each of these is there, pseudo.
    expect(texts).toEqual(
      expect.arrayContaining(
        [
          'Your prediction',
          'Pick one of the answers first.',
          'Play the lesson to find out.',
          'Copy the selected link',
          'Goals',
          'Close the answer',
          'Answer',
        ].map(pseudoText),
      ),
    );
    const wrong = localLesson(scenario, PSEUDO_LOCALE).prediction.options.find(
      (o) => o.id === optionId(scenario, false),
    )!.label;
    expect(texts).toEqual(
      expect.arrayContaining([
        said('lessonUi.caption.count', { number: 4, count: 4 }),
        said('lessonUi.reveal.wrong', { yours: wrong }),
        said('lessonUi.caption.leftOut', { count: 1 }),
      ]),
    );
    // Messages whose argument is a time: their words before it.
    for (const id of ['lessonUi.goals.tickedAt', 'lessonUi.reveal.inThisRun'] as const) {
      const words = said(id, { time: '', label: '' });
      expect(texts.some((text) => text.startsWith(words))).toBe(true);
    }
    expect(texts.join('\n')).toContain(
      said('lessonUi.caption.noLongerHolds', { number: 4, time: '' }).slice(0, -1),
    );
  });

  it('leaves no English in the way on after the last lesson, nor in an embed’s one-line reveal', async () => {
    const { simulator, store } = renderApp();
    await switchTo('en-XA');
    await pickLesson(SCENARIOS.at(-1)!.id);
    fireEvent.click(
      document.querySelector('.prediction-overlay .prediction-actions .button:not([type=submit])')!,
    );
    act(() => store.getState().pause());
    goToLastCaption(simulator);
    const texts = areaTexts('.stage-reveal-layer', 1);
    expect(texts).toEqual(expect.arrayContaining([pseudoText('That was the last lesson.')]));
    cleanup();
    const embed = renderApp({}, { embed: true, scenario: 'email-outage' });
    act(() => void embed.store.getState().loadScenario('email-outage'));
    goToLastCaption(embed.simulator);
    const line = areaTexts('.stage-reveal-line', 1);
    expect(line.join(' ')).toContain(pseudoText('Answer'));
    texts.push(...line);
    expect(texts.filter((text) => ENGLISH_TEXTS.has(text))).toEqual([]);
    expect(plainWords(texts)).toEqual([]);
  });

  it('leaves no English in the quiz and the keyboard shortcuts', async () => {
    const { handles } = renderApp();
    await switchTo('en-XA');
    act(() => handles.page.getState().openDialog('exercise'));
    const [first, second] = EXERCISE;
    const pick = (id: string, choice: string) =>
      fireEvent.click(document.querySelector(`input[name="exercise-${id}"][value="${choice}"]`)!);
    pick(first!.id, first!.answer === 'sync' ? 'async' : 'sync');
    pick(second!.id, second!.answer);
    // Both dialogs are in the page, the closed one too (a closed <dialog> keeps its content).
    const texts = areaTexts('dialog.lesson-dialog', 2);
    expect(texts.filter((text) => ENGLISH_TEXTS.has(text))).toEqual([]);
    expect(plainWords(texts)).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining(
        ['Sync or async?', 'Right.', 'Keyboard shortcuts', 'Space', 'Page Down'].map(pseudoText),
      ),
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        said('lessonUi.exercise.soFar', { right: 1, answered: 2, left: EXERCISE.length - 2 }),
        said('lessonUi.exercise.notQuite', { answer: first!.answer }),
      ]),
    );
  });
});

describe('a lesson in Spanish and Chinese', () => {
  it('counts captions, goals and the quiz’s score by the language’s words and plurals', async () => {
    const { simulator, handles, store } = renderApp();
    act(() => handles.page.getState().setPanelOpen(true));
    await switchTo('es');
    const scenario = await pickLesson('checkout');
    const onStage = document.querySelector('.prediction-overlay')!;
    expect(onStage.querySelector('h2')).toHaveTextContent('Tu predicción');
    fireEvent.click(onStage.querySelector(`input[value="${optionId(scenario, true)}"]`)!);
    fireEvent.click(onStage.querySelector('button[type=submit]')!);
    act(() => store.getState().pause());
    goToLastCaption(simulator);
    const strip = document.querySelector('.lesson')!;
    expect(strip).toHaveTextContent('Leyenda 4 de 4');
    const reveal = document.querySelector('.stage-reveal-layer')!;
    const answer = localLesson(scenario, 'es').prediction.options.find(
      (o) => o.id === scenario.prediction.answer,
    )!.label;
    expect(answer).not.toBe(optionLabel(scenario));
    expect(reveal).toHaveTextContent(`Acertaste: ${answer}`);
    // The lesson's own fact (REFERENCE.md): the async email leaves at 2.55 s, in Spanish 2,55 s.
    expect(reveal).toHaveTextContent('2,55 s');
    expect(document.querySelector('.goals-count')).toHaveTextContent(
      `${scenario.goals.length} de ${scenario.goals.length} cumplidos`,
    );
    act(() => handles.page.getState().openDialog('exercise'));
    const score = document.querySelector('.exercise-score')!;
    expect(score).toHaveTextContent(`${EXERCISE.length} tareas por clasificar.`);
    const left = EXERCISE.length - 1;
    fireEvent.click(
      document.querySelector(
        `input[name="exercise-${EXERCISE[0]!.id}"][value="${EXERCISE[0]!.answer}"]`,
      )!,
    );
    expect(score).toHaveTextContent(`1 de 1 correctas por ahora; quedan ${left}.`);
    await switchTo('zh-CN');
    expect(strip).toHaveTextContent('第 4 条说明，共 4 条');
    expect(reveal).toHaveTextContent('你答对了');
    expect(score).toHaveTextContent(`目前答对 1/1，还剩 ${left} 项。`);
  });
});
