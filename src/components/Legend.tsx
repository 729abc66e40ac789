/** What the tokens mean: each kind's shape and colour with its name, drawn from the same path
 * data as the canvas. A flow other than the checkout has jobs of its own steps ("Job"), and one
 * that sends no email has no email tokens to explain. */
import { useT } from '../i18n/react.tsx';
import type { MessageId } from '../i18n/runtime.ts';
import { TokenGlyph } from './diagram/TokenGlyph.tsx';
import { isDrawnCheckout } from './diagram/layouts.ts';
import { TOKEN_KINDS, type TokenKind } from './diagram/tokens.ts';
import { useLaneFlow } from './useLaneFlow.ts';

/** Each kind's name in the key. */
const NAMES: Readonly<Record<TokenKind, MessageId>> = {
  request: 'legend.request',
  success: 'legend.success',
  error: 'legend.error',
  job: 'legend.job',
  retry: 'legend.retry',
  email: 'legend.email',
  duplicate: 'legend.duplicate',
  dead: 'legend.dead',
  failed: 'legend.failed',
};

export function Legend() {
  const t = useT();
  const flow = useLaneFlow('async');
  const checkout = isDrawnCheckout(flow);
  const email = flow.steps.some((s) => s.id === 'email');
  const kinds = TOKEN_KINDS.filter((k) => email || (k !== 'email' && k !== 'duplicate'));
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="visually-hidden">
        {t('legend.title')}
      </h2>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <TokenGlyph kind={kind} />
            {t(kind === 'job' && !checkout ? 'legend.flowJob' : NAMES[kind])}
          </li>
        ))}
      </ul>
    </section>
  );
}
