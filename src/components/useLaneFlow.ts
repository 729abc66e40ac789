/** The flow a lane's engine runs (the lesson's, a link's, with any step a setting moved): the
 * diagram, the lane's name and the customer's page are drawn from it. */
import type { Flow, Mode } from '../engine/index.ts';
import { useSim, useSimulator } from '../store/react/hooks.ts';

export function useLaneFlow(mode: Mode): Flow {
  const simulator = useSimulator();
  // A new object only when the lane is rebuilt or restored; the layouts are cached by content.
  return useSim(() => simulator.lane(mode).config.flow);
}
