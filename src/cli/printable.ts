/** What the command line prints back is text a terminal shows, never text it obeys: control
 * characters (C0, DEL, C1, and the bidirectional overrides that reorder what is shown) are taken
 * out of everything it writes, so an id such as `$'\e]0;X\a'` cannot set the terminal's title. */

/** C0 controls but tab, line feed and carriage return; DEL; C1; bidirectional embeddings,
 * overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, with tab and line breaks too
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Output of several lines (a table, CSV, JSON) without control characters; its line breaks and
 * tabs stay. */
export function printable(text: string): string {
  return text.replace(CONTROL, '');
}

/** One line of a message without control characters: a line break in echoed input cannot start
 * a line of its own. */
export function printableLine(text: string): string {
  return text.replace(CONTROL_IN_LINE, '');
}
