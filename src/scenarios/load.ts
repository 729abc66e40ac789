/** Loads a lesson's content on demand, one chunk per lesson, and keeps the lessons loaded so far:
 * the page holds, and the store opens, only a lesson loaded here. */
import { DEFAULT_BROKER, isBroker, loadBroker, type Broker } from '../engine/index.ts';
import { lessonEntry } from './lessonIndex.ts';
import type { ResolveScript } from './lessonScript.ts';
import type { LessonContent, OwnScripts, Scenario } from './types.ts';

// A literal path each, so that the bundler makes a chunk per lesson and lint can check the layer.
const CONTENT: Readonly<Record<string, () => Promise<LessonContent>>> = {
  checkout: () => import('./checkout.ts').then((m) => m.checkout),
  'email-outage': () => import('./emailOutage.ts').then((m) => m.emailOutage),
  'flaky-email': () => import('./flakyEmail.ts').then((m) => m.flakyEmail),
  'worker-crash': () => import('./workerCrash.ts').then((m) => m.workerCrash),
  'traffic-spike': () => import('./trafficSpike.ts').then((m) => m.trafficSpike),
  'too-few-workers': () => import('./tooFewWorkers.ts').then((m) => m.tooFewWorkers),
  'password-check': () => import('./passwordCheck.ts').then((m) => m.passwordCheck),
  'poison-message': () => import('./poisonMessage.ts').then((m) => m.poisonMessage),
  'double-charge': () => import('./doubleCharge.ts').then((m) => m.doubleCharge),
  'slow-email': () => import('./slowEmail.ts').then((m) => m.slowEmail),
  'kafka-poison': () => import('./kafkaPoison.ts').then((m) => m.kafkaPoison),
  'rabbitmq-drop': () => import('./rabbitDrop.ts').then((m) => m.rabbitDrop),
  'dual-write': () => import('./dualWrite.ts').then((m) => m.dualWrite),
  'design-it': () => import('./designIt.ts').then((m) => m.designIt),
};

/** The lessons' own scripts, resolved before the build (`lessonScript`): a chunk of their own,
 * loaded with the first lesson rather than in the first load. Without it (its chunk did not
 * arrive) a lesson's script is resolved on the page, as a changed run's is. */
let stored: OwnScripts = {};
let storedLoading: Promise<void> | undefined;
function loadStored(): Promise<void> {
  storedLoading ??= import('./ownScripts.json').then(
    (m) => void (stored = m.default as OwnScripts),
    () => {},
  );
  return storedLoading;
}

/** What binds a lesson's captions to a run the user changed (script.ts, with the facts its
 * captions claim): loaded with the first lesson, not in the first load, and needed before any
 * lesson is open, so a lesson whose load it fails fails to load. The full list (`all.ts`) gives it
 * at once. */
let resolver: ResolveScript | undefined;
let resolverLoading: Promise<void> | undefined;
function loadResolver(): Promise<void> {
  resolverLoading ??= import('./script.ts').then(
    (m) => void (resolver = m.resolveScript),
    (e: unknown) => {
      resolverLoading = undefined;
      throw e;
    },
  );
  return resolverLoading;
}

/** Gives the binder at once (the full list of lessons, which the command line and tests use). */
export function provideResolver(resolve: ResolveScript): void {
  resolver = resolve;
}

/** What binds a lesson's captions to a changed run, once it has loaded. */
export function scriptResolver(): ResolveScript | undefined {
  return resolver;
}

/** The stored scripts of the lessons' own runs, as far as they have loaded. */
export function storedScripts(): OwnScripts {
  return stored;
}

const loaded = new Map<string, Scenario>();
const loading = new Map<string, Promise<Scenario>>();

/** The lesson whole, from its index entry and its content, its beats numbered from 1 (their
 * captions' messages in the catalogs, `lesson.<id>.beat.<number>`). */
export function joinLesson(content: LessonContent): Scenario {
  const entry = lessonEntry(content.id);
  if (!entry) throw new Error(`lesson content '${content.id}' has no entry in the index`);
  const beats = content.beats.map((beat, i) => ({ ...beat, number: i + 1 }));
  return { ...entry, ...content, beats };
}

/** Keeps a lesson as loaded (the full list, `all.ts`, keeps every one). */
export function keepLoaded(scenario: Scenario): void {
  loaded.set(scenario.id, scenario);
}

/** A lesson already loaded, or undefined (not loaded yet, or not a lesson). */
export function findScenario(id: string): Scenario | undefined {
  return loaded.get(id);
}

/** Loads a lesson's content once; rejects for an id that is not a lesson, or when its chunk does
 * not arrive (a failed load may be tried again). */
export function loadLesson(id: string): Promise<Scenario> {
  const done = loaded.get(id);
  if (done) return Promise.resolve(done);
  const content = CONTENT[id];
  if (!content) return Promise.reject(new Error(`no lesson '${id}'`));
  let pending = loading.get(id);
  if (!pending) {
    // The lesson's broker loads with it (engine/queue/load.ts), so that its run can start.
    pending = Promise.all([content(), loadStored(), loadResolver(), loadBroker(lessonBroker(id))])
      .then(([c]) => {
        const scenario = joinLesson(c);
        keepLoaded(scenario);
        return scenario;
      })
      .finally(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

/** The broker a lesson's run uses: its settings', or the default. */
function lessonBroker(id: string): Broker {
  const value = String(lessonEntry(id)?.settings['queue.broker'] ?? DEFAULT_BROKER);
  return isBroker(value) ? value : DEFAULT_BROKER;
}

/** What the page says when a lesson's chunk does not arrive. */
export function lessonLoadFailed(title: string): string {
  return `The lesson “${title}” could not load: check the connection and try again.`;
}

/** Loads every lesson (the host API, which may open any at a word, waits for them). */
export function loadAllLessons(): Promise<Scenario[]> {
  return Promise.all(Object.keys(CONTENT).map(loadLesson));
}
