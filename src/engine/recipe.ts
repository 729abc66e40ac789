/** A run's recipe: everything a run is a function of. Replaying a recipe in a lane gives the same
 * run, event for event, which is what the store's time travel, the export's replay and the
 * lessons' goal ticker rely on. */
import type { Flow } from './flow.ts';
import type { SettingValues, TimedChange } from './settings.ts';

export interface RunRecipe {
  settings: SettingValues;
  seed: number;
  /** Orders arrive during this many ms of simulated time. */
  durationMs: number;
  /** The user's changes, at their moments (or after their event counts). */
  changes: readonly TimedChange[];
  /** The flow the requests go through; the checkout when absent, so older recipes mean what they
   * meant. */
  flow?: Flow;
}
