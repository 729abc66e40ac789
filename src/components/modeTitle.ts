/** What the two lanes are called on screen. (Numbers become text in src/format.) */
import type { Flow } from '../engine/index.ts';
import type { Translate } from '../i18n/react.tsx';
import { flowName } from './flowWords.ts';

export const MODE_TITLE = { sync: 'Synchronous', async: 'Asynchronous' } as const;

/** A lane's name after its flow: "Synchronous checkout", "Asynchronous password check". */
export function laneName(mode: keyof typeof MODE_TITLE, flowLabel: string): string {
  return `${MODE_TITLE[mode]} ${flowLabel.charAt(0).toLowerCase()}${flowLabel.slice(1)}`;
}

/** laneName in the language on: "Synchronous checkout", "Compra síncrona"… (`lane.name`). */
export function localLaneName(t: Translate, mode: keyof typeof MODE_TITLE, flow: Flow): string {
  return t('lane.name', { mode, flow: flowName(t, flow) });
}
