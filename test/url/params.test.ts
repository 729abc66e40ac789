// Link parameters: every one read, validated and written back exactly (v=1).
import { describe, expect, it } from 'vitest';
import { FLOW_PRESETS, SETTINGS, defaultConfig } from '../../src/engine/index.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { MAX_NOTICES, parseParams } from '../../src/url/parseParams.ts';
import {
  DEFAULT_URL_STATE,
  noticeText,
  type Notice,
  type UrlState,
} from '../../src/url/urlState.ts';

const roundTrip = (state: UrlState) => parseParams(serializeState(state));

/** A notice about one parameter (not the count of the rest). */
function ignored(n: Notice | undefined) {
  if (n === undefined || 'more' in n) throw new Error('expected a notice about one parameter');
  return n;
}

describe('a link with every parameter', () => {
  const search =
    '?v=1&scenario=email-outage&mode=compare&seed=7&speed=2&t=12.5&caption=2&flow=signup' +
    '&workers.count=8' +
    '&email.failureRate=0.2&panels=charts,log&embed=1&controls=basic&lock=workers.count' +
    '&theme=dark&motion=reduce&present=1&autoplay=1&api=1&parentOrigin=https://lms.example.org' +
    '&lang=zh-CN';

  it('reads each one with no notices', () => {
    const { state, notices } = parseParams(search);
    expect(notices).toEqual([]);
    expect(state).toEqual({
      scenario: 'email-outage',
      mode: 'compare',
      seed: 7,
      speed: 2,
      t: 12.5,
      caption: '2',
      flow: FLOW_PRESETS.signup!(),
      settings: { 'email.failureRate': '0.2', 'workers.count': '8' },
      panels: ['charts', 'log'],
      embed: true,
      controls: 'basic',
      lock: ['workers.count'],
      theme: 'dark',
      reducedMotion: true,
      present: true,
      autoplay: true,
      api: true,
      parentOrigin: 'https://lms.example.org',
      whatif: null,
      lang: 'zh-CN',
    });
  });

  it('writes the same state back', () => {
    const { state } = parseParams(search);
    expect(roundTrip(state)).toEqual({ state, notices: [] });
  });
});

describe('the round trip of each parameter alone', () => {
  const cases: [string, Partial<UrlState>][] = [
    ['scenario', { scenario: 'worker-crash' }],
    ['flow', { flow: FLOW_PRESETS.signup!() }],
    ['mode sync', { mode: 'sync' }],
    ['mode async', { mode: 'async' }],
    ['seed 0', { seed: 0 }],
    ['seed max', { seed: 4294967295 }],
    ['speed 0.1', { speed: 0.1 }],
    ['speed 30', { speed: 30 }],
    ['t', { t: 3.141 }],
    ['caption', { caption: '3' }],
    ['panels none', { panels: [] }],
    ['panels controls', { panels: ['controls'] }],
    ['embed', { embed: true }],
    ['controls none', { controls: 'none' }],
    ['controls full', { controls: 'full' }],
    ['lock two', { lock: ['email.down', 'workers.count'] }],
    ['theme projector', { theme: 'projector' }],
    ['theme light', { theme: 'light' }],
    ['motion', { reducedMotion: true }],
    ['present', { present: true }],
    ['autoplay 0', { autoplay: false }],
    ['api', { api: true }],
    ['parentOrigin', { parentOrigin: 'http://127.0.0.1:8080' }],
    ['lang es', { lang: 'es' }],
    ['lang en', { lang: 'en' }],
    ['lang pseudo', { lang: 'en-XA' }],
  ];
  for (const [name, part] of cases) {
    it(`keeps ${name}`, () => {
      const state = { ...DEFAULT_URL_STATE, ...part };
      expect(roundTrip(state)).toEqual({ state, notices: [] });
    });
  }

  it('keeps every setting of the registry, at its default and at another valid value', () => {
    const config = defaultConfig();
    for (const setting of SETTINGS) {
      const value = setting.read(config);
      const state = { ...DEFAULT_URL_STATE, settings: { [setting.key]: value } };
      expect(roundTrip(state), setting.key).toEqual({ state, notices: [] });
    }
    const others: Record<string, string> = {
      'traffic.pattern': 'spike',
      'latency.email': '2500',
      'email.outage': '20-40,60-70.5',
      'email.down': 'true',
      'retry.backoff': 'full-jitter',
      'users.retryOnError': 'true',
    };
    const state = { ...DEFAULT_URL_STATE, settings: others };
    const back = roundTrip(state);
    expect(back.notices).toEqual([]);
    expect(back.state.settings).toEqual(others);
  });

  it('writes only v=1 for the defaults', () => {
    expect(serializeState(DEFAULT_URL_STATE)).toBe('?v=1');
  });
});

