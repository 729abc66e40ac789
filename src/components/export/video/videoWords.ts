/** The video's own words (frameWords.ts) in the page's language, made on the page from the
 * catalog for the job to carry to wherever the frames are drawn. */
import '../../../i18n/parts/exports.ts';
import type { Flow } from '../../../engine/index.ts';
import type { MessageId, MessageValues } from '../../../i18n/runtime.ts';
import { PLACE_TITLES } from '../../diagram/nodeTitles.ts';
import { flowName } from '../../flowWords.ts';
import type { VideoWords } from './frameWords.ts';
import type { Translate } from '../../../i18n/react.tsx';

/** A message as a template: each named argument left as its `{name}` place. */
function template(t: Translate, id: MessageId, names: readonly string[]): string {
  const values: MessageValues = Object.fromEntries(names.map((n) => [n, `{${n}}`]));
  return t(id, values);
}

/** The video's words in the language `t` speaks, for a run of `flow` (the checkout if none). */
export function videoWords(t: Translate, flow: Flow | null): VideoWords {
  const flowWords = flow ? flowName(t, flow) : t('video.checkout');
  return {
    locale: t.locale,
    kicker: t('video.kicker'),
    clock: template(t, 'time.seconds', ['seconds']),
    simulatedTime: t('video.simulatedTime'),
    simulatedTimeAt: template(t, 'video.simulatedTimeAt', ['speed']),
    captionOf: template(t, 'video.captionOf', ['n', 'of']),
    lanes: {
      sync: t('video.lane', { mode: 'sync', flow: flowWords }),
      async: t('video.lane', { mode: 'async', flow: flowWords }),
    },
    queue: t('video.queue'),
    titles: Object.fromEntries(Object.values(PLACE_TITLES).map((id) => [id, t(id)])),
    waiting: template(t, 'video.waiting', ['n']),
    serverStatus: template(t, 'video.serverStatus', ['busy', 'total', 'waiting']),
    ready: template(t, 'video.ready', ['ready']),
    readyDelayed: template(t, 'video.readyDelayed', ['ready', 'delayed']),
    workersBusy: template(t, 'video.workersBusy', ['busy', 'total']),
    down: t('video.down'),
  };
}
