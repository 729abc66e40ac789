import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/export/index.ts';

describe('CSV fields', () => {
  it('leave plain text and numbers alone', () => {
    expect(csvField('success')).toBe('success');
    expect(csvField(1050.5)).toBe('1050.5');
    expect(csvField(true)).toBe('true');
  });

  it('are empty for missing values and for numbers that are not finite', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quote commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });
});

describe('a CSV document', () => {
  it('has a header, one line per row and CRLF line ends', () => {
    const text = toCsv(
      ['name', 'note'],
      [
        ['Ann', 'paid, then "error"'],
        ['Bo', null],
      ],
    );
    expect(text).toBe('name,note\r\nAnn,"paid, then ""error"""\r\nBo,\r\n');
  });

  it('reads back to the same cells with a strict RFC 4180 parser', () => {
    const rows = [['x,y', 'he said "no"', 'line\r\nbreak', '', '42']];
    expect(parseCsv(toCsv(['a', 'b', 'c', 'd', 'e'], rows))).toEqual([
      ['a', 'b', 'c', 'd', 'e'],
      ...rows,
    ]);
  });
});

/** A small RFC 4180 reader, for checking round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
