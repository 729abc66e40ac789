/** What the tokens mean: each kind's shape and colour with its name, drawn from the same path
 * data as the canvas. */
import { TokenGlyph } from './diagram/TokenGlyph.tsx';
import { TOKEN_KINDS, TOKEN_STYLES } from './diagram/tokens.ts';

export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="visually-hidden">
        Key to the tokens
      </h2>
      <ul>
        {TOKEN_KINDS.map((kind) => (
          <li key={kind}>
            <TokenGlyph kind={kind} />
            {TOKEN_STYLES[kind].label}
          </li>
        ))}
      </ul>
    </section>
  );
}
