/** The text alternative to the animation: a disclosure with, for each lane on screen, a table of
 * its latest orders and where each one is now. Read only while open, at the analysis' pace. */
import { useState } from 'react';
import type { Mode } from '../../engine/index.ts';
import { formatTime } from '../../format/index.ts';
import { useHandles, useSim } from '../../store/hooks.ts';
import { selectAnalysisVersion, selectViewMode, shownModes } from '../../store/selectors.ts';
import { latestRows } from './tableRows.ts';
import '../../styles/export.css';

/** Orders per lane in the table. */
export const TABLE_ROWS = 15;

const LANE_NAME: Record<Mode, string> = { sync: 'synchronous', async: 'asynchronous' };

export function OrdersTable() {
  const [open, setOpen] = useState(false);
  const modes = shownModes(useSim(selectViewMode));
  return (
    <details
      className="orders-table card"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Show the orders as a table</summary>
      {open && modes.map((mode) => <LaneTable key={mode} mode={mode} />)}
    </details>
  );
}

function LaneTable({ mode }: { mode: Mode }) {
  const { simulator } = useHandles();
  // Re-render at the analysis' pace (a few times a second while playing, at once on a jump).
  useSim(selectAnalysisVersion);
  const simMs = useSim((s) => s.simMs);
  const lane = simulator.lane(mode);
  const highest = lane.analysis.snapshot().recentOrders[0] ?? 0;
  const rows = latestRows((id) => lane.book.get(id), highest, TABLE_ROWS, simulator.view(mode));
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
