// The event log's sentences in the catalogs: English's messages say exactly what narrate.ts
// says, for every told kind and variant, so the two cannot drift; Spanish and Chinese word every
// one of them with nothing left over.
import { beforeAll, describe, expect, it } from 'vitest';
import { Collector } from '../../src/analysis/collector.ts';
import { formatTime } from '../../src/format/index.ts';
import { narrate, tells } from '../../src/analysis/narrate.ts';
import { buildTrace, orderTrace, type OrderTrace } from '../../src/analysis/trace.ts';
import {
  localNarrate,
  localRowLabel,
  localSummary,
  sentenceOf,
  summaryValues,
  wordRow,
} from '../../src/components/analysis/localNarrate.ts';
import { Simulation, type LogEntry, type LogKind } from '../../src/engine/index.ts';
import { scenarioRecipe } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import '../../src/i18n/parts/analysis.ts';
// A flow's step names (the English check of rows that name them).
import '../../src/i18n/parts/controls.ts';
import type { Translate } from '../../src/i18n/react.tsx';
import { loadLocale, t } from '../../src/i18n/runtime.ts';
import { everyKindRuns } from './runs.ts';

const inLocale = (locale: string): Translate =>
  Object.assign(
    (id: Parameters<typeof t>[0], values?: Parameters<typeof t>[1]) => t(id, values, locale),
    {
      locale,
    },
  );

/** One entry per told kind and per variant its sentence has, made by hand. */
const SAMPLES: LogEntry[] = [
  { t: 0, kind: 'orderPlaced', order: 1, customer: 1, attempt: 0 },
  { t: 0, kind: 'orderPlaced', order: 2, customer: 1, attempt: 1 },
  { t: 0, kind: 'waitingForHandler', order: 3, position: 2 },
  { t: 0, kind: 'stepStarted', order: 3, step: 'email', endMs: 900, ok: true },
  { t: 0, kind: 'stepFinished', order: 3, step: 'validate', ok: true },
  { t: 0, kind: 'stepFinished', order: 3, step: 'charge', ok: true },
  { t: 0, kind: 'stepFinished', order: 3, step: 'save', ok: true },
  { t: 0, kind: 'pageShown', order: 4, page: 'success', reason: null, responseMs: 1050 },
  { t: 0, kind: 'pageShown', order: 4, page: 'error', reason: 'timeout', responseMs: 30_000 },
  { t: 0, kind: 'pageShown', order: 4, page: 'error', reason: 'server crashed', responseMs: 2550 },
  { t: 0, kind: 'pageShown', order: 4, page: 'error', reason: 'step failed', responseMs: 75_500 },
  { t: 0, kind: 'pageShown', order: 4, page: 'error', reason: 'email failed', responseMs: 12_340 },
  { t: 0, kind: 'serverFinishedLate', order: 5 },
  { t: 0, kind: 'serverCrashed', order: 5, jobSaved: true },
  { t: 0, kind: 'serverCrashed', order: 5, jobSaved: false },
  { t: 0, kind: 'outboxRelayed', rows: 1 },
  { t: 0, kind: 'outboxRelayed', rows: 3 },
  { t: 0, kind: 'doubleCharge', order: 6, customer: 2 },
  { t: 0, kind: 'chargeDeduplicated', order: 6, customer: 2 },
  { t: 0, kind: 'messageQueued', message: 1, order: 7, depth: 1 },
  { t: 0, kind: 'messageQueued', message: 1, order: 7, depth: 12 },
  { t: 0, kind: 'messageReceived', message: 1, order: 7, worker: 0, receive: 1 },
  { t: 0, kind: 'messageReceived', message: 1, order: 7, worker: 2, receive: 3 },
  { t: 0, kind: 'emailSent', order: 7, worker: -1, duplicate: false },
  { t: 0, kind: 'emailSent', order: 7, worker: 1, duplicate: false },
  { t: 0, kind: 'emailSent', order: 7, worker: 1, duplicate: true },
  { t: 0, kind: 'emailFailed', order: 7, worker: -1 },
  { t: 0, kind: 'emailFailed', order: 7, worker: 1 },
  { t: 0, kind: 'messageAcked', message: 1, order: 7, worker: 1 },
  { t: 0, kind: 'lateAck', message: 1, order: 7, worker: 1 },
  { t: 0, kind: 'messageRetryLater', message: 1, order: 7, visibleAtMs: 61_500 },
  { t: 0, kind: 'visibilityExpired', message: 1, order: 7 },
  { t: 0, kind: 'deadLettered', message: 1, order: 7, step: 'email' },
  { t: 0, kind: 'redriven', message: 1, order: 7 },
  { t: 0, kind: 'messageDropped', message: 1, order: 7, receive: 5 },
  { t: 0, kind: 'offsetCommitted', partition: 0, offset: 42, records: 1 },
  { t: 0, kind: 'offsetCommitted', partition: 1, offset: 7, records: 4 },
  { t: 0, kind: 'partitionRewound', partition: 0, offset: 40, records: 1 },
  { t: 0, kind: 'partitionRewound', partition: 0, offset: 40, records: 2 },
  { t: 0, kind: 'emailDeduplicated', order: 7, worker: 1 },
  { t: 0, kind: 'workerCrashed', worker: 1, order: 7, afterSend: true },
  { t: 0, kind: 'workerCrashed', worker: 1, order: 7, afterSend: false },
  { t: 0, kind: 'workerRestarted', worker: 1 },
  { t: 0, kind: 'jobFinished', order: 8, worker: 1, step: 'push', ok: false },
  { t: 0, kind: 'confirmedThenFailed', order: 8, step: 'push' },
  { t: 0, kind: 'emailService', down: true },
  { t: 0, kind: 'emailService', down: false },
  { t: 0, kind: 'settingChanged', key: 'orders.place', value: '5' },
  { t: 0, kind: 'settingChanged', key: 'load.rate', value: '2' },
];

