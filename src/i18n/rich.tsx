/** A message with an element in it (an answer in bold): the language orders the sentence, and the
 * element stays whole. The message is written with a marker in place of each element, then cut at
 * the markers, so no sentence is put together from pieces. */
import { Fragment, type ReactNode } from 'react';
import type { Translate } from './react.tsx';
import type { MessageId, MessageValues } from './runtime.ts';

/** Marks an element's place in the written message; no catalog text holds this character. */
const MARK = '\uE000';
const SPLIT = new RegExp(`${MARK}(\\w+)${MARK}`);

/** `id` in the language on, with `elements` (by argument name) where their arguments stand. */
export function richMessage(
  t: Translate,
  id: MessageId,
  elements: Readonly<Record<string, ReactNode>>,
  values: MessageValues = {},
): ReactNode {
  const marked = { ...values };
  for (const name of Object.keys(elements)) marked[name] = `${MARK}${name}${MARK}`;
  // split with a group alternates text and names: text, name, text, name, … text.
  const pieces = t(id, marked).split(SPLIT);
  return pieces.map((piece, i) => (
    <Fragment key={i}>{i % 2 === 0 ? piece : elements[piece]}</Fragment>
  ));
}
