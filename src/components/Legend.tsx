/** What the tokens mean: each kind's shape and colour with its name, drawn from the same path
 * data as the canvas. A flow other than the checkout has jobs of its own steps ("Job"), and one
 * that sends no email has no email tokens to explain. */
import { TokenGlyph } from './diagram/TokenGlyph.tsx';
import { isDrawnCheckout } from './diagram/layouts.ts';
import { TOKEN_KINDS, TOKEN_STYLES } from './diagram/tokens.ts';
import { useLaneFlow } from './useLaneFlow.ts';

export function Legend() {
  const flow = useLaneFlow('async');
  const checkout = isDrawnCheckout(flow);
  const email = flow.steps.some((s) => s.id === 'email');
  const kinds = TOKEN_KINDS.filter((k) => email || (k !== 'email' && k !== 'duplicate'));
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="visually-hidden">
        Key to the tokens
      </h2>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <TokenGlyph kind={kind} />
            {kind === 'job' && !checkout ? 'Job' : TOKEN_STYLES[kind].label}
          </li>
        ))}
      </ul>
    </section>
  );
}
