/** One lane's table of its latest orders and where each one is now, for the orders table (loaded
 * when the table is first opened). Re-rendered at the analysis' pace. */
import type { Mode } from '../../engine/index.ts';
import { formatTime } from '../../format/index.ts';
import { useHandles, useSim } from '../../store/react/hooks.ts';
import { selectAnalysisVersion } from '../../store/react/selectors.ts';
import { latestRows } from './tableRows.ts';

/** Orders per lane in the table. */
export const TABLE_ROWS = 15;

const LANE_NAME: Record<Mode, string> = { sync: 'synchronous', async: 'asynchronous' };

export function LaneTable({ mode }: { mode: Mode }) {
  const { simulator } = useHandles();
  // Re-render at the analysis' pace (a few times a second while playing, at once on a jump).
  useSim(selectAnalysisVersion);
  const simMs = useSim((s) => s.simMs);
  const lane = simulator.lane(mode);
  const highest = lane.analysis().recentOrders[0] ?? 0;
  const rows = latestRows((id) => lane.story(id), highest, TABLE_ROWS, lane.view());
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={`Orders, ${LANE_NAME[mode]}`}
    >
      <table>
        <caption>
          Latest {rows.length} orders, {LANE_NAME[mode]}, at {formatTime(simMs)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed at</th>
            <th scope="col">Where it is now</th>
            <th scope="col">Page shown</th>
            <th scope="col">Response time</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6}>No orders yet.</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.order}>
                <th scope="row">{r.order}</th>
                <td>{formatTime(r.placedAtMs)}</td>
                <td>{r.now}</td>
                <td>{r.page}</td>
                <td>{r.responseMs === null ? '—' : formatTime(r.responseMs)}</td>
                <td>{r.email}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
