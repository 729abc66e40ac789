/** What a lane's size and its diagram's drawn size mean for what sits around the diagram, written
 * on the lane as CSS variables and data attributes (fit.css, closeupFit.css, embed.css read them),
 * so that nothing needs a React render or a CSS size container (a container around the diagram
 * made every frame restyle the whole lane). None of it changes the lane's size or the diagram's
 * width, so it never feeds back into what it measures. */

/** The room a lane leaves the customer's screen, by the lane's content height (px): below each
 * bound it drops one more repeat (fit.css). */
const ROOM: readonly [number, string][] = [
  [250, 'least'],
  [267, 'less'],
  [303, 'tight'],
];

/** Against a 1280 x 800 window's lane (1250 px wide, and the 320 px its customer's screen's
 * tallest content needs), to 1.8 times. */
export function laneZoom(laneW: number, laneH: number): number {
  return Math.min(1.8, Math.max(1, Math.min(laneW / 1250, laneH / 320)));
}

export interface LaneFit {
  /** The lane's content box. */
  laneW: number;
  laneH: number;
  /** The diagram's drawn width, the layout's width in units, and the width it may take. */
  drawnW: number;
  layoutW: number;
  fitW: number;
}

/** Writes what `fit` means on the lane element. */
export function writeLaneFit(lane: HTMLElement, fit: LaneFit): void {
  const set = (name: string, value: string) => {
    if (lane.style.getPropertyValue(name) !== value) lane.style.setProperty(name, value);
  };
  // The drawing's scale (CSS px per diagram unit): the lane's name and the tallies follow it.
  set('--diagram-k', (fit.drawnW / fit.layoutW).toFixed(3));
  set('--lane-zoom', laneZoom(fit.laneW, fit.laneH).toFixed(3));
  // The room under the diagram's width: the close-up grows against a 1280 px window's (880 px),
  // and a diagram above a close-up never keeps more height than its width lets it use.
  set('--fit-w', `${Math.round(fit.fitW)}px`);
  set('--fit-k', (fit.fitW / 880).toFixed(3));
  const room = ROOM.find(([bound]) => fit.laneH < bound)?.[1] ?? '';
  if ((lane.dataset.room ?? '') !== room) lane.dataset.room = room;
  const tall = fit.laneH >= 200 ? 'true' : 'false';
  if (lane.dataset.tall !== tall) lane.dataset.tall = tall;
  const narrow = fit.fitW <= 760 ? 'true' : 'false';
  if (lane.dataset.narrow !== narrow) lane.dataset.narrow = narrow;
}
