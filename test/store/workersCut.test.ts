// After a cut to fewer workers, those beyond the new count finish their last message before they
// leave: the lane's snapshot counts them apart, and the workers' labels never show more busy
// workers than the pool has.
import { describe, expect, it } from 'vitest';
import {
  leavingSentence,
  leavingText,
  workersLine,
} from '../../src/components/diagram/brokerLayout.ts';
import { testSimulator } from '../support/simulator.ts';
import { english as en } from '../support/translate.ts';

describe('a pool cut from 4 workers to 1 while all 4 are sending', () => {
  const { store, clock } = testSimulator();
  const s = () => store.getState();
  s().change('latency.email', '8000');
  for (let i = 0; i < 4; i++) s().placeOrder();
  s().play();
  clock.advance(1500);
  s().change('workers.count', '1');
  clock.advance(100);
  const lane = s().lanes.async;

  it('counts the 3 beyond the new count as leaving, still busy with their message', () => {
    expect(lane).toMatchObject({ workersTotal: 1, workersBusy: 4, workersLeaving: 3 });
  });

  it('says 4 busy and 3 finishing their last job, not 4 of 1 busy', () => {
    const line = workersLine(en, lane.workersBusy, lane.workersLeaving, lane.workersCrashed, 1);
    expect(line).toBe('4 busy');
    expect(leavingText(en, lane.workersLeaving)).toBe('3 finishing last job');
    expect(leavingSentence(en, 3, 1)).toBe(
      '3 workers are beyond the new count of 1: each finishes the message in hand, then leaves.',
    );
  });

  it('is back to busy of count once they have finished and left', () => {
    clock.advance(9000);
    const after = s().lanes.async;
    expect(after.workersLeaving).toBe(0);
    expect(after.workersBusy).toBeLessThanOrEqual(after.workersTotal);
    expect(workersLine(en, after.workersBusy, 0, 0, after.workersTotal)).toMatch(/ of 1 busy$/);
  });
});
