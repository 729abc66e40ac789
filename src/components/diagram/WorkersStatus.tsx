/** The async workers: one glyph per worker (idle, busy or crashed, shown by shape as well as
 * colour) and the counts. */
import { useLane } from '../../store/hooks.ts';
import { WORKERS_DRAWN } from '../../store/snapshot.ts';
import { NODES } from './geometry.ts';

const SIZE = 15;
const GAP = 4;
const PER_ROW = 5;

export function WorkersStatus() {
  const { workerStates, workersBusy, workersCrashed, workersTotal } = useLane('async', (l) => ({
    workerStates: l.workerStates,
    workersBusy: l.workersBusy,
    workersCrashed: l.workersCrashed,
    workersTotal: l.workersTotal,
  }));
  const b = NODES.worker;
  const glyphs = [...workerStates].slice(0, WORKERS_DRAWN);
  return (
    <g className="node-status">
      {glyphs.map((state, i) => {
        const x = b.x + 10 + (i % PER_ROW) * (SIZE + GAP);
        const y = b.y + 34 + Math.floor(i / PER_ROW) * (SIZE + GAP);
        return (
          <g key={i} className={`worker worker-${state}`} transform={`translate(${x} ${y})`}>
            <rect width={SIZE} height={SIZE} rx={3} />
            {state === 'b' && (
              <circle cx={SIZE / 2} cy={SIZE / 2} r={3.5} className="worker-mark" />
            )}
            {state === 'c' && <path d="M4 4l7 7M11 4l-7 7" className="worker-mark" />}
          </g>
        );
      })}
      <text className="node-line" x={b.x + 10} y={b.y + b.h - 12}>
        {workersCrashed > 0
          ? `${workersBusy} busy, ${workersCrashed} down`
          : `${workersBusy} of ${workersTotal} busy`}
      </text>
    </g>
  );
}