const told = [...SAMPLES, ...everyKindRuns().flatMap((r) => r.entries)].filter(tells);
const english = inLocale('en');

beforeAll(async () => {
  await loadLocale('es');
  await loadLocale('zh-CN');
});

describe('the event log in the catalogs', () => {
  it('has a sample of every told kind', () => {
    const kinds = new Set<LogKind>(told.map((e) => e.kind));
    const runKinds = new Set(
      everyKindRuns().flatMap((r) => r.entries.filter(tells).map((e) => e.kind)),
    );
    for (const kind of runKinds) expect(kinds.has(kind)).toBe(true);
    expect(new Set(SAMPLES.map((e) => e.kind))).toEqual(runKinds);
  });

  it('says in English exactly what narrate says, for every told entry', () => {
    for (const entry of told) {
      const sentence = sentenceOf(english, entry);
      expect(sentence === null ? null : english(...sentence)).toBe(narrate(entry));
    }
  });

  it.each(['es', 'zh-CN'])(
    'words every told entry in %s, with nothing left in English',
    (locale) => {
      const local = inLocale(locale);
      for (const entry of told) {
        const text = localNarrate(local, entry);
        expect(text === null).toBe(narrate(entry) === null);
        if (text === null) continue;
        expect(text).not.toMatch(/NaN|undefined|Infinity|\{|\}|eventLog\./);
        expect(text).not.toBe(narrate(entry));
      }
    },
  );

  it('writes times and counts in the language on', () => {
    const page = SAMPLES.find((e) => e.kind === 'pageShown')!;
    expect(localNarrate(inLocale('es'), page)).toBe(
      'Pedido 4: el cliente vio la página de éxito tras 1,05 s',
    );
    expect(localNarrate(inLocale('zh-CN'), page)).toBe('订单 4：顾客在 1.05 秒 后看到成功页面');
    const one = SAMPLES.find((e) => e.kind === 'outboxRelayed')!;
    expect(localNarrate(inLocale('es'), one)).toBe(
      'El relé del outbox pasó 1 tarea de correo a la cola',
    );
  });
});

/** Every order's timeline in the reference runs, and a login's (a flow that sends no email). */
function allTraces(): OrderTrace[] {
  const traces: OrderTrace[] = [];
  for (const r of everyKindRuns()) {
    const c = new Collector();
    c.ingest(r.entries, Infinity);
    const orders = new Set(r.entries.flatMap((e) => ('order' in e ? [e.order] : [])));
    for (const order of orders) {
      const trace = orderTrace(c, order);
      if (trace) traces.push(trace);
    }
  }
  // An order just placed: no page yet.
  const first = everyKindRuns()[0]!.entries.filter((e) => 'order' in e && e.order === 1);
  traces.push(buildTrace(1, first.slice(0, 1)));
  const lesson = SCENARIOS.find((s) => s.id === 'password-check')!;
  const recipe = scenarioRecipe(lesson);
  const sim = Simulation.fromRecipe(recipe, 'sync', { logCapacity: 100_000 });
  sim.runToSettle(60_000);
  const c = new Collector();
  c.ingest(sim.readLog(0).entries, Infinity);
  traces.push(orderTrace(c, 1, recipe.flow)!);
  return traces;
}

describe('a failed job’s step in the event log', () => {
  it('is named as its flow names it, in the language on', () => {
    const job = SAMPLES.find((e) => e.kind === 'jobFinished')!;
    expect(localNarrate(inLocale('es'), job)).toContain(`«${t('flowStep.signup.push', {}, 'es')}»`);
    expect(localNarrate(inLocale('zh-CN'), job)).toContain(t('flowStep.signup.push', {}, 'zh-CN'));
    expect(localNarrate(inLocale('es'), job)).not.toContain('flowStep.');
    // A step id two flows share ("email") keeps its id rather than guess which flow it is.
    const shared = { ...job, step: 'email' };
    expect(localNarrate(inLocale('es'), shared)).toContain('«email»');
  });
});

