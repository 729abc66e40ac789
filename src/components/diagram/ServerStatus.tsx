/** The web server's live state: a meter of busy handlers, and how many requests wait for one. */
import type { Mode } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { useLane } from '../../store/react/hooks.ts';
import type { DiagramLayout } from './geometry.ts';
import { localShortCount } from './localCount.ts';
import { useTextWidth } from './useTextWidth.ts';

export function ServerStatus({ mode, layout }: { mode: Mode; layout: DiagramLayout }) {
  const { handlersBusy, handlersTotal, waiting } = useLane(mode, (l) => ({
    handlersBusy: l.handlersBusy,
    handlersTotal: l.handlersTotal,
    waiting: l.waiting,
  }));
  const t = useT();
  const b = layout.nodes.server;
  const width = b.w - 24;
  const share = handlersTotal > 0 ? Math.min(1, handlersBusy / handlersTotal) : 0;
  const full = handlersBusy >= handlersTotal;
  const count = `${localShortCount(t.locale, handlersBusy)} / ${localShortCount(t.locale, handlersTotal)}`;
  const word = t('node.handlers');
  // The word and the count share the line when both fit, measured as drawn ("handlers",
  // "gestores", "处理线程"); else the count takes the line alone ("1,000 / 1,000", "56.2K / 100K").
  const [wordRef, wordW] = useTextWidth(word, word.length * 8);
  const [countRef, countW] = useTextWidth(count, count.length * 8.5);
  const roomy = wordW + countW + 10 <= width;
  return (
    <g className="node-status">
      <text
        ref={wordRef}
        className="node-line"
        x={b.x + 12}
        y={b.y + 46}
        visibility={roomy ? undefined : 'hidden'}
      >
        {word}
      </text>
      <text
        ref={countRef}
        className="node-line node-strong"
        x={b.x + b.w - 12}
        y={b.y + 46}
        textAnchor="end"
      >
        {roomy ? null : <title>{t('node.handlersBusy', { count })}</title>}
        {count}
      </text>
      <rect className="meter-track" x={b.x + 12} y={b.y + 54} width={width} height={9} rx={4.5} />
      <rect
        className={`meter-fill${full ? ' meter-full' : ''}`}
        x={b.x + 12}
        y={b.y + 54}
        width={Math.max(share * width, share > 0 ? 5 : 0)}
        height={9}
        rx={4.5}
      />
      <text className={`node-line${waiting > 0 ? ' node-alert' : ''}`} x={b.x + 12} y={b.y + 84}>
        {waiting > 0 ? t('node.inLine', { count: waiting }) : t('node.noLine')}
      </text>
    </g>
  );
}
