/** The video's own words as the frames draw them (the title card's line, the clock, the caption's
 * count, the lanes' names, the nodes' status lines): made on the page in its language
 * (videoWords.ts) and carried in the job, because the video's Worker has its own module graph and
 * no catalog. A message that counts per frame travels as a template whose `{name}` places the
 * frame fills (fillWords). Nothing here may import a catalog: the Worker imports it. */
import type { Mode } from '../../../engine/index.ts';

export interface VideoWords {
  /** The language, for the numbers the Worker writes. */
  locale: string;
  /** Above the title card's title: "Sync vs Async · a lesson". */
  kicker: string;
  /** The clock: "{seconds} s". */
  clock: string;
  /** Beside the clock: "simulated time" at ×1, else "simulated time ×{speed}". */
  simulatedTime: string;
  simulatedTimeAt: string;
  /** Above a caption: "Caption {n} of {of}". */
  captionOf: string;
  /** Each lane's name beside its diagram: "Synchronous checkout". */
  lanes: Record<Mode, string>;
  /** The queue's node title, and the nodes' status lines. */
  queue: string;
  /** The other nodes' titles, by their message ids (`node.server` …). */
  titles: Readonly<Record<string, string>>;
  waiting: string;
  serverStatus: string;
  ready: string;
  readyDelayed: string;
  workersBusy: string;
  down: string;
}

/** A template's `{name}` places filled in from `values` (a place without a value stays). */
export function fillWords(template: string, values: Readonly<Record<string, string | number>>) {
  return template.replace(/\{(\w+)\}/g, (place, name: string) =>
    name in values ? String(values[name]) : place,
  );
}