describe('when a parameter is unknown or invalid', () => {
  it('ignores it, keeps the default, and names what is allowed', () => {
    const { state, notices } = parseParams(
      '?v=1&scenario=nope&mode=fast&seed=-1&speed=3&t=abc&workers.count=2.5&colour=red',
    );
    expect(state).toEqual(DEFAULT_URL_STATE);
    expect(notices.map((n) => ignored(n).param)).toEqual([
      'scenario',
      'mode',
      'seed',
      'speed',
      't',
      'workers.count',
      'colour',
    ]);
    expect(noticeText(notices[0]!)).toMatch(
      /^Ignored scenario=nope: one of checkout, email-outage/,
    );
    expect(ignored(notices[3]).allowed).toBe('one of 0.1, 0.25, 0.5, 1, 2, 4, 10, 30');
    expect(ignored(notices[5]).allowed).toBe('a whole number from 0 to 10000');
  });

  it('rejects bad embedding values one by one', () => {
    const { state, notices } = parseParams(
      '?embed=yes&controls=some&theme=neon&motion=fast&autoplay=2&api=true&panels=charts,maps' +
        '&parentOrigin=javascript:alert(1)&lock=workers.count,nope',
    );
    expect(state).toEqual({ ...DEFAULT_URL_STATE, lock: ['workers.count'] });
    expect(notices.map((n) => ignored(n).param)).toEqual([
      'embed',
      'controls',
      'theme',
      'motion',
      'autoplay',
      'api',
      'panels',
      'parentOrigin',
      'lock',
    ]);
  });

  it('keeps markup as plain text in the notice and shortens long values', () => {
    const { notices } = parseParams(
      `?scenario=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    );
    expect(ignored(notices[0]).value).toBe('<img src=x onerror=alert(1)>');
    const long = ignored(parseParams(`?mode=${'x'.repeat(500)}`).notices[0]);
    expect(long.value.length).toBeLessThanOrEqual(61);
  });
});

describe('when a link asks for much', () => {
  it('names a parameter given twice, and reads only the last one', () => {
    const { state, notices } = parseParams('?seed=3&workers.count=2&seed=5&seed=abc');
    expect(state.seed).toBe(null);
    expect(notices.map(noticeText)).toEqual([
      'Ignored seed=3: seed is given more than once; only the last one is read.',
      'Ignored seed=5: seed is given more than once; only the last one is read.',
      'Ignored seed=abc: a whole number from 0 to 4294967295.',
    ]);
    expect(parseParams('?seed=3&seed=5').state.seed).toBe(5);
  });

  it('reads seed, speed and t only in decimal, not hex, binary or octal', () => {
    const { state, notices } = parseParams('?seed=0x10&speed=0b1&t=0o7');
    expect(state).toEqual(DEFAULT_URL_STATE);
    expect(notices.map((n) => ignored(n).param)).toEqual(['seed', 'speed', 't']);
    expect(parseParams('?seed=16&t=1e1').state).toMatchObject({ seed: 16, t: 10 });
  });

  it(`shows at most ${MAX_NOTICES} notices, then how many more there were`, () => {
    const junk = Array.from({ length: 12_000 }, (_, i) => `junk${i}=1`).join('&');
    const { notices } = parseParams(`?${junk}`);
    expect(notices).toHaveLength(MAX_NOTICES + 1);
    expect(noticeText(notices[MAX_NOTICES]!)).toBe('And 11,980 more ignored parameters.');
  });

  it('refuses a moment past the replay budget, naming its cost, and starts at 0 s', () => {
    const { state, notices } = parseParams('?traffic.pattern=steady&traffic.rate=10000&t=600');
    expect(state.t).toBe(0);
    expect(state.settings).toEqual({ 'traffic.pattern': 'steady', 'traffic.rate': '10000' });
    expect(notices.map(noticeText)).toEqual([
      'Ignored t=600: reaching 10:00.0 means simulating about 6,000,000 orders, more than the ' +
        '100,000 a jump may; with these settings a jump reaches at most 10.0 s; the run starts at 0 s.',
    ]);
  });

  it('honours a moment past the arrivals when it is within the budget', () => {
    const { state, notices } = parseParams('?t=3600');
    expect(state.t).toBe(3600);
    expect(notices).toEqual([]);
    expect(parseParams('?scenario=traffic-spike&t=86400').state.t).toBe(86_400);
  });
});

describe('a link from a newer version', () => {
  it('says so and starts the simulation from its defaults, keeping the embedding', () => {
    const { state, notices } = parseParams('?v=2&scenario=email-outage&seed=3&embed=1&theme=dark');
    expect(state).toEqual({ ...DEFAULT_URL_STATE, embed: true, theme: 'dark' });
    expect(notices).toHaveLength(1);
    expect(noticeText(notices[0]!)).toContain('this page reads version 1 links');
  });

  it('reads a link without v as version 1', () => {
    expect(parseParams('?seed=9')).toEqual({
      state: { ...DEFAULT_URL_STATE, seed: 9 },
      notices: [],
    });
  });
});

describe('the language', () => {
  it('refuses one the page does not have, naming those it has, and keeps the browser’s', () => {
    for (const raw of ['fr', 'zh', 'ES', 'zh-TW']) {
      const { state, notices } = parseParams(`?v=1&lang=${raw}`);
      expect(state.lang).toBeNull();
      expect(notices.map(noticeText)).toEqual([
        `Ignored lang=${raw}: one of en, es, zh-CN, en-XA.`,
      ]);
    }
  });

  it('is kept from a newer link, as the page’s own presentation is', () => {
    expect(parseParams('?v=2&lang=es&seed=3').state.lang).toBe('es');
  });
});
