/** The sync lane's note ("No queue here…") in lines that fit its column, whatever the language:
 * broken at spaces, or between any two Chinese characters (never before a closing mark), each line
 * measured in the note's font where the page can measure it. */

/** The note's column, in diagram units, by the layout's kind of lines (wide: beside the email
 * service, where the async lane has its queue; narrow: the tall layout's column). */
export const NOTE_WIDTH = { wide: 260, narrow: 150 } as const;
/** The note's text size (diagram.css, .area-note): 15 units, italic. */
const NOTE_PX = 15;

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff';
/** A run of opening marks with the Chinese character after it and any closing marks after that;
 * or a word with its spaces; or spaces alone. */
const PIECES = new RegExp(`[（“《]*[${CJK}][，。；：、！？）”》]*|[^\\s${CJK}]+\\s*|\\s+`, 'gu');

/** Estimated width in units: Chinese characters a whole em, others a little over half of one. */
export function estimateWidth(text: string, px = NOTE_PX): number {
  let ems = 0;
  for (const c of text) ems += c >= '\u2e80' ? 1 : 0.56;
  return ems * px;
}

/** Greedy lines of `text` no wider than `width` by `measure` (a piece wider alone keeps a line). */
export function wrapLines(
  text: string,
  width: number,
  measure: (line: string) => number = estimateWidth,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of text.match(PIECES) ?? []) {
    const next = line + piece;
    if (line.trim() !== '' && measure(next.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line = next;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

let context: CanvasRenderingContext2D | null | undefined;

/** The note's width as the page draws it, or the estimate where it cannot measure (no canvas). */
export function measureNote(line: string): number {
  if (context === undefined) {
    context =
      typeof document === 'undefined' || /jsdom/i.test(navigator.userAgent)
        ? null
        : document.createElement('canvas').getContext('2d');
  }
  if (!context) return estimateWidth(line);
  // The diagram's font (diagram.css: var(--font)), which names Chinese fonts under lang="zh…".
  const family =
    getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
  context.font = `italic ${NOTE_PX}px ${family}`;
  return context.measureText(line).width;
}
