// A lesson's video in another language: the title card's title and premise and every caption are
// the lesson's own words in that language, at the same moments as in English.
import { afterEach, describe, expect, it } from 'vitest';
import { videoJobOf } from '../../src/components/export/video/job.ts';
import { t as translate, setLocale } from '../../src/i18n/runtime.ts';
import type { Translate } from '../../src/i18n/react.tsx';
import { localLesson } from '../../src/lessons/localLesson.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { testSimulator } from '../support/simulator.ts';

const translator = (locale: string): Translate =>
  Object.assign(
    (id: Parameters<typeof translate>[0], v?: Parameters<typeof translate>[1]) =>
      translate(id, v, locale),
    { locale },
  );

afterEach(async () => {
  await setLocale('en', { chosen: false });
});

describe('a lesson’s video in Spanish', () => {
  it('has the lesson’s Spanish title, premise and captions, at the English moments', async () => {
    await setLocale('es', { chosen: true });
    const lesson = SCENARIOS.find((s) => s.id === 'worker-crash')!;
    const { store } = testSimulator();
    expect(store.getState().loadScenario(lesson.id)).toBeUndefined();
    const options = { from: 0, to: 10_000, fps: 30, width: 1280, height: 720, speed: 1 } as never;
    const english = videoJobOf(store.getState(), options, 'light', translator('en'));
    const spanish = videoJobOf(store.getState(), options, 'light', translator('es'));
    const es = localLesson(lesson, 'es');
    expect(spanish.text.title).toBe(es.title);
    expect(spanish.text.premise).toBe(es.premise);
    expect(english.text.premise).toBe(lesson.premise);
    expect(spanish.run.beats.map((b) => b.atSec)).toEqual(english.run.beats.map((b) => b.atSec));
    spanish.run.beats.forEach((b, i) => {
      expect(b.caption).not.toBe(english.run.beats[i]!.caption);
      expect(b.caption).not.toMatch(/[{}]|undefined/);
    });
    // The caption that names the lease names it in Spanish, with the run's length.
    expect(spanish.run.beats.map((b) => b.caption).join(' ')).toContain('tiempo de invisibilidad');
  });
});
