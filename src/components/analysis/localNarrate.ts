/** The event log's sentences and an order timeline's summary and rows in the language on.
 * narrate.ts and trace.ts write them in English for the host API and the command line; the page
 * words them from the catalog (`eventLog.sentence.<kind>`, `waterfall.summary`,
 * `waterfall.row.<id>`), and English keeps their own words (a unit test holds the two to the same
 * sentences). */
import { FLOW_PRESETS, type LogEntry } from '../../engine/index.ts';
import { LESSON_FLOWS } from '../../scenarios/lessonFlows.ts';
import { eventLine, narrate } from '../../analysis/narrate.ts';
import type { EventLine } from '../../analysis/laneAnalysis.ts';
import {
  emailState,
  ERROR_REASONS,
  type OrderTrace,
  type RowWords,
  type TraceRow,
} from '../../analysis/trace.ts';
import { tells, type ToldEvent } from '../../analysis/told.ts';
import { localTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId, MessageValues } from '../../i18n/runtime.ts';

type Sentence = [MessageId, MessageValues];

/** The flows whose steps the catalog names (`flowStep.<flow>.<step>`), by step id: a step id
 * that only one of them has. */
let flowOfStep: Map<string, string | null> | null = null;

/** A step's name in the language on, when its id is one flow's alone; else its id, as narrate
 * writes it (the entry does not say which flow it belongs to). */
function stepWord(t: Translate, step: string): string {
  if (t.locale === 'en') return step;
  if (!flowOfStep) {
    flowOfStep = new Map();
    for (const make of [...Object.values(FLOW_PRESETS), ...Object.values(LESSON_FLOWS)]) {
      const flow = make();
      for (const s of flow.steps) {
        flowOfStep.set(s.id, flowOfStep.has(s.id) ? null : flow.id);
      }
    }
  }
  const flow = flowOfStep.get(step);
  return flow ? t(`flowStep.${flow}.${step}` as MessageId) : step;
}

/** The catalog's message and values for a told entry, or null when it is not told. */
export function sentenceOf(t: Translate, entry: LogEntry): Sentence | null {
  if (!tells(entry)) return null;
  const id = (kind: string) => `eventLog.sentence.${kind}` as MessageId;
  const order = 'order' in entry ? String(entry.order) : '';
  const worker = 'worker' in entry ? String(entry.worker) : '';
  switch (entry.kind) {
    case 'orderPlaced':
      return [
        id(entry.kind),
        { order, customer: String(entry.customer), retry: entry.attempt === 0 ? 'no' : 'yes' },
      ];
    case 'waitingForHandler':
      return [id(entry.kind), { order, position: String(entry.position) }];
    case 'stepStarted':
    case 'serverFinishedLate':
    case 'redriven':
    case 'visibilityExpired':
    case 'deadLettered':
      return [id(entry.kind), { order }];
    case 'stepFinished':
      return ['validate', 'charge', 'save'].includes(entry.step)
        ? [id(entry.kind), { order, step: entry.step }]
        : null;
    case 'pageShown':
      return [
        id(entry.kind),
        {
          order,
          time: localTime(t, entry.responseMs),
          reason:
            entry.page === 'success'
              ? 'success'
              : ERROR_REASONS[entry.reason ?? 'email failed'].key,
        },
      ];
    case 'serverCrashed':
      return [id(entry.kind), { order, saved: entry.jobSaved ? 'yes' : 'no' }];
    case 'outboxRelayed':
      return [id(entry.kind), { rows: entry.rows }];
    case 'chargeDeduplicated':
    case 'doubleCharge':
      return [id(entry.kind), { order, customer: String(entry.customer) }];
    case 'emailDeduplicated':
    case 'messageAcked':
    case 'lateAck':
      return [id(entry.kind), { order, worker }];
    case 'messageQueued':
      return [id(entry.kind), { order, depth: entry.depth }];
    case 'messageReceived':
      return [
        id(entry.kind),
        {
          order,
          worker,
          receive: String(entry.receive),
          again: entry.receive === 1 ? 'no' : 'yes',
        },
      ];
    case 'emailSent':
      return [
        id(entry.kind),
        {
          order,
          worker,
          by: entry.worker < 0 ? 'server' : entry.duplicate ? 'duplicate' : 'worker',
        },
      ];
    case 'emailFailed':
      return [id(entry.kind), { order, worker, by: entry.worker < 0 ? 'server' : 'worker' }];
    case 'messageRetryLater':
      return [id(entry.kind), { order, time: localTime(t, entry.visibleAtMs) }];
    case 'messageDropped':
      return [id(entry.kind), { order, receive: String(entry.receive) }];
    case 'offsetCommitted':
    case 'partitionRewound':
      return [
        id(entry.kind),
        {
          partition: String(entry.partition),
          offset: String(entry.offset),
          records: entry.records,
        },
      ];
    case 'workerCrashed':
      return [id(entry.kind), { order, worker, afterSend: entry.afterSend ? 'yes' : 'no' }];
    case 'workerRestarted':
      return [id(entry.kind), { worker }];
    case 'jobFinished':
    case 'confirmedThenFailed':
      return [id(entry.kind), { order, worker, step: stepWord(t, entry.step) }];
    case 'emailService':
      return [id(entry.kind), { down: entry.down ? 'yes' : 'no' }];
    case 'settingChanged':
      return [
        id(entry.kind),
        { key: entry.key, value: entry.value, place: entry.key === 'orders.place' ? 'yes' : 'no' },
      ];
    case 'emailCall':
    case 'userRetry':
      return null;
  }
}

