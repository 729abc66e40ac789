/** The kinds of token, each with an Okabe-Ito colour and its own shape (colour is never the only
 * signal), as SVG path data that the canvas (through Path2D) and the legend's SVG both draw. */

export const TOKEN_KINDS = [
  'request',
  'success',
  'error',
  'job',
  'retry',
  'email',
  'duplicate',
  'dead',
  'failed',
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface TokenStyle {
  colour: string;
  /** Path data, in a box about 12 units across centred on 0. Filled shapes get a dark outline for
   * contrast on white; stroked ones are drawn thick. */
  fill: string | null;
  stroke: string | null;
  /** A thin inner line: the envelope's flap, the cross on a dead letter. */
  mark?: string;
}

const OUTLINE = '#1d2330';

export const TOKEN_STYLES: Record<TokenKind, TokenStyle> = {
  request: {
    colour: '#0072B2',
    fill: 'M4.6 0A4.6 4.6 0 1 1-4.6 0A4.6 4.6 0 1 1 4.6 0Z',
    stroke: null,
  },
  success: {
    colour: '#009E73',
    fill: null,
    stroke: 'M-4.5 0.3L-1.4 3.6L4.6-3.8',
  },
  error: {
    colour: '#D55E00',
    fill: null,
    stroke: 'M-3.8-3.8L3.8 3.8M3.8-3.8L-3.8 3.8',
  },
  job: {
    colour: '#E69F00',
    fill: 'M-4.2-4.2H4.2V4.2H-4.2Z',
    stroke: null,
  },
  retry: {
    colour: '#CC79A7',
    fill: 'M0-5.6L5.6 0L0 5.6L-5.6 0Z',
    stroke: null,
  },
  email: {
    colour: '#56B4E9',
    fill: 'M-5.5-3.8H5.5V3.8H-5.5Z',
    stroke: null,
    mark: 'M-5.5-3.8L0 0.6L5.5-3.8',
  },
  duplicate: {
    colour: '#F0E442',
    fill: 'M-3.5-5.8H7V0.5H-3.5ZM-6.5-2.5H4V3.8H-6.5Z',
    stroke: null,
    mark: 'M-6.5-2.5L-1.2 1L4-2.5',
  },
  dead: {
    colour: '#000000',
    fill: 'M-4.6-4.6H4.6V4.6H-4.6Z',
    stroke: null,
    mark: 'M-2.6-2.6L2.6 2.6M2.6-2.6L-2.6 2.6',
  },
  failed: {
    colour: '#D55E00',
    fill: 'M0-6.5L1.6-2.6L5.6-3.5L3.2 0L5.6 3.5L1.6 2.6L0 6.5L-1.6 2.6L-5.6 3.5L-3.2 0L-5.6-3.5L-1.6-2.6Z',
    stroke: null,
  },
};

export const TOKEN_OUTLINE = OUTLINE;

/** The colour themes the tokens are drawn for (the page store's). */
export type TokenTheme = 'light' | 'dark' | 'projector';

/** What a theme changes in the tokens: the outline that gives every token 3:1 or more against the
 * diagram's fills (dark on white, light on slate; WCAG 1.4.11), and the colour a dimmed token's
 * fill fades towards (the node fill behind it), while its outline stays, so it recedes without
 * vanishing. The key and the tallies (TokenGlyph) read the outline as `--token-outline`. */
export const TOKEN_THEMES: Record<TokenTheme, { outline: string; fadeTo: string }> = {
  light: { outline: OUTLINE, fadeTo: '#ffffff' },
  projector: { outline: '#000000', fadeTo: '#ffffff' },
  dark: { outline: '#e8edf4', fadeTo: '#222c38' },
};

/** How far a dimmed token's colour goes towards the theme's `fadeTo`. */
export const FADE = 0.6;

/** `a` mixed with `share` of `b` (both #rrggbb). */
export function mixHex(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  let out = '#';
  for (let i = 0; i < 3; i++) {
    const v = Math.round(channel(a, i) * (1 - share) + channel(b, i) * share);
    out += v.toString(16).padStart(2, '0');
  }
  return out;
}

/** The colour of a token's inner mark (the envelope flap, the cross on a dead letter). */
export function markColour(kind: TokenKind): string {
  return kind === 'dead' ? '#ffffff' : OUTLINE;
}

/** Numeric codes for the typed arrays the token layout writes. */
export const KIND_CODE: Record<TokenKind, number> = Object.fromEntries(
  TOKEN_KINDS.map((k, i) => [k, i]),
) as Record<TokenKind, number>;
