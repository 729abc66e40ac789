/** One lane's table of its latest orders and where each one is now, for the orders table (loaded
 * when the table is first opened). Re-rendered at the analysis' pace. */
import type { Mode } from '../../engine/index.ts';
import { localTime } from '../../i18n/format.ts';
import { useT } from '../../i18n/react.tsx';
import { useHandles, useSim } from '../../store/react/hooks.ts';
import { selectAnalysisVersion } from '../../store/react/selectors.ts';
import { latestRows } from './tableRows.ts';

/** Orders per lane in the table. */
export const TABLE_ROWS = 15;

export function LaneTable({ mode }: { mode: Mode }) {
  const { simulator } = useHandles();
  // Re-render at the analysis' pace (a few times a second while playing, at once on a jump).
  useSim(selectAnalysisVersion);
  const simMs = useSim((s) => s.simMs);
  const t = useT();
  const lane = simulator.lane(mode);
  const highest = lane.analysis().recentOrders[0] ?? 0;
  const rows = latestRows((id) => lane.story(id), highest, TABLE_ROWS, lane.view(), t);
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('orderDetails.table.label', { mode })}
    >
      <table>
        <caption>
          {t('orderDetails.table.caption', {
            count: rows.length,
            mode,
            time: localTime(t, simMs),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('orderDetails.table.order')}</th>
            <th scope="col">{t('orderDetails.table.placedAt')}</th>
            <th scope="col">{t('orderDetails.table.now')}</th>
            <th scope="col">{t('orderDetails.table.page')}</th>
            <th scope="col">{t('orderDetails.table.response')}</th>
            <th scope="col">{t('orderDetails.table.email')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('orderDetails.table.none')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.order}>
                <th scope="row">{r.order}</th>
                <td>{localTime(t, r.placedAtMs)}</td>
                <td>{r.now}</td>
                <td>{r.page}</td>
                <td>{r.responseMs === null ? '—' : localTime(t, r.responseMs)}</td>
                <td>{r.email}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
