// Tokens keep 3:1 against what they sit on (WCAG 1.4.11, non-text contrast) in every theme, dimmed
// or not: the diagram's fills are read from its stylesheets, the tokens' colours from tokens.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FADE,
  TOKEN_KINDS,
  TOKEN_STYLES,
  TOKEN_THEMES,
  mixHex,
  type TokenKind,
  type TokenTheme,
} from '../../src/components/diagram/tokens.ts';

function luminance(hex: string): number {
  const c = [0, 1, 2].map((i) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** `fill` or `stroke` colours of the rules for `target` (".node rect") in the theme: the dark
 * theme's own rules, else the plain ones (light and projector share the diagram's fills). */
function fills(theme: TokenTheme, target: string, property = 'fill'): string[] {
  const css = ['src/styles/diagram.css', 'src/styles/themes.css']
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const found: Record<string, string[]> = { plain: [], themed: [] };
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const value = new RegExp(`(?:^|;|\\s)${property}:\\s*(#[0-9a-f]{6})`, 'i').exec(body!)?.[1];
    if (!value) continue;
    for (const selector of selectors!.split(',').map((s) => s.trim())) {
      if (selector === target) found.plain!.push(value);
      if (selector === `[data-theme='${theme}'] ${target}`) found.themed!.push(value);
    }
  }
  return found.themed!.length > 0 ? found.themed! : found.plain!;
}

const SURFACE: Record<TokenTheme, string> = {
  light: '#ffffff',
  projector: '#ffffff',
  dark: '#18202a',
};

/** Everything a token is drawn over: the lane, the nodes, the waiting line, and (for the kinds
 * that dwell in the email service) its hatching while it is down. */
function grounds(theme: TokenTheme, kind: TokenKind): string[] {
  const out = [
    SURFACE[theme],
    ...fills(theme, '.node rect'),
    ...fills(theme, '.node-queue rect'),
    ...fills(theme, '.node-dlq rect'),
    ...fills(theme, '.waiting-area'),
  ];
  if (kind !== 'success' && kind !== 'error') {
    out.push(...fills(theme, '.hatch-ground'), ...fills(theme, '.hatch-stripe', 'stroke'));
  }
  return out;
}

/** The colour that sets a token apart: its outline when it has one (filled shapes; a dimmed tick
 * or cross gets one too), else its own stroke. */
function edge(theme: TokenTheme, kind: TokenKind, dim: boolean): string {
  const style = TOKEN_STYLES[kind];
  if (style.fill || dim) return TOKEN_THEMES[theme].outline;
  return style.colour;
}

describe.each(['light', 'dark', 'projector'] as const)('tokens in the %s theme', (theme) => {
  it('reads the diagram’s fills from its stylesheets', () => {
    expect(fills(theme, '.node rect').length).toBeGreaterThan(0);
    expect(fills(theme, '.hatch-ground').length).toBeGreaterThan(0);
  });

  for (const kind of TOKEN_KINDS) {
    it(`keeps a ${kind} token at 3:1 or more on every ground, dimmed or not`, () => {
      for (const dim of [false, true]) {
        for (const ground of grounds(theme, kind)) {
          const ratio = contrast(edge(theme, kind, dim), ground);
          expect(ratio, `${kind}${dim ? ' dimmed' : ''} on ${ground}`).toBeGreaterThanOrEqual(3);
        }
      }
    });
  }

  it('fades a dimmed token’s colour towards the node behind it', () => {
    const { fadeTo } = TOKEN_THEMES[theme];
    const faded = mixHex(TOKEN_STYLES.request.colour, fadeTo, FADE);
    expect(contrast(faded, fadeTo)).toBeLessThan(contrast(TOKEN_STYLES.request.colour, fadeTo));
  });
});
