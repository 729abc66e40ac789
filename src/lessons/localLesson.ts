/** A lesson in the language on. A lesson's English is its own file's (it comes with the lesson's
 * chunk); the catalogs repeat it under `lesson.<id>.…` for translators, and another language's
 * catalog, loaded whole, has every one of them (test/i18n/lessonCatalog.test.ts holds both to the
 * lessons). English therefore never needs the catalog here: the lessons' English part is left out
 * of every chunk. A message a catalog lacks reads in the lesson's English rather than as its id. */
import { brokerLease } from '../engine/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { translated } from '../i18n/runtime.ts';
import type { Beat, Goal, Scenario } from '../scenarios/index.ts';

/** The message ids of a lesson's words: one place, so the catalogs, the test and the page agree. */
export const lessonIds = (id: string) => {
  const p = `lesson.${id}.`;
  return {
    premise: `${p}premise`,
    teaches: `${p}teaches`,
    beat: (n: number) => `${p}beat.${n}`,
    question: `${p}question`,
    option: (option: string) => `${p}option.${option}`,
    explanation: `${p}explanation`,
    reveal: `${p}reveal`,
    keyWords: `${p}keyWords`,
    goal: (goal: string) => `${p}goal.${goal}`,
    goalBefore: (goal: string) => `${p}goal.${goal}.before`,
    discussion: (n: number) => `${p}discussion.${n}`,
  };
};

/** The catalogs' name for a broker's lease, as a caption's `{lease}` reads. */
export const leaseNameId = (broker: string) => `leaseName.${broker}`;

/** The separator of a lesson's key words in a catalog (`a|b|c`). */
export const KEY_WORDS_SEPARATOR = '|';

/** A lease's length as a caption says it: "10 s", "10 秒". */
function leaseLength(ms: number, locale: Locale): string {
  const seconds = new Intl.NumberFormat(locale).format(ms / 1000);
  return translated('time.seconds', { seconds }, locale) ?? `${seconds} s`;
}

/** A beat's caption in `locale`: its message, with the lease's name and length it was bound with,
 * or the caption as bound (English, or a beat that has no number). */
export function localCaption(lessonId: string, beat: Beat, locale: Locale): string {
  if (locale === 'en' || beat.number === undefined) return beat.caption;
  // A beat not yet bound to a run keeps its placeholders, as the English one does.
  const values: Record<string, string> = { lease: '{lease}', leaseLength: '{leaseLength}' };
  if (beat.lease) {
    const name = translated(leaseNameId(beat.lease.broker), undefined, locale);
    values.lease = name ?? brokerLease(beat.lease.broker).name;
    values.leaseLength = beat.lease.ms === null ? '' : leaseLength(beat.lease.ms, locale);
  }
  return translated(lessonIds(lessonId).beat(beat.number), values, locale) ?? beat.caption;
}

const cache = new Map<Locale, WeakMap<Scenario, Scenario>>();

/** The lesson with its words in `locale` (the same object in English); the same object each time
 * for a lesson and a language, so that it can be a dependency of React's memos. */
export function localLesson(scenario: Scenario, locale: Locale): Scenario {
  if (locale === 'en') return scenario;
  let byLesson = cache.get(locale);
  if (!byLesson) cache.set(locale, (byLesson = new WeakMap()));
  const known = byLesson.get(scenario);
  if (known) return known;
  const ids = lessonIds(scenario.id);
  const say = (id: string, english: string) => translated(id, undefined, locale) ?? english;
  const { prediction } = scenario;
  const keyWords = translated(ids.keyWords, undefined, locale);
  const goal = (g: Goal): Goal => ({
    ...g,
    label: say(ids.goal(g.id), g.label),
    ...(g.labelBeforeAnswer === undefined
      ? {}
      : { labelBeforeAnswer: say(ids.goalBefore(g.id), g.labelBeforeAnswer) }),
  });
  const local: Scenario = {
    ...scenario,
    title: say(`lesson.${scenario.id}.title`, scenario.title),
    premise: say(ids.premise, scenario.premise),
    teaches: say(ids.teaches, scenario.teaches),
    beats: scenario.beats.map((beat) => ({
      ...beat,
      caption: localCaption(scenario.id, beat, locale),
    })),
    prediction: {
      ...prediction,
      question: say(ids.question, prediction.question),
      options: prediction.options.map((o) => ({ ...o, label: say(ids.option(o.id), o.label) })),
      explanation: say(ids.explanation, prediction.explanation),
      reveal: { ...prediction.reveal, label: say(ids.reveal, prediction.reveal.label) },
      keyWords: keyWords === undefined ? prediction.keyWords : keyWords.split(KEY_WORDS_SEPARATOR),
    },
    goals: scenario.goals.map(goal),
    ...(scenario.discussion
      ? { discussion: scenario.discussion.map((d, i) => say(ids.discussion(i + 1), d)) }
      : {}),
  };
  byLesson.set(scenario, local);
  return local;
}
