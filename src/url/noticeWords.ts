/** A link's notices as the page shows them, in the language on. Loaded with the notices' list
 * (share/NoticeList.tsx), not in the first load: their English words are in the part below the
 * stage (`analysis.link.…`, imported here), since most links have nothing to notice and the first
 * load has no room for them. A reason the catalog does not word (a flow's or a distribution's
 * syntax, a step the flow lacks) shows in the engine's English. */
import '../i18n/parts/analysis.ts';
import { isAnySettingKey } from '../engine/index.ts';
import type { Translate } from '../i18n/react.tsx';
import type { MessageId, MessageValues } from '../i18n/runtime.ts';
import { settingReason } from './linkReasons.ts';
import type { Notice, NoticeReason } from './urlState.ts';

/** A lesson named by its id (`lesson`) is named by its title in the language on (`title`). */
function withTitle(t: Translate, values: MessageValues | undefined): MessageValues | undefined {
  if (typeof values?.lesson !== 'string') return values;
  return { ...values, title: t(`lesson.${values.lesson}.title` as MessageId) };
}

/** What the notice says was wrong, as a message, if the page words it: its own, or the registry's
 * refusal of a setting's value worded from the setting's facts, or a choice ("one of …"). */
export function noticeReason(n: Exclude<Notice, { more: number }>): NoticeReason | undefined {
  if (n.reason) return n.reason;
  // "one of a, b, c", as the page and the registry write a choice, names its choices.
  const choices = /^one of ([^;:]+)$/.exec(n.allowed)?.[1];
  if (choices !== undefined) return { id: 'analysis.link.reason.oneOf', values: { choices } };
  return isAnySettingKey(n.param) ? settingReason(n.param, n.allowed) : undefined;
}

export function noticeIn(t: Translate, n: Notice): string {
  if ('more' in n) return t('analysis.link.more', { count: n.more });
  const reason = noticeReason(n);
  const words = reason ? t(reason.id, withTitle(t, reason.values)) : n.allowed;
  return t('analysis.link.ignored', { param: n.param, value: n.value, reason: words });
}
