/** Bounds on what the page echoes and keeps of its input: a value is shown cut at 60 characters,
 * a sentence that quotes input quotes it cut, and only the few latest setting errors are kept. */

/** Echoed input is cut after this many characters. */
export const SHOWN_CHARS = 60;
/** Setting errors the store keeps, the latest ones. */
export const KEPT_ERRORS = 5;

/** The input as the page shows it: cut after SHOWN_CHARS characters, with an ellipsis. */
export function shown(value: string): string {
  return value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
}

/** A sentence with every long piece of input it quotes cut as `shown` cuts it. */
export function cutEchoes(sentence: string, inputs: readonly string[]): string {
  let text = sentence;
  for (const input of inputs) {
    if (input.length > SHOWN_CHARS) text = text.split(input).join(shown(input));
  }
  return text;
}

/** The errors with `key`'s sentence added as the latest, keeping at most KEPT_ERRORS. */
export function withError(
  errors: Readonly<Record<string, string>>,
  key: string,
  sentence: string,
): Record<string, string> {
  const entries = Object.entries(errors).filter(([k]) => k !== key);
  entries.push([key, sentence]);
  return Object.fromEntries(entries.slice(-KEPT_ERRORS));
}
