/** The page's words for why a link's value was refused: the catalog's `analysis.link.reason.…` messages,
 * with the arguments the English sentence is made of. The engine's registry keeps its own English
 * refusals for the command line; a refusal of a number or a choice is worded here from the
 * setting's facts (its range, unit, choices), and test/url/linkReasons.test.ts holds the English
 * message to the registry's sentence. Anything else the engine refuses (a distribution's or a
 * flow's syntax, a step the flow lacks) has no message and shows in the engine's English. */
import { findSetting, type AnySettingKey } from '../engine/index.ts';
import type { NoticeReason } from './urlState.ts';

/** The registry's units, as `analysis.link.reason.range` selects them. */
const UNITS: Readonly<Record<string, string>> = {
  '': 'none',
  ms: 'ms',
  s: 's',
  'orders/s': 'perSec',
};

/** The registry's addition to a number's range when the value was written in hex, binary or octal. */
const NOT_DECIMAL = ', in decimal digits (not hex, binary or octal)';

/** The message for the registry's refusal `problem` of a value for `key`, or undefined when the
 * refusal is not one the page words (it then shows as the engine wrote it). */
export function settingReason(key: AnySettingKey, problem: string): NoticeReason | undefined {
  const setting = findSetting(key);
  if (!setting) return undefined;
  // A choice's refusal, "one of …", is worded by its English (noticeWords.ts).
  if (setting.kind !== 'number') return undefined;
  const unit = UNITS[setting.unit];
  if (unit === undefined) return undefined;
  const hex = problem === `${setting.allowed}${NOT_DECIMAL}`;
  if (problem !== setting.allowed && !hex) return undefined;
  return {
    id: 'analysis.link.reason.range',
    values: {
      whole: setting.integer ? 'yes' : 'no',
      min: String(setting.min),
      max: String(setting.max),
      unit,
      hex: hex ? 'yes' : 'no',
    },
  };
}
