/** A flow as data: the ordered steps a request goes through, where each runs (in the request or
 * as a background job), the presets from the lessons, and `parseFlow`, which checks a flow from
 * outside (a JSON file) and names the first problem with the values allowed. */
import {
  DISTRIBUTION_HELP,
  formatDistribution,
  parseDistribution,
  type Distribution,
} from './distributions.ts';
import { formatOutages, parseOutages, type OutageWindow } from './outages.ts';

export type StepWhere = 'request' | 'background';
export const STEP_WHERE: readonly StepWhere[] = ['request', 'background'];

export interface FlowStep {
  id: string;
  label: string;
  latency: Distribution;
  /** The chance that one attempt fails (an attempt in the request fails the request). */
  failureRate: number;
  /** Windows of simulated time in which every attempt fails. The step `email` keeps the email
   * service's own windows here (the `email.outage` setting). */
  outages: OutageWindow[];
  /** The customer needs this step's result: if it runs in the background and fails for good after
   * the page said "confirmed", the order is confirmed, then failed. */
  needsResult: boolean;
  where: StepWhere;
}

export interface Flow {
  id: string;
  label: string;
  steps: FlowStep[];
}

export const MAX_FLOW_STEPS = 8;
export const STEP_ID_PATTERN = /^[a-z][a-zA-Z0-9]{0,23}$/;
const ID_HELP = 'a letter a-z, then up to 23 letters or digits';
const LABEL_MAX = 40;
/** The async lane's own step (putting the jobs on the queue): no flow step may take its name. */
export const ENQUEUE_STEP_ID = 'enqueue';

/** What the engine does at a step beyond taking its time, decided by the step's id: `charge`
 * charges the card (double charges, the checkout's idempotency key), `save` saves the order,
 * `email` calls the email service (its outages and down switch, poison orders, idempotency keys,
 * emailSent log entries); any other id is plain work. Numbers, so the hot path switches on them. */
export const ROLE = { plain: 0, charge: 1, save: 2, email: 3, enqueue: 4 } as const;
export type StepRole = (typeof ROLE)[keyof typeof ROLE];

export function roleOf(id: string): StepRole {
  switch (id) {
    case 'charge':
      return ROLE.charge;
    case 'save':
      return ROLE.save;
    case 'email':
      return ROLE.email;
    case ENQUEUE_STEP_ID:
      return ROLE.enqueue;
    default:
      return ROLE.plain;
  }
}

const ms = (n: number): Distribution => ({ kind: 'constant', ms: n });

function step(
  id: string,
  label: string,
  latencyMs: number,
  where: StepWhere,
  needsResult = where === 'request',
): FlowStep {
  return { id, label, latency: ms(latencyMs), failureRate: 0, outages: [], needsResult, where };
}

/** The lessons' flows. `checkout` is the default: the seed's 200, 800, 50 and 1,500 ms. */
export const FLOW_PRESETS: Readonly<Record<string, () => Flow>> = {
  checkout: () => ({
    id: 'checkout',
    label: 'Checkout',
    steps: [
      step('validate', 'Validate the card', 200, 'request'),
      step('charge', 'Charge the card', 800, 'request'),
      step('save', 'Save the order', 50, 'request'),
      step('email', 'Send the confirmation email', 1500, 'background'),
    ],
  }),
  password: () => ({
    id: 'password',
    label: 'Password check',
    steps: [step('check', 'Check the password', 120, 'request')],
  }),
  signup: () => ({
    id: 'signup',
    label: 'Sign-up',
    steps: [
      step('createAccount', 'Create the account', 300, 'request'),
      step('email', 'Send the welcome email', 1500, 'background'),
      step('push', 'Send a push notification', 400, 'background'),
      step('analytics', 'Record an analytics event', 100, 'background'),
    ],
  }),
  video: () => ({
    id: 'video',
    label: 'Video upload',
    steps: [
      step('store', 'Store the file', 2000, 'request'),
      step('transcode', 'Transcode the video', 30_000, 'background'),
      step('thumbnail', 'Make a thumbnail', 1500, 'background'),
    ],
  }),
};

export const FLOW_PRESET_IDS = Object.keys(FLOW_PRESETS);

export function checkoutFlow(): Flow {
  return FLOW_PRESETS.checkout!();
}

/** The flow step with this id, or -1. */
export function stepIndexOf(flow: Flow, id: string): number {
  return flow.steps.findIndex((s) => s.id === id);
}

/** The sentence for a step id the flow does not have, naming the ids it has. */
export function unknownStep(flow: Flow, id: string): string {
  return `the flow '${flow.id}' has no step '${id}'; its steps: ${flow.steps.map((s) => s.id).join(', ')}`;
}

/** The JSON a flow is read back from (`parseFlow(flowJson(f))` gives `f` again). */
export function flowJson(flow: Flow): object {
  return {
    id: flow.id,
    label: flow.label,
    steps: flow.steps.map((s) => ({
      id: s.id,
      label: s.label,
      latency: formatDistribution(s.latency),
      failureRate: s.failureRate,
      outages: formatOutages(s.outages),
      needsResult: s.needsResult,
      where: s.where,
    })),
  };
}

