// The link's notices as the page words them: every reason the page or the engine's registry gives
// for a refused value has a catalog message whose English is that reason word for word, so that
// Spanish and Chinese readers get it in their language; only the engine's syntax errors (a flow,
// a distribution) stay in its English.
import { afterEach, describe, expect, it } from 'vitest';
import { findSetting, SETTINGS, type AnySettingKey } from '../../src/engine/index.ts';
import { pageTranslator } from '../../src/i18n/translate.ts';
import { setLocale } from '../../src/i18n/runtime.ts';
import { valueProblem } from '../../src/url/linkSettings.ts';
import { noticeIn, noticeReason } from '../../src/url/noticeWords.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { applyUrlState } from '../../src/url/storeState.ts';
import { noticeText, type Notice } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

afterEach(async () => {
  await setLocale('en', { chosen: false });
});

type Ignored = Exclude<Notice, { more: number }>;
const ignored = (notices: readonly Notice[]) => notices.filter((n): n is Ignored => !('more' in n));

/** The reason's English as the catalog words it. */
function english(n: Ignored): string | undefined {
  const reason = noticeReason(n);
  return reason && pageTranslator()(reason.id, reason.values);
}

const STEP_KEYS: AnySettingKey[] = [
  'steps.charge.latency',
  'steps.charge.failureRate',
  'steps.charge.where',
];

describe('a value the registry refuses', () => {
  const keys = [...SETTINGS.map((s) => s.key), ...STEP_KEYS];
  for (const key of keys) {
    it(`${key}: the page words the refusal, its English the registry's`, () => {
      const kind = findSetting(key)!.kind;
      let worded = 0;
      for (const value of ['nonsense', '-1e12', '1e12', '0x10', '2.5']) {
        const problem = valueProblem(key, value);
        if (problem === undefined) continue;
        const words = english({ param: key, value, allowed: problem });
        if (words === undefined) continue;
        expect(words, `${key}=${value}`).toBe(problem);
        worded += 1;
      }
      // A number's range and a choice's list are worded; a latency's or an outage's syntax stays
      // the engine's.
      if (kind === 'number' || kind === 'choice') expect(worded, key).toBeGreaterThan(0);
    });
  }
});

describe('a link the page refuses', () => {
  const links = [
    '?v=2&theme=dark',
    '?mode=fast&mode=sync',
    '?seed=-1',
    '?speed=3',
    '?t=-1',
    '?panels=charts,nope',
    '?embed=2',
    '?controls=most',
    '?lock=nope',
    '?theme=blue',
    '?lang=fr',
    '?motion=fast',
    '?parentOrigin=nowhere',
    '?whatever=1',
    '?latency.charge=1&steps.charge.latency=2',
    '?scenario=nope',
    '?workers.count=-3',
    '?workers.count=0x10',
    '?queue.broker=activemq',
    '?steps.charge.where=sideways',
  ];
  for (const link of links) {
    it(`${link}: every notice worded, its English the notice's own`, () => {
      const notices = ignored(parseParams(link).notices);
      expect(notices.length, link).toBeGreaterThan(0);
      for (const n of notices) expect(english(n), `${n.param}=${n.value}`).toBe(n.allowed);
    });
  }

  it('words a caption out of range, or overridden, as the store says it', () => {
    for (const link of [
      '?scenario=checkout&caption=99',
      '?scenario=checkout&caption=99&t=2',
      '?caption=1',
      '?scenario=checkout&caption=2&t=3',
    ]) {
      const { store } = testSimulator();
      const notices = ignored(applyUrlState(store, parseParams(link).state));
      expect(notices.length, link).toBe(1);
      expect(english(notices[0]!), link).toBe(notices[0]!.allowed);
    }
  });

  it('shows the English notice in English, and the same notice in Spanish and Chinese', async () => {
    const notices = parseParams('?mode=fast&workers.count=-3&zzz=1').notices;
    const t = pageTranslator();
    expect(notices.map((n) => noticeIn(t, n))).toEqual(notices.map(noticeText));
    await setLocale('es', { chosen: false });
    expect(noticeIn(pageTranslator(), notices[1]!)).toBe(
      'Se ignoró workers.count=-3: un número entero de 0 a 10000.',
    );
    await setLocale('zh-CN', { chosen: false });
    expect(noticeIn(pageTranslator(), notices[0]!)).toBe(
      '已忽略 mode=fast：可选值：compare, sync, async。',
    );
  });

  it('leaves a flow’s syntax error in the engine’s English, inside the page’s sentence', async () => {
    const [n] = ignored(parseParams('?flow=a:b').notices);
    expect(noticeReason(n!)).toBeUndefined();
    await setLocale('es', { chosen: false });
    expect(noticeIn(pageTranslator(), n!)).toBe(`Se ignoró flow=a:b: ${n!.allowed}.`);
  });

  it('counts the notices past the first twenty in the language on', async () => {
    const many = Array.from({ length: 25 }, (_, i) => `x${i}=1`).join('&');
    const { notices } = parseParams(`?${many}`);
    const more = notices.at(-1)!;
    expect(noticeIn(pageTranslator(), more)).toBe(noticeText(more));
    await setLocale('es', { chosen: false });
    expect(noticeIn(pageTranslator(), more)).toBe('Y 5 parámetros ignorados más.');
  });
});
