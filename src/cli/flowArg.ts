/** `--flow`: a preset's id (checkout, password, signup, video), else the path of a JSON file
 * holding a flow, read and checked by the engine's parseFlow. A bad flow is one sentence. */
import { readFileSync } from 'node:fs';
import { clip, FLOW_PRESET_IDS, FLOW_PRESETS, parseFlow, type Flow } from '../engine/index.ts';

/** The most a flow file may hold: eight steps take a few hundred bytes. */
const MAX_FLOW_BYTES = 64 * 1024;

export function loadFlow(arg: string): Flow | string {
  const preset = FLOW_PRESETS[arg];
  if (preset && Object.hasOwn(FLOW_PRESETS, arg)) return preset();
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch {
    return `--flow ${clip(arg)}: no preset of that name (${FLOW_PRESET_IDS.join(', ')}) and no file to read there`;
  }
  if (text.length > MAX_FLOW_BYTES) {
    return `--flow ${clip(arg)}: the file holds ${text.length} characters; a flow is at most ${MAX_FLOW_BYTES}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0]! : 'not JSON';
    return `--flow ${clip(arg)}: not JSON (${clip(why)})`;
  }
  const flow = parseFlow(json);
  return typeof flow === 'string' ? `--flow ${clip(arg)}: ${flow}` : flow;
}
