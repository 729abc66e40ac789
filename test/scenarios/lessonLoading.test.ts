/** A lesson's content loads on demand (scenarios/load.ts): the index knows every lesson at once,
 * the content arrives when asked for, and the store opens only a lesson whose content is here.
 * Each test takes fresh modules, since the test setup loads every lesson (scenarios/all.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { LESSONS } from '../../src/scenarios/index.ts';

/** The loader, the lesson opener and the store as the page has them: nothing loaded yet. */
async function freshPage() {
  vi.resetModules();
  const load = await import('../../src/scenarios/load.ts');
  const { openLesson } = await import('../../src/lessons/openLesson.ts');
  const { testSimulator } = await import('../support/simulator.ts');
  return { ...load, openLesson, sim: testSimulator() };
}

afterEach(() => {
  vi.doUnmock('../../src/scenarios/trafficSpike.ts');
  vi.resetModules();
});

describe('the lesson index and the lessons whole', () => {
  it('lists every lesson in the same order, and each whole lesson is its entry and its content', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(SCENARIOS.map((s) => s.id));
    for (const [i, entry] of LESSONS.entries()) {
      expect(SCENARIOS[i]).toMatchObject(entry);
      expect(SCENARIOS[i]!.beats.length).toBeGreaterThan(0);
    }
  });

  it('loads, one chunk each, the same lessons as the whole list', async () => {
    const { loadAllLessons } = await freshPage();
    const loaded = await loadAllLessons();
    expect(loaded).toEqual(SCENARIOS);
  });
});

describe('loading a lesson on demand', () => {
  it('has no lesson until it is loaded, then the lesson whole, once', async () => {
    const { findScenario, loadLesson } = await freshPage();
    expect(findScenario('traffic-spike')).toBeUndefined();
    const first = loadLesson('traffic-spike');
    expect(loadLesson('traffic-spike')).toBe(first);
    const lesson = await first;
    expect(lesson.title).toBe('A traffic spike');
    expect(lesson.settings['traffic.pattern']).toBe('spike');
    expect(lesson.prediction.options.length).toBeGreaterThan(1);
    expect(findScenario('traffic-spike')).toBe(lesson);
    expect(findScenario('email-outage')).toBeUndefined();
  });

  it('refuses an id that is not a lesson', async () => {
    const { loadLesson } = await freshPage();
    await expect(loadLesson('no-such-lesson')).rejects.toThrow("no lesson 'no-such-lesson'");
  });
});

describe('opening a lesson', () => {
  it('is refused by the store before its content has loaded, which leaves the run as it was', async () => {
    const { sim } = await freshPage();
    expect(sim.store.getState().loadScenario('traffic-spike')).toBe(
      "the lesson 'traffic-spike' has not loaded yet",
    );
    expect(sim.store.getState().scenarioId).toBeNull();
  });

  it('loads the content first, then opens it with its captions', async () => {
    const { sim, openLesson } = await freshPage();
    expect(await openLesson(() => sim.store.getState(), 'traffic-spike')).toBeUndefined();
    const s = sim.store.getState();
    expect(s.scenarioId).toBe('traffic-spike');
    expect(s.beats.length).toBeGreaterThan(0);
  });

  it('opens a lesson loaded already in the same call, as Next does after the preload', async () => {
    const { sim, openLesson, loadLesson } = await freshPage();
    await loadLesson('worker-crash');
    expect(openLesson(() => sim.store.getState(), 'worker-crash')).toBeUndefined();
    expect(sim.store.getState().scenarioId).toBe('worker-crash');
  });

  it('names the lessons there are for an id that is not one', async () => {
    const { sim, openLesson } = await freshPage();
    expect(await openLesson(() => sim.store.getState(), 'nope')).toMatch(
      /^unknown scenario 'nope'; one of checkout, email-outage, /,
    );
  });

  it('says, naming the lesson, that its content did not arrive, and keeps the lesson open', async () => {
    const { sim, openLesson } = await freshPage();
    expect(await openLesson(() => sim.store.getState(), 'checkout')).toBeUndefined();
    vi.doMock('../../src/scenarios/trafficSpike.ts', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    expect(await openLesson(() => sim.store.getState(), 'traffic-spike')).toBe(
      'The lesson “A traffic spike” could not load: check the connection and try again.',
    );
    expect(sim.store.getState().scenarioId).toBe('checkout');
  });
});
