// A link's caption=N: read as the link wrote it, then checked against the lesson's beats (the
// store's, once the lesson is loaded), and applied as the moment the link opens on, paused.
import { describe, expect, it } from 'vitest';
import type { Beat } from '../../src/scenarios/index.ts';
import { captionMoment } from '../../src/url/caption.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { captionLink } from '../../src/components/share/links.ts';
import { applyUrlState, urlStateOf } from '../../src/url/storeState.ts';
import { DEFAULT_URL_STATE, noticeText } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

const beats: Beat[] = [
  { atSec: 0, caption: 'one' },
  { atSec: 1, caption: 'two' },
  { atSec: 1.05, caption: 'three', pause: true },
  { atSec: 2.55, caption: 'four' },
];

describe('parsing caption in a link', () => {
  it('keeps the value as written, for the lesson to check once it is loaded', () => {
    const { state, notices } = parseParams('?scenario=checkout&caption= 2 ');
    expect(state.caption).toBe('2');
    expect(notices).toEqual([]);
    expect(parseParams('?scenario=checkout').state.caption).toBeNull();
  });

  it('writes caption after t and reads it back', () => {
    const state = { ...DEFAULT_URL_STATE, scenario: 'checkout', caption: '3' };
    expect(serializeState(state)).toBe('?v=1&scenario=checkout&caption=3');
    expect(parseParams(serializeState(state))).toEqual({ state, notices: [] });
  });

  it('reads only the last of two captions, naming the first', () => {
    const { state, notices } = parseParams('?caption=1&caption=4');
    expect(state.caption).toBe('4');
    expect(notices.map(noticeText)).toEqual([
      'Ignored caption=1: caption is given more than once; only the last one is read.',
    ]);
  });
});

describe('a caption number against the lesson’s beats', () => {
  it('gives the moment of caption N, counted from 1 as the caption strip counts', () => {
    expect(captionMoment('1', beats, true)).toEqual({ index: 0, ms: 0 });
    expect(captionMoment('3', beats, true)).toEqual({ index: 2, ms: 1050 });
    expect(captionMoment('4', beats, true)).toEqual({ index: 3, ms: 2550 });
    expect(captionMoment('4.0', beats, true)).toEqual({ index: 3, ms: 2550 });
  });

  for (const bad of ['0', '5', '-1', '2.5', 'two', '', '0x2', 'Infinity', 'NaN', '1e9']) {
    it(`names the range for "${bad}"`, () => {
      expect(captionMoment(bad, beats, true)).toEqual({ allowed: 'a caption number from 1 to 4' });
    });
  }

  it('says when the lesson has one caption, or none, or there is no lesson', () => {
    expect(captionMoment('2', beats.slice(0, 1), true)).toEqual({
      allowed: 'the caption number 1, this lesson’s only caption',
    });
    expect(captionMoment('1', [], true)).toEqual({
      allowed: 'a caption number, and this lesson has no captions',
    });
    expect(captionMoment('1', [], false)).toEqual({
      allowed: 'a caption number, which needs a lesson (scenario=…)',
    });
  });
});

/** Applies a link to a fresh store; returns the store's state and the notices as text. */
function open(search: string) {
  const { store } = testSimulator();
  const notices = applyUrlState(store, parseParams(search).state).map(noticeText);
  return { s: store.getState(), notices };
}

describe('a link with a caption, applied', () => {
  it('opens paused on that caption, at the moment of the store’s beat', () => {
    const { s, notices } = open('?scenario=checkout&caption=3');
    expect(notices).toEqual([]);
    expect(s.simMs).toBe(1050);
    expect(s.playing).toBe(false);
  });

  it('reads the beats from the store, not from the scenario file', () => {
    const { store } = testSimulator();
    store.getState().loadScenario('checkout');
    // What another resolution of the beats could give: the store's list is the one that counts.
    store.setState({
      beats: [
        { atSec: 0, caption: 'a' },
        { atSec: 7, caption: 'b' },
      ],
    });
    const state = { ...parseParams('?caption=2').state };
    const notices = applyUrlState(store, state);
    expect(notices).toEqual([]);
    expect(store.getState().simMs).toBe(7000);
  });

  it('names the range for a caption out of it, and the lesson still opens at 0 s', () => {
    const { s, notices } = open('?scenario=checkout&caption=9');
    expect(s.scenarioId).toBe('checkout');
    expect(s.simMs).toBe(0);
    expect(notices).toEqual(['Ignored caption=9: a caption number from 1 to 4; it opens at 0 s.']);
  });

  it('opens at t when the caption is bad, and says so', () => {
    const { s, notices } = open('?scenario=checkout&caption=zero&t=2');
    expect(s.simMs).toBe(2000);
    expect(notices).toEqual([
      'Ignored caption=zero: a caption number from 1 to 4; it opens at 2.00 s, as t says.',
    ]);
  });

  it('lets a good caption win over t, naming t', () => {
    const { s, notices } = open('?scenario=email-outage&t=33&caption=2');
    expect(s.simMs).toBe(20_000);
    expect(notices).toEqual(['Ignored t=33: caption=2 sets the moment (caption 2 at 20.0 s).']);
  });

  it('needs a lesson', () => {
    const { s, notices } = open('?caption=1');
    expect(s.simMs).toBe(0);
    expect(notices).toEqual([
      'Ignored caption=1: a caption number, which needs a lesson (scenario=…); it opens at 0 s.',
    ]);
  });
});

describe('the caption strip’s link', () => {
  it('writes caption=N without t, keeps the settings, and opens on that caption', () => {
    const { store } = testSimulator();
    applyUrlState(store, parseParams('?scenario=email-outage&t=40&embed=1&api=1').state);
    store.getState().change('workers.count', '6');
    const page = parseParams('?scenario=email-outage&embed=1&api=1').state;
    const link = captionLink('https://example.org/', store.getState(), page, 3);
    expect(link).toBe('https://example.org/?v=1&scenario=email-outage&caption=3&workers.count=6');
    const { s, notices } = open(new URL(link).search);
    expect(notices).toEqual([]);
    expect(s.simMs).toBe(30_000);
    expect(s.values['workers.count']).toBe('6');
  });

  it('is not what the address bar keeps once the page has moved on: that is t', () => {
    const { store } = testSimulator();
    const page = parseParams('?scenario=checkout&caption=2').state;
    applyUrlState(store, page);
    store.getState().jumpTo(2550);
    expect(serializeState(urlStateOf(store.getState(), page))).toBe(
      '?v=1&scenario=checkout&t=2.55',
    );
  });
});
