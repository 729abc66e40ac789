/** A message with some of its arguments drawn as elements (a bold order, a big number), wherever
 * the language puts them: each such argument is given as a mark the message keeps as it is, and
 * the text is cut at the marks. */
import { Fragment, type ReactNode } from 'react';
import type { Translate } from '../../../i18n/react.tsx';
import type { MessageId, MessageValues } from '../../../i18n/runtime.ts';

const MARK = '\u0001';

export function richText(
  t: Translate,
  id: MessageId,
  values: MessageValues,
  elements: Readonly<Record<string, ReactNode>>,
): ReactNode[] {
  const marked: Record<string, string | number> = { ...values };
  for (const name of Object.keys(elements)) marked[name] = `${MARK}${name}${MARK}`;
  return t(id, marked)
    .split(MARK)
    .map((piece, i) =>
      i % 2 === 1 && piece in elements ? <Fragment key={i}>{elements[piece]}</Fragment> : piece,
    )
    .filter((piece) => piece !== '');
}
