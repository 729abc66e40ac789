/** A control in the language on: its label, hint, real default and choices from the catalog, and
 * its units and numbers by the language's rules (plural forms from the catalog, digits by Intl).
 * The engine's registry stays English; its words are the English catalog's source. */
import type { Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import type { ControlSpec } from './controlSpecs.ts';

/** Each unit a control shows, by its English name (the registry's or the spec's), and its
 * message: a plural by `count` where the language has forms. */
export const UNIT_IDS: Readonly<Record<string, MessageId>> = {
  ms: 'unit.ms',
  s: 'unit.s',
  '%': 'unit.percent',
  '/s': 'unit.perSec',
  'orders/s': 'unit.ordersPerSec',
  workers: 'unit.workers',
  handlers: 'unit.handlers',
};

/** The same units in words, for a screen reader, where the short one is an abbreviation. */
const SPOKEN_UNIT_IDS: Readonly<Record<string, MessageId>> = {
  ms: 'unit.spoken.ms',
  s: 'unit.spoken.s',
  '%': 'unit.spoken.percent',
  'orders/s': 'unit.spoken.ordersPerSec',
};

/** The spec with its words in the language on. */
export function localSpec(t: Translate, spec: ControlSpec): ControlSpec {
  return {
    ...spec,
    label: t(spec.labelId),
    hint: t(spec.hintId),
    ...(spec.realId ? { real: t(spec.realId) } : {}),
    ...(spec.options
      ? {
          options: spec.options.map((o) => ({
            ...o,
            label: o.labelId ? t(o.labelId) : o.label,
          })),
        }
      : {}),
  };
}

/** A unit's name in the language on, for `count` of it (2 when no count goes with it). An unknown
 * unit stays as written. */
export function unitName(t: Translate, unit: string, count = 2, spoken = false): string {
  const id = (spoken ? SPOKEN_UNIT_IDS[unit] : undefined) ?? UNIT_IDS[unit];
  return id ? t(id, { count }) : unit;
}

/** A number with the language's digits, at most `digits` decimals. */
export function localNumber(t: Translate, value: number, digits = 3): string {
  return new Intl.NumberFormat(t.locale, { maximumFractionDigits: digits }).format(value);
}

/** A value and its unit: "800 ms", "5 %", "1 worker", "800 毫秒". */
export function withUnit(t: Translate, value: number, unit: string, digits = 3, spoken = false) {
  return t('unit.value', {
    value: localNumber(t, value, digits),
    unit: unitName(t, unit, value, spoken),
  });
}
