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
