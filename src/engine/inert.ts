/** Which of the settings a user gave do nothing in this run, and why, one sentence each: a
 * setting of another broker, of the queue in sync mode, of a traffic pattern not in use. The
 * command line warns with them; a setting that does nothing is never an error. Each reason is a
 * fact of the setting's registry entry (`asyncOnly`, `onlyWhen`) or of the broker presets. */
import { brokersOf } from './queue/index.ts';
import {
  findSetting,
  type AnySettingKey,
  type ChangeKey,
  type Config,
  type Mode,
} from './settings.ts';

/** One sentence for each of `keys` that does nothing in a run of `mode` with `config`. Keys that
 * timed changes touch (`changing`) may switch a setting on later, so they silence the warning. */
export function inertSettings(
  keys: readonly AnySettingKey[],
  config: Config,
  mode: Mode,
  changing: readonly ChangeKey[] = [],
): string[] {
  const broker = config.queue.broker;
  const warnings: string[] = [];
  for (const key of keys) {
    const setting = findSetting(key);
    if (mode === 'sync' && setting?.asyncOnly) {
      warnings.push(`${key} does nothing in sync mode, which has no queue; try --mode async`);
      continue;
    }
    // Which settings belong to which brokers is the presets' to say (their `settings`).
    const brokers = brokersOf(key);
    if (
      mode === 'async' &&
      brokers &&
      !brokers.includes(broker) &&
      !changing.includes('queue.broker')
    ) {
      warnings.push(
        `${key} does nothing with queue.broker=${broker}; it applies to ${brokers.join(', ')}`,
      );
      continue;
    }
    const only = setting?.onlyWhen;
    if (only && !only.holds(config) && !(changing as readonly string[]).includes(only.governs)) {
      warnings.push(`${key} does nothing in this run: ${only.why}`);
    }
  }
  return warnings;
}
