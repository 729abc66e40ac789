/** One token's shape and colour as a small SVG, drawn from the same path data as the canvas: for
 * the key to the tokens and the lanes' tallies. */
import { TOKEN_OUTLINE, TOKEN_STYLES, markColour, type TokenKind } from './tokens.ts';

export function TokenGlyph({ kind, size = 18 }: { kind: TokenKind; size?: number }) {
  const style = TOKEN_STYLES[kind];
  return (
    <svg width={size} height={size} viewBox="-7.5 -7.5 15 15" aria-hidden="true" focusable="false">
      {style.fill && (
        <path
          d={style.fill}
          fill={style.colour}
          style={{ stroke: `var(--token-outline, ${TOKEN_OUTLINE})` }}
          strokeWidth={1.1}
        />
      )}
      {style.stroke && (
        <path
          d={style.stroke}
          fill="none"
          stroke={style.colour}
          strokeWidth={2.8}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
      {style.mark && <path d={style.mark} fill="none" stroke={markColour(kind)} strokeWidth={1} />}
    </svg>
  );
}
