// @vitest-environment jsdom
// The translated areas (the header, the playback bar, the lesson picker, the side panel's controls
// and view options, the stage's lanes and customers' screens, what screen readers hear of them,
// the link's notices) in another language: the
// pseudo-locale leaves none of the English catalog's words in its text or its labels, so that a
// string written outside the catalogs would show; Spanish reads by the catalog, names included;
// and the page's <html lang> follows.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pseudoText } from '../../scripts/lib/catalogPlugin.mjs';
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
function areaTexts(selector = '.app-header, .playback', count = 2): string[] {
  const roots = [...document.querySelectorAll(selector)];
  expect(roots).toHaveLength(count);
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
});
