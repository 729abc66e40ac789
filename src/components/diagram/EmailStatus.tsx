/** The email service: up or down (icon and word as well as colour) and the calls in progress. */
import type { Mode } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { useLane } from '../../store/react/hooks.ts';
import { useTextWidth } from './useTextWidth.ts';
import type { DiagramLayout } from './geometry.ts';

export function EmailStatus({ mode, layout }: { mode: Mode; layout: DiagramLayout }) {
  const { emailDown, atEmail } = useLane(mode, (l) => ({
    emailDown: l.emailDown,
    atEmail: l.atEmail,
  }));
  const t = useT();
  const word = t(emailDown ? 'node.down' : 'node.up');
  // The badge fits its word as drawn ("Down", "Caído", "宕机"); before the first measure, an
  // estimate generous for the widest fonts the page may get.
  const [ref, wordW] = useTextWidth(word, word.length * 9);
  const b = layout.nodes.email;
  const badgeW = Math.max(56, Math.ceil(wordW) + 28);
  return (
    <g className="node-status">
      {emailDown && (
        <rect
          x={b.x + 1}
          y={b.y + 32}
          width={b.w - 2}
          height={b.h - 33}
          fill={`url(#hatch-${mode})`}
        />
      )}
      <g
        className={`badge ${emailDown ? 'badge-down' : 'badge-up'}`}
        transform={`translate(${b.x + b.w - 8 - badgeW} ${b.y + 8})`}
      >
        <rect width={badgeW} height={20} rx={10} />
        {emailDown ? (
          <path d="M8 6l8 8M16 6l-8 8" className="badge-mark" />
        ) : (
          <path d="M7 10.5l3.5 3.5 6.5-7" className="badge-mark" />
        )}
        <text ref={ref} x={(20 + badgeW - 4) / 2} y={14.5} textAnchor="middle">
          {word}
        </text>
      </g>
      <text className="node-line" x={b.x + 12} y={b.y + 48}>
        {t('node.sending', { count: atEmail })}
      </text>
    </g>
  );
}
