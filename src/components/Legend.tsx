/** What the tokens mean: each kind's shape and colour with its name, drawn from the same path
 * data as the canvas. */
import { TOKEN_KINDS, TOKEN_OUTLINE, TOKEN_STYLES, markColour } from './diagram/tokens.ts';

export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="visually-hidden">
        Key to the tokens
      </h2>
      <ul>
        {TOKEN_KINDS.map((kind) => {
          const style = TOKEN_STYLES[kind];
          return (
            <li key={kind}>
              <svg width="18" height="18" viewBox="-7.5 -7.5 15 15" aria-hidden="true">
                {style.fill && (
                  <path
                    d={style.fill}
                    fill={style.colour}
                    stroke={TOKEN_OUTLINE}
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
                {style.mark && (
                  <path d={style.mark} fill="none" stroke={markColour(kind)} strokeWidth={1} />
                )}
              </svg>
              {style.label}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
