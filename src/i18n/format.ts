/** Times in the language on: src/format writes them in English ("12.50 s", "1:47.0"), and these
 * give the same figures with the language's decimal sign and unit ("12,50 s", "12.50 秒"). */
import { formatCount, formatTime, MISSING } from '../format/index.ts';
import type { Locale } from './locales.ts';
import type { Translate } from './react.tsx';

const DECIMALS = new Map<string, string>();

/** The language's decimal sign, from Intl. */
function decimalSign(locale: Locale): string {
  let sign = DECIMALS.get(locale);
  if (sign === undefined) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
    sign = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    DECIMALS.set(locale, sign);
  }
  return sign;
}

/** A figure formatTime wrote ("12.50", "1:47.0") with the language's decimal sign. */
export function localFigure(figure: string, locale: Locale): string {
  return figure.replace('.', decimalSign(locale));
}

/** A time as formatTime writes it, in the language on. */
export function localTime(t: Translate, ms: number | null | undefined, digits?: number): string {
  const text = formatTime(ms, digits);
  if (text === MISSING) return text;
  if (!text.endsWith(' s')) return localFigure(text, t.locale);
  return t('time.seconds', { seconds: localFigure(text.slice(0, -2), t.locale) });
}

/** The same time in words, for a screen reader (aria-valuetext), in the language on. */
export function localSpokenTime(t: Translate, ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return t('time.none');
  const seconds = ms / 1000;
  const digits = Number(seconds.toFixed(2)) < 10 ? 2 : 1;
  if (Number(seconds.toFixed(digits)) < 60) {
    return t('time.spokenSeconds', { seconds: localFigure(seconds.toFixed(digits), t.locale) });
  }
  const tenths = Math.round(seconds * 10);
  const minutes = Math.floor(tenths / 600);
  const rest = localFigure(((tenths - minutes * 600) / 10).toFixed(1), t.locale);
  return t('time.spokenMinutes', {
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
    seconds: rest,
  });
}

const WHOLE = new Map<Locale, Intl.NumberFormat>();

/** A lesson's metric as formatMetric writes it (a time, else a whole count), in the language on:
 * "2,55 s", "1.234". */
export function localMetric(t: Translate, metric: string, value: number): string {
  if (metric.includes('Ms')) return localTime(t, value);
  if (formatCount(value) === MISSING) return MISSING;
  let whole = WHOLE.get(t.locale);
  if (!whole) {
    whole = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 });
    WHOLE.set(t.locale, whole);
  }
  return whole.format(Math.round(value));
}