const FLOW_FIELDS = ['id', 'label', 'steps'];
const STEP_FIELDS = ['id', 'label', 'latency', 'failureRate', 'outages', 'needsResult', 'where'];

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Echoes a bad value in a message: JSON, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function unknownField(record: Record<string, unknown>, allowed: string[], where: string) {
  const extra = Object.keys(record).find((k) => !allowed.includes(k));
  return extra === undefined
    ? undefined
    : `unknown field '${extra.slice(0, 40)}' in ${where}; allowed: ${allowed.join(', ')}`;
}

function checkLabel(label: unknown, where: string): string | undefined {
  return typeof label === 'string' && label.trim().length >= 1 && label.length <= LABEL_MAX
    ? undefined
    : `${where}'s label ${shown(label)} is not allowed: text of 1 to ${LABEL_MAX} characters`;
}

/** One step from JSON, or a sentence naming what is wrong with it. */
function parseStep(raw: unknown, n: number): FlowStep | string {
  const name = `step ${n}`;
  if (!isObject(raw))
    return `${name} is not allowed: each step is an object with an id and a latency`;
  const extra = unknownField(raw, STEP_FIELDS, name);
  if (extra) return extra;
  const { id } = raw;
  if (typeof id !== 'string' || !STEP_ID_PATTERN.test(id)) {
    return `${name}'s id ${shown(id)} is not allowed: ${ID_HELP}`;
  }
  if (id === ENQUEUE_STEP_ID) {
    return `${name}'s id 'enqueue' is taken by the async lane's own step; pick another`;
  }
  const at = `step '${id}'`;
  const label = raw.label ?? id;
  const badLabel = checkLabel(label, at);
  if (badLabel) return badLabel;
  if (raw.latency === undefined) return `${at} needs a latency: ${DISTRIBUTION_HELP}`;
  if (typeof raw.latency !== 'number' && typeof raw.latency !== 'string') {
    return `${at}'s latency ${shown(raw.latency)} is not allowed: ${DISTRIBUTION_HELP}`;
  }
  const latency =
    typeof raw.latency === 'number' && !(raw.latency >= 0)
      ? `expected ${DISTRIBUTION_HELP}`
      : parseDistribution(String(raw.latency));
  if (typeof latency === 'string') {
    return `${at}'s latency ${shown(raw.latency)} is not allowed: ${latency}`;
  }
  const failureRate = raw.failureRate ?? 0;
  if (typeof failureRate !== 'number' || !(failureRate >= 0 && failureRate <= 1)) {
    return `${at}'s failureRate ${shown(failureRate)} is not allowed: a number from 0 to 1`;
  }
  const where = raw.where ?? 'request';
  if (!STEP_WHERE.includes(where as StepWhere)) {
    return `${at}'s where ${shown(where)} is not allowed: one of ${STEP_WHERE.join(', ')}`;
  }
  const needsResult = raw.needsResult ?? where === 'request';
  if (typeof needsResult !== 'boolean') {
    return `${at}'s needsResult ${shown(needsResult)} is not allowed: true or false`;
  }
  const outagesRaw = raw.outages ?? 'none';
  const outages = typeof outagesRaw === 'string' ? parseOutages(outagesRaw) : undefined;
  if (outages === undefined || typeof outages === 'string') {
    return `${at}'s outages ${shown(outagesRaw)} is not allowed: ${typeof outages === 'string' ? outages : 'a text such as "20-40"'}`;
  }
  return {
    id,
    label: label as string,
    latency,
    failureRate,
    outages,
    needsResult,
    where: where as StepWhere,
  };
}

/** A flow from JSON (already parsed), or one sentence naming the first problem and what is
 * allowed. The flow's own id and label are optional ('custom', 'Custom flow'). */
export function parseFlow(json: unknown): Flow | string {
  if (!isObject(json)) {
    return 'a flow is a JSON object: {"id", "label", "steps": [{"id", "latency", "where"}, …]}';
  }
  const extra = unknownField(json, FLOW_FIELDS, 'the flow');
  if (extra) return extra;
  const id = json.id ?? 'custom';
  if (typeof id !== 'string' || !STEP_ID_PATTERN.test(id)) {
    return `the flow's id ${shown(id)} is not allowed: ${ID_HELP}`;
  }
  const label = json.label ?? 'Custom flow';
  const badLabel = checkLabel(label, 'the flow');
  if (badLabel) return badLabel;
  const { steps } = json;
  if (!Array.isArray(steps) || steps.length === 0) {
    return `a flow needs 1 to ${MAX_FLOW_STEPS} steps in "steps"; this one has none`;
  }
  if (steps.length > MAX_FLOW_STEPS) {
    return `a flow has 1 to ${MAX_FLOW_STEPS} steps; this one has ${steps.length}`;
  }
  const parsed: FlowStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const one = parseStep(steps[i], i + 1);
    if (typeof one === 'string') return one;
    if (parsed.some((s) => s.id === one.id)) {
      return `two steps have the id '${one.id}'; each step needs an id of its own`;
    }
    parsed.push(one);
  }
  return { id, label: label as string, steps: parsed };
}