describe('the order timeline’s summary in the catalogs', () => {
  const traces = allTraces();

  it('covers every way a summary ends', () => {
    const values = traces.map((trace) => summaryValues(english, trace));
    expect(new Set(values.map((v) => v.email))).toEqual(
      new Set(['sent', 'deadLettered', 'failed', 'notYet', 'none']),
    );
    expect(new Set(values.map((v) => v.page))).toEqual(new Set(['success', 'error', 'none']));
    expect(values.some((v) => v.retry === 'yes' && v.charged === 'yes')).toBe(true);
  });

  it('says in English exactly what trace.ts says', () => {
    for (const trace of traces) {
      expect(english('waterfall.summary', summaryValues(english, trace))).toBe(trace.summary);
    }
  });

  it.each(['es', 'zh-CN'])('words every summary in %s', (locale) => {
    for (const trace of traces) {
      const text = localSummary(inLocale(locale), trace);
      expect(text).not.toMatch(/NaN|undefined|Infinity|\{|\}|waterfall\./);
      expect(text).not.toBe(trace.summary);
      if (locale === 'zh-CN') expect(text).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});

/** Every order's timeline of every lesson whose flow is not the checkout, in both modes. */
function flowTraces(): OrderTrace[] {
  const traces: OrderTrace[] = [];
  for (const lesson of SCENARIOS) {
    const recipe = scenarioRecipe(lesson);
    if (!recipe.flow || recipe.flow.id === 'checkout') continue;
    for (const mode of ['sync', 'async'] as const) {
      const sim = Simulation.fromRecipe(recipe, mode, { logCapacity: 100_000 });
      sim.runToSettle(60_000);
      const entries = sim.readLog(0).entries;
      const c = new Collector();
      c.ingest(entries, Infinity);
      const orders = new Set(entries.flatMap((e) => ('order' in e ? [e.order] : [])));
      for (const order of [...orders].slice(0, 20)) {
        const trace = orderTrace(c, order, recipe.flow);
        if (trace) traces.push(trace);
      }
    }
  }
  return traces;
}

describe('the order timeline’s rows in the catalogs', () => {
  const rows = [...allTraces(), ...flowTraces()].flatMap((trace) => trace.rows);

  it('covers every row kind, note and flow wording', () => {
    const ids = new Set(rows.map((r) => r.words.id));
    for (const id of ['step', 'jobs', 'stepAttempt', 'attempt', 'page', 'crash', 'backoff']) {
      expect(ids).toContain(id);
    }
    for (const id of ['handlerWait', 'validate', 'charge', 'save', 'enqueue', 'email']) {
      expect(ids).toContain(id);
    }
    for (const id of ['queueWait', 'emailDelivered', 'leaseExpired', 'lateAck', 'deadLetter']) {
      expect(ids).toContain(id);
    }
    for (const id of ['doubleCharge', 'serverLate']) expect(ids).toContain(id);
    expect(new Set(rows.flatMap((r) => (r.words.note ? [r.words.note] : [])))).toEqual(
      new Set(['failed', 'done', 'crashed', 'sent', 'sentAgain']),
    );
  });

  it('says in English exactly what trace.ts says, for every row', () => {
    for (const row of rows) expect(wordRow(english, row.words)).toBe(row.label);
  });

  it.each(['es', 'zh-CN'])('words every row in %s, with nothing left in English', (locale) => {
    const local = inLocale(locale);
    for (const row of rows) {
      const text = localRowLabel(local, row);
      expect(text).not.toMatch(/NaN|undefined|Infinity|\{|\}|waterfall\.|flowStep\./);
      expect(text).not.toBe(row.label);
      if (locale === 'zh-CN') expect(text.replace('Web', '')).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('writes a backoff’s time in the language on', () => {
    const backoff = rows.find((r) => r.words.id === 'backoff')!;
    const until = Number(backoff.words.values?.untilMs);
    expect(backoff.label).toContain(formatTime(until));
    expect(localRowLabel(inLocale('es'), backoff)).toContain(
      formatTime(until).replace('.', ',').replace(' s', ''),
    );
    expect(localRowLabel(inLocale('zh-CN'), backoff)).toContain('秒时');
  });

  it('counts the jobs a flow puts on the queue', () => {
    const jobs = (n: number) => ({ id: 'jobs', values: { jobs: n } });
    expect(wordRow(english, jobs(3))).toBe('Put 3 jobs on the queue');
    expect(wordRow(inLocale('es'), jobs(3))).toBe('Poner 3 tareas en la cola');
    expect(wordRow(inLocale('zh-CN'), jobs(3))).toBe('把 3 个任务放入队列');
    expect(wordRow(inLocale('zh-CN'), jobs(1))).toBe('把任务放入队列');
  });
});
