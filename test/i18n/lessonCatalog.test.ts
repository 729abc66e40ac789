// A lesson's words in the catalogs: the English catalog repeats each lesson's own words (its file
// is the English the page shows) under the ids `localLesson` reads, with no id left over; and in
// every language the lesson keeps its prediction honest: no key word of the answer in what shows
// while the question is open, every one of them once it is answered.
import { describe, expect, it, beforeAll } from 'vitest';
import { readCatalog } from '../../scripts/lib/catalogPlugin.mjs';
import { BROKERS, brokerLease } from '../../src/engine/index.ts';
import { LANGUAGES } from '../../src/i18n/locales.ts';
import { loadLocale } from '../../src/i18n/runtime.ts';
import { keyWordsIn, lessonTexts } from '../../src/lessons/lessonTexts.ts';
import {
  KEY_WORDS_SEPARATOR,
  leaseNameId,
  lessonIds,
  localCaption,
  localLesson,
} from '../../src/lessons/localLesson.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { EXERCISE } from '../../src/scenarios/exercise.ts';
import { exerciseIds } from '../../src/lessons/localExercise.ts';

const DIR = new URL('../../src/i18n/catalogs/', import.meta.url);
const english = readCatalog(DIR, 'en').messages as Record<string, string>;

/** Every lesson word the page can show, by id, in the lessons' own English. */
function lessonWords(): Map<string, string> {
  const words = new Map<string, string>();
  for (const s of SCENARIOS) {
    const ids = lessonIds(s.id);
    words.set(ids.premise, s.premise);
    words.set(ids.teaches, s.teaches);
    s.beats.forEach((b, i) => words.set(ids.beat(i + 1), b.caption));
    words.set(ids.question, s.prediction.question);
    for (const o of s.prediction.options) words.set(ids.option(o.id), o.label);
    words.set(ids.explanation, s.prediction.explanation);
    words.set(ids.reveal, s.prediction.reveal.label);
    words.set(ids.keyWords, s.prediction.keyWords.join(KEY_WORDS_SEPARATOR));
    for (const g of s.goals) {
      words.set(ids.goal(g.id), g.label);
      if (g.labelBeforeAnswer !== undefined) words.set(ids.goalBefore(g.id), g.labelBeforeAnswer);
    }
    s.discussion?.forEach((d, i) => words.set(ids.discussion(i + 1), d));
  }
  for (const task of EXERCISE) {
    words.set(exerciseIds(task.id).task, task.task);
    words.set(exerciseIds(task.id).why, task.why);
  }
  for (const broker of BROKERS) {
    const name = brokerLease(broker).name;
    if (name !== '') words.set(leaseNameId(broker), name);
  }
  return words;
}

describe('the English catalog’s lesson words', () => {
  const words = lessonWords();

  it('are each lesson’s own, word for word', () => {
    for (const [id, text] of words) expect([id, english[id]]).toEqual([id, text]);
  });

  it('have no id that no lesson has', () => {
    const inCatalog = Object.keys(english).filter(
      (id) =>
        (id.startsWith('lesson.') && !id.endsWith('.title')) ||
        id.startsWith('exercise.') ||
        id.startsWith('leaseName.'),
    );
    expect(inCatalog.filter((id) => !words.has(id))).toEqual([]);
  });

  it('number every beat of every lesson, as its caption’s message', () => {
    for (const s of SCENARIOS)
      expect(s.beats.map((b) => b.number)).toEqual(s.beats.map((_, i) => i + 1));
  });
});

describe.each(LANGUAGES.filter((l) => l !== 'en').map((l) => [l]))(
  'the lessons in %s',
  (locale) => {
    beforeAll(async () => {
      await loadLocale(locale);
    });

    it.each(SCENARIOS.map((s) => [s.id, s] as const))(
      '%s: keeps the answer’s key words out until it is answered, and says them all after',
      (_, own) => {
        const s = localLesson(own, locale);
        expect(s.prediction.keyWords.length).toBeGreaterThan(0);
        expect(s.prediction.keyWords).not.toEqual(own.prediction.keyWords);
        expect(keyWordsIn(s, lessonTexts(s, true))).toEqual([]);
        const opening = s.beats.filter((b) => b.atSec === 0).map((b) => b.caption);
        expect(keyWordsIn(s, opening)).toEqual([]);
        expect(keyWordsIn(s, lessonTexts(s, false))).toEqual(s.prediction.keyWords);
      },
    );

    it('shows every lesson text from its catalog, not the English', () => {
      for (const own of SCENARIOS) {
        const s = localLesson(own, locale);
        expect(s.premise).not.toBe(own.premise);
        expect(s.teaches).not.toBe(own.teaches);
        s.beats.forEach((b, i) => expect(b.caption).not.toBe(own.beats[i]?.caption));
        expect(s.goals.map((g) => g.label)).not.toEqual(own.goals.map((g) => g.label));
      }
    });

    it('names the lease and its length in the language, as the script bound them', () => {
      const crash = SCENARIOS.find((s) => s.id === 'worker-crash')!;
      const beat = crash.beats.find((b) => b.caption.includes('{leaseLength}'))!;
      const caption = localCaption(
        crash.id,
        { ...beat, lease: { broker: 'sqs', ms: 12500 } },
        locale,
      );
      expect(caption).not.toMatch(/[{}]/);
      expect(caption).toContain(new Intl.NumberFormat(locale).format(12.5));
    });
  },
);
