// The script index.html runs first names, for each address, the lesson main.tsx will open: read
// from the lesson loader itself, run here against addresses as a page would run it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonModules, preloadScript } from '../../scripts/lib/lessonPreload.mjs';
import { DEFAULT_SCENARIO_ID, LESSONS } from '../../src/scenarios/index.ts';

const loader = readFileSync(new URL('../../src/scenarios/load.ts', import.meta.url), 'utf8');

/** The hrefs the script adds at `search`, in a page framed or not. */
function preloaded(source: string, search: string, framed = false): string[] {
  const head: { href: string; rel: string }[] = [];
  const document = { createElement: () => ({}), head: { append: (l: never) => head.push(l) } };
  const top = {};
  const run = new Function('location', 'document', 'self', 'top', source);
  run({ search }, document, framed ? {} : top, top);
  expect(head.every((l) => l.rel === 'modulepreload')).toBe(true);
  return head.map((l) => l.href);
}

describe('the lesson preload', () => {
  it('finds every lesson of the index in the loader, the first lesson first', () => {
    const modules = lessonModules(loader);
    expect(modules.map((m) => m.id).sort()).toEqual(LESSONS.map((l) => l.id).sort());
    expect(modules[0]!.id).toBe(DEFAULT_SCENARIO_ID);
    expect(modules.every((m) => /^[A-Za-z0-9]+\.ts$/.test(m.file))).toBe(true);
  });

  it('preloads the lesson main.tsx opens, with what every lesson loads, and nothing else', () => {
    const source = preloadScript(
      { checkout: ['checkout-A.js'], 'traffic-spike': ['trafficSpike-B.js', 'chart-C.js'] },
      ['script-D.js'],
      'checkout',
    );
    expect(preloaded(source, '')).toEqual(['./assets/checkout-A.js', './assets/script-D.js']);
    // In a frame, a bare address opens free play, paused: nothing to preload.
    expect(preloaded(source, '', true)).toEqual([]);
    expect(preloaded(source, '?v=1&scenario=traffic-spike&t=3')).toEqual([
      './assets/trafficSpike-B.js',
      './assets/chart-C.js',
      './assets/script-D.js',
    ]);
    expect(preloaded(source, '?v=1&handout=checkout&scenario=traffic-spike')).toEqual([
      './assets/checkout-A.js',
      './assets/script-D.js',
    ]);
    expect(preloaded(source, '?v=1&mode=compare')).toEqual([]);
    // An id it does not know, or one of an object's own names, preloads nothing.
    expect(preloaded(source, '?v=1&scenario=nope')).toEqual([]);
    expect(preloaded(source, '?v=1&scenario=constructor')).toEqual([]);
    expect(preloaded(source, '?v=1&handout=')).toEqual([]);
  });
});
