/** Runs work after the browser has painted what is on the page now, so that a click answers in
 * the next frame (a dialog, a placeholder, a progress line) and its heavy work follows: an
 * animation frame callback runs before that frame is painted, and a task it queues runs after. */
export function onNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** `onNextPaint` for async code: resolves after the next paint. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => onNextPaint(resolve));
}

let painted = false;

/** Whether the page's first screen has been painted (the page marks it; component tests, which
 * render everything at once, never do): a part shown on the first screen renders whole at once,
 * while one opened by a click later answers with a placeholder first. */
export function firstScreenPainted(): boolean {
  return painted;
}

export function markFirstScreenPainted(): void {
  painted = true;
}

let holding = false;

/** Whether parts that mount in the first render wait for its paint before they load (the page
 * asks this; component tests render everything at once). */
export function holdsPartsForFirstPaint(): boolean {
  return holding;
}

export function holdPartsForFirstPaint(): void {
  holding = true;
}