/** A sentence for the entry in the language on: narrate's own in English. */
export function localNarrate(t: Translate, entry: LogEntry): string | null {
  if (t.locale === 'en') return narrate(entry);
  const sentence = sentenceOf(t, entry);
  return sentence ? t(...sentence) : null;
}

/** Sentences already worded, by language and entry: the log is drawn often, and its entries
 * never change. */
const worded = new Map<string, WeakMap<LogEntry, string>>();

/** A told entry as the event log shows it, in the language on. */
export function localEventLine(t: Translate, event: ToldEvent): EventLine {
  const line = eventLine(event);
  if (t.locale === 'en') return line;
  let byEntry = worded.get(t.locale);
  if (!byEntry) worded.set(t.locale, (byEntry = new WeakMap()));
  let text = byEntry.get(event.entry);
  if (text === undefined) {
    text = localNarrate(t, event.entry) ?? '';
    byEntry.set(event.entry, text);
  }
  return { ...line, text };
}

/** An order timeline's one-sentence summary in the language on: trace.ts's own in English. */
export function localSummary(t: Translate, trace: OrderTrace): string {
  if (t.locale === 'en') return trace.summary;
  return t('waterfall.summary', summaryValues(t, trace));
}

/** The summary message's values for a trace. */
export function summaryValues(t: Translate, trace: OrderTrace): MessageValues {
  const email = trace.sendsEmail ? emailState(trace) : 'none';
  return {
    order: String(trace.order),
    customer: String(trace.customer),
    retry: trace.attempt > 0 ? 'yes' : 'no',
    placed: localTime(t, trace.placedAtMs),
    page: trace.page ? trace.page.page : 'none',
    response: trace.page ? localTime(t, trace.page.responseMs) : '',
    email,
    emailAfter: trace.emailAtMs === null ? '' : localTime(t, trace.emailAtMs - trace.placedAtMs),
    charged: trace.page?.page === 'error' && trace.charged ? 'yes' : 'no',
  };
}

/** An order timeline's row label in the language on: trace.ts's own in English. */
export function localRowLabel(t: Translate, row: TraceRow): string {
  return t.locale === 'en' ? row.label : wordRow(t, row.words);
}

/** A row's words from the catalog (`waterfall.row.<id>`, then `waterfall.note.<note>`). */
export function wordRow(t: Translate, words: RowWords): string {
  const values: Record<string, string | number> = { ...words.values };
  if (typeof values.untilMs === 'number') values.time = localTime(t, values.untilMs);
  if (values.flow !== undefined) {
    values.step = flowStepWord(t, String(values.flow), String(values.step), String(values.label));
  }
  const what =
    words.id === 'step' ? String(values.step) : t(`waterfall.row.${words.id}` as MessageId, values);
  return words.note ? t(`waterfall.note.${words.note}` as MessageId, { what }) : what;
}

/** A flow's step by the catalog's name for it when the flow is a preset's or a lesson's and the
 * step is as that flow names it; else its own label (a flow of the user's own). */
function flowStepWord(t: Translate, flow: string, step: string, label: string): string {
  const made = (FLOW_PRESETS[flow] ?? LESSON_FLOWS[flow])?.();
  const named = made?.steps.some((s) => s.id === step && s.label === label);
  return named ? t(`flowStep.${flow}.${step}` as MessageId) : label;
}
