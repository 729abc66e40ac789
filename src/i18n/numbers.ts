/** Numbers in the language on for the area below the stage and the exports: counts, shares,
 * rates and the axes' ticks, which src/format writes in English ("12,345", "73%", "2.0/s"). Kept
 * apart from format.ts, which the first screen loads, so that only the chunks that show them carry
 * them. */
import { MISSING } from '../format/index.ts';
import { localFigure } from './format.ts';
import type { Locale } from './locales.ts';
import type { Translate } from './react.tsx';

/** A text src/format wrote in English (a time as formatTime writes it, "12.50 s" or "1:47.0", or
 * a count, "1,200"), in the language on: the axes' ticks arrive as such texts. */
export function localFigureText(t: Translate, text: string): string {
  if (text === MISSING) return text;
  const whole = text.replace(/,/g, '');
  if (/^−?\d+(\.\d+)?$/.test(whole) && text.includes(',')) return localCount(t, Number(whole));
  if (!text.endsWith(' s')) return localFigure(text, t.locale);
  return t('time.seconds', { seconds: localFigure(text.slice(0, -2), t.locale) });
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** A number format of the language on, made once per language and options. */
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    FORMATS.set(key, format);
  }
  return format;
}

/** A whole count in the language on: "12,345", "12.345", "12,345". */
export function localCount(t: Translate, n: number | null | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return MISSING;
  return numberFormat(t.locale, 0).format(Math.round(n));
}

/** A number with at most `digits` decimals in the language on: "3.2", "3,2". */
export function localNumber(t: Translate, n: number | null | undefined, digits = 2): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return MISSING;
  const text = numberFormat(t.locale, digits).format(n);
  return text === '-0' ? '0' : text;
}

/** A share from 0 to 1 as a percentage in the language on: "73%", "73 %", or to a tenth below
 * one per cent. */
export function localPercent(t: Translate, ratio: number | null | undefined): string {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio)) return MISSING;
  const percent = ratio * 100;
  const digits = percent > 0 && percent < 1 ? 1 : 0;
  return new Intl.NumberFormat(t.locale, {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** Events per second in the language on: "0.4/s", "2,0/s". */
export function localRate(t: Translate, perSec: number | null | undefined): string {
  if (typeof perSec !== 'number' || !Number.isFinite(perSec)) return MISSING;
  const figure =
    perSec < 100
      ? new Intl.NumberFormat(t.locale, {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(perSec)
      : localCount(t, perSec);
  return t('analysis.perSecond', { figure });
}

/** Axis ticks (src/analysis/ticks.ts writes their labels in English) in the language on. */
export function localTicks<T extends { label: string }>(t: Translate, ticks: readonly T[]): T[] {
  return ticks.map((tick) => ({ ...tick, label: localFigureText(t, tick.label) }));
}
