/** The one-sentence summary a screen reader hears (role="status"): what each lane's customer has
 * seen, in words, in the language on. It changes only when a page or an email arrives, never every
 * frame. */
// Its words load with it, in the part below the stage (StatusSummary loads this module after the
// first screen; the first load has no room for them).
import '../../i18n/parts/analysis.ts';
import type { Flow, Mode } from '../../engine/index.ts';
import { stepName } from '../flowWords.ts';
import type { ScreenState } from '../../store/publish/snapshot.ts';
import { localTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/react.tsx';
import { pageTranslator } from '../../i18n/translate.ts';

/** A failed step's name in the sentence: its id unless told otherwise (the page names it in the
 * language on). */
export type StepWord = (mode: Mode, id: string) => string;

function laneSentence(t: Translate, mode: Mode, s: ScreenState, stepWord: StepWord): string {
  const lane = t(mode === 'sync' ? 'mode.sync' : 'mode.async');
  if (s.phase === 'idle') return t('analysis.status.idle', { lane });
  if (s.phase === 'unknown') return t('analysis.status.unknown', { lane });
  const time = localTime(t, s.pageMs);
  const page =
    s.phase === 'waiting'
      ? t('analysis.status.waiting')
      : s.failedStep !== null
        ? t('analysis.status.failedStep', { time, step: stepWord(mode, s.failedStep) })
        : t('analysis.status.page', {
            page: s.phase === 'success' ? 'success' : 'error',
            time,
            crashed: s.reason === 'server crashed' ? 'yes' : 'no',
          });
  const email =
    s.email === 'sent'
      ? t('analysis.status.emailSent', {
          time: localTime(t, s.emailMs),
          more: Math.max(0, s.emailSends - 1),
        })
      : s.email === 'lost'
        ? t('analysis.status.emailLost')
        : s.email === 'dead'
          ? t('analysis.status.emailDead')
          : t('analysis.status.emailPending');
  return t('analysis.status.lane', { lane, page, email });
}

/** English names a failed step by its id ("its charge step"); another language by the step's
 * name in the lane's flow. */
export function stepWords(t: Translate, flows: Readonly<Record<Mode, Flow>>): StepWord {
  return (mode, id) => {
    const flow = flows[mode];
    const step = flow.steps.find((s) => s.id === id);
    if (t.locale === 'en' || !step) return id;
    const name = stepName(t, flow, step);
    return name.startsWith('flowStep.') ? step.label : name;
  };
}

export function summaryOf(
  modes: readonly Mode[],
  screens: Record<Mode, ScreenState>,
  t: Translate = pageTranslator(),
  stepWord: StepWord = (_mode, id) => id,
): string {
  const order = screens[modes[0]!].order;
  const lead = order > 0 ? `${t('analysis.status.order', { order })} ` : '';
  return lead + modes.map((m) => laneSentence(t, m, screens[m], stepWord)).join(' ');
}
