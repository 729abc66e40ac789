/** A link's `flow`: a preset's id, or a flow of one's own written as steps a teacher can edit by
 * hand (`store:Store the photo:300:request,resize:Resize it:1500:background`), after an optional
 * ID:NAME for the flow itself (`photo:Photo upload,store:…`), read through the
 * engine's `parseFlow` so that a link and a flow file are checked by one checker. */
import {
  FLOW_PRESETS,
  FLOW_PRESET_IDS,
  formatDistribution,
  flowJson,
  formatOutages,
  parseDecimal,
  parseFlow,
  splitOutsideParens,
  type Flow,
} from '../engine/index.ts';

/** Far above the longest flow a teacher writes (8 steps of long labels are about 700), and below
 * what address bars, LMS link fields and slide tools keep (about 2,000 for the whole link). */
export const MAX_FLOW_PARAM_CHARS = 1500;

/** How a link writes steps, as a notice says it. */
export const FLOW_SYNTAX =
  'steps ID:LABEL:LATENCY:WHERE separated by commas (store:Store the photo:300:request,resize:Resize it:1500:background)';

const EXTRAS = ['failureRate', 'needsResult', 'outages'];
/** What parseFlow calls a flow given without a name. */
const DEFAULT_NAME = { id: 'custom', label: 'Custom flow' };

/** A label may hold the separators only escaped, so a link keeps "Resize: small, large" whole. */
const escapeField = (text: string) =>
  text.replace(/%/g, '%25').replace(/,/g, '%2C').replace(/:/g, '%3A');
const unescapeField = (text: string) =>
  text.replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%25/g, '%');

/** The flow's own id and name, when the first part is ID:NAME (two fields where a step has three
 * or more, and a name that is no latency, so that a step missing its label is not taken for one). */
function nameOf(part: string | undefined): { id: string; label: string } | undefined {
  const fields = part === undefined ? [] : splitOutsideParens(part, ':');
  if (fields.length !== 2) return undefined;
  const [id, label] = fields as [string, string];
  if (!Number.isNaN(parseDecimal(label)) || /^[a-z]+\(/.test(label)) return undefined;
  return { id: unescapeField(id), label: unescapeField(label) };
}

/** One step of the link's text as the JSON `parseFlow` reads, or the sentence on its syntax. */
function stepJson(text: string, n: number): Record<string, unknown> | string {
  const fields = splitOutsideParens(text, ':');
  if (fields.length < 3) {
    const cut = text.length > 30 ? `${text.slice(0, 30)}…` : text;
    return `step ${n} ('${cut}') is not allowed: each step is ID:LABEL:LATENCY, then :request or :background`;
  }
  const [id, label, latency, where, ...extras] = fields as [string, string, string, ...string[]];
  const latencyNumber = parseDecimal(latency);
  const json: Record<string, unknown> = {
    id: unescapeField(id),
    label: unescapeField(label),
    latency: Number.isNaN(latencyNumber) ? latency : latencyNumber,
  };
  if (where !== undefined) json.where = where;
  for (const extra of extras) {
    const eq = extra.indexOf('=');
    const name = eq < 0 ? extra : extra.slice(0, eq);
    if (eq < 0 || !EXTRAS.includes(name)) {
      return `step ${n}'s field '${name.slice(0, 30)}' is not allowed: after WHERE, a step takes ${EXTRAS.map((e) => `${e}=…`).join(', ')}`;
    }
    const value = extra.slice(eq + 1).trim();
    if (name === 'failureRate')
      json.failureRate = Number.isNaN(parseDecimal(value)) ? value : parseDecimal(value);
    else if (name === 'needsResult')
      json.needsResult = value === 'true' ? true : value === 'false' ? false : value;
    else json.outages = value.replace(/^\((.*)\)$/, '$1');
  }
  return json;
}

/** The flow a link's `flow` names, or one sentence naming the first problem and what is allowed:
 * the syntax's own for a step it cannot split, else `parseFlow`'s. */
export function readFlowParam(raw: string): Flow | string {
  const text = raw.trim();
  if (text.length > MAX_FLOW_PARAM_CHARS) {
    return `a flow in a link is at most ${MAX_FLOW_PARAM_CHARS} characters, and this one has ${text.length}; give it shorter labels or fewer steps`;
  }
  if (Object.hasOwn(FLOW_PRESETS, text)) return FLOW_PRESETS[text]!();
  if (text !== '' && !text.includes(':')) {
    return `one of ${FLOW_PRESET_IDS.join(', ')}, or ${FLOW_SYNTAX}`;
  }
  const steps: Record<string, unknown>[] = [];
  // A trailing comma, as a hand-edited list often has, is no step.
  const parts = splitOutsideParens(text, ',').filter((p) => p !== '');
  const name = nameOf(parts[0]);
  for (const [i, part] of parts.slice(name ? 1 : 0).entries()) {
    const step = stepJson(part, i + 1);
    if (typeof step === 'string') return step;
    steps.push(step);
  }
  return parseFlow({ ...name, steps });
}

/** The flow as a link writes it: a preset's id when it is one, unchanged, else its ID:NAME unless
 * it is parseFlow's "Custom flow", then its steps, each with its where and only the extras that
 * differ from a step's defaults. `readFlowParam` reads it back to the same flow. */
export function writeFlowParam(flow: Flow): string {
  const preset = Object.hasOwn(FLOW_PRESETS, flow.id) ? FLOW_PRESETS[flow.id]!() : undefined;
  if (preset && sameFlow(preset, flow)) return flow.id;
  const named = flow.id !== DEFAULT_NAME.id || flow.label !== DEFAULT_NAME.label;
  const name = named ? [`${escapeField(flow.id)}:${escapeField(flow.label)}`] : [];
  const steps = flow.steps.map((s) => {
    const fields = [
      escapeField(s.id),
      escapeField(s.label),
      formatDistribution(s.latency),
      s.where,
    ];
    if (s.failureRate !== 0) fields.push(`failureRate=${s.failureRate}`);
    if (s.needsResult !== (s.where === 'request')) fields.push(`needsResult=${s.needsResult}`);
    if (s.outages.length > 0) fields.push(`outages=(${formatOutages(s.outages)})`);
    return fields.join(':');
  });
  return [...name, ...steps].join(',');
}

/** Whether two flows run alike and are named alike (a lane is named after its flow): their JSON,
 * which lists every field in one order, is the same. */
export function sameFlow(a: Flow, b: Flow): boolean {
  return JSON.stringify(flowJson(a)) === JSON.stringify(flowJson(b));
}
