/** A flow's and its steps' names in the language on: a preset's or a lesson's flow's from the catalog
 * (`flow.<id>`, `flowStep.<id>.<step>`), a flow of the user's own as it calls itself. */
import { FLOW_PRESETS, type Flow, type FlowStep } from '../engine/index.ts';
import type { Translate } from '../i18n/react.tsx';
import type { MessageId } from '../i18n/runtime.ts';
import { LESSON_FLOWS } from '../scenarios/lessonFlows.ts';

/** The preset, or the lesson's own flow, that `flow` is as written (its words are the catalog's). */
function named(flow: Flow): Flow | undefined {
  const made = (FLOW_PRESETS[flow.id] ?? LESSON_FLOWS[flow.id])?.();
  return made?.label === flow.label ? made : undefined;
}

/** Whether the flow is a preset or a lesson's own under its own name, so that the catalog words
 * it. */
function isPreset(flow: Flow): boolean {
  return named(flow) !== undefined;
}

/** The flow's name inside a sentence ("checkout", "password check"). */
export function flowName(t: Translate, flow: Flow): string {
  if (isPreset(flow)) return t(`flow.${flow.id}` as MessageId);
  return `${flow.label.charAt(0).toLowerCase()}${flow.label.slice(1)}`;
}

/** A step's name ("Charge the card"): the catalog's for a preset's step as the preset names it. */
export function stepName(t: Translate, flow: Flow, step: FlowStep): string {
  const preset = named(flow)?.steps.find((s) => s.id === step.id);
  return preset?.label === step.label
    ? t(`flowStep.${flow.id}.${step.id}` as MessageId)
    : step.label;
}
