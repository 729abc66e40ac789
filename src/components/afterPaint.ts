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
let holding = false;
const held: (() => void)[] = [];

/** Whether the page's first screen has been painted (the page marks it; component tests, which
 * render everything at once, never do): a part shown on the first screen renders whole at once,
 * while one opened by a click later answers with a placeholder first. */
export function firstScreenPainted(): boolean {
  return painted;
}

/** The page marks its first screen painted (`AfterFirstScreen` in App.tsx, once that screen is
 * on screen, as it mounts what sits below the stage); the work held for it runs after the next
 * paint, so that what sits below the stage renders first. */
export function markFirstScreenPainted(): void {
  painted = true;
  if (held.length > 0) onNextPaint(() => held.splice(0).forEach((run) => run()));
}

/** The page holds the work of the parts in its first render (`afterFirstScreen`) until that
 * screen is painted; component tests, which render everything at once, never do. */
export function holdPartsForFirstPaint(): void {
  holding = true;
}

/** Runs `run` now, or, while the page holds its first render's parts, once the first screen and
 * then what sits below the stage have painted: loading a part's chunk and measuring its words
 * used to happen before a slow phone painted anything. Returns a function that cancels it. */
export function afterFirstScreen(run: () => void): () => void {
  if (!holding || painted) {
    run();
    return () => {};
  }
  held.push(run);
  return () => {
    const at = held.indexOf(run);
    if (at >= 0) held.splice(at, 1);
  };
}
