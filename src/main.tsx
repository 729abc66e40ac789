/** The browser entry point: makes the simulator (playing at once unless the page is embedded or
 * the reader prefers less motion) and mounts the app, or a lesson's printable handout when the
 * link asks for one (`?handout=<id>`, loaded on demand). */
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot, HandoutRoot, holdPartsForFirstPaint, loadFirstScreen } from './App.tsx';
import { DEFAULT_SCENARIO_ID, lessonEntry } from './scenarios/lessonIndex.ts';
import { lessonLoadFailed, loadLesson } from './scenarios/load.ts';
import { createSimulator } from './store/simulatorStore.ts';
import { createPageStore, PANEL_BESIDE_STAGE, PANEL_FLOATS_QUERY } from './store/pageStore.ts';
import { loadLinkBroker, readPage, startPage } from './boot/startPage.ts';
import { startLanguage } from './boot/language.ts';
import { handoutParam } from './url/handoutParam.ts';
import { linkFlow } from './url/parseParams.ts';
import './styles/app.css';
import './styles/embed.css';

const { state: page, notices } = readPage(window);
const handout = handoutParam(window.location.search);

const reducedMotion =
  page.reducedMotion || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const embedded = window.self !== window.top;

// The side panel starts open only where the stage keeps full detail beside it, or in an embed
// that asks for the controls.
// A design lesson's link opens it as the lesson would once open (useLessonDesignPanel), from the
// first screen on: opened just after it, the panel moved the stage, and its controls loaded late.
const designLink = page.scenario !== null && lessonEntry(page.scenario)?.design === true;
const panelOpen = page.embed
  ? page.controls === 'full'
  : window.innerWidth >= PANEL_BESIDE_STAGE ||
    (designLink && !window.matchMedia(PANEL_FLOATS_QUERY).matches);

/** Ends the current task: a slow phone spent over half a second in one task evaluating the scripts,
 * building the lanes, resolving the lesson's captions and applying the link; a task each lets
 * the browser answer in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// A function, not the module's top level: awaiting there would leave the start chunk evaluating,
// and a part loaded on demand, which imports from it, would wait for it forever.
async function boot() {
  // The language's catalog loads alongside the lesson (English is here already).
  const language = startLanguage(window, page.lang);
  await nextTask();
  const handles = {
    simulator: createSimulator({ autoplay: false }),
    page: createPageStore({ reducedMotion, panelOpen }),
  };

  // A bare address opens the first lesson, which asks its question before it plays.
  const firstVisit = window.location.search === '' && !embedded;
  const start = firstVisit ? { ...page, scenario: DEFAULT_SCENARIO_ID } : page;

  // The link's state, then play: a framed page waits for autoplay=1 (WCAG 2.2.2), a lesson at its
  // start waits for the student's prediction (PredictionOverlay), and a link to a moment (t or a
  // caption) opens paused there, since whoever sent it wants that moment on screen.
  const waitsForPrediction = start.scenario !== null && start.t === 0;
  // Read from the address, not the parsed state: a t refused as past the replay budget still asked
  // for a moment, and the page should not run off from 0 s under its notice.
  const query = new URLSearchParams(window.location.search);
  const atMoment = query.has('t') || query.has('caption');
  // What the first screen shows of the parts loaded on demand, and the broker a link names,
  // start loading now, alongside the lesson and the language, rather than a round trip after
  // them (a lesson's own broker loads with the lesson).
  const linkBroker = loadLinkBroker(start);
  const firstScreen =
    handout === null
      ? loadFirstScreen({
          scenarioId: start.scenario,
          panelOpen,
          atMoment,
          embed: start.embed,
          flow: linkFlow(start),
        }).catch(() => undefined)
      : null;
  // The lesson the link opens (or the handout's) loads before anything renders, so that its
  // captions and question are in the first screen rather than filling in; the others load when
  // they are opened.
  const lessonId = handout ?? start.scenario;
  const lesson = lessonId === null ? undefined : lessonEntry(lessonId);
  const lessonNotices = lesson
    ? await loadLesson(lesson.id).then(
        () => [],
        () => [
          {
            param: 'scenario',
            value: lesson.id,
            allowed: lessonLoadFailed(lesson.title).slice(0, -1),
            reason: {
              id: 'analysis.link.reason.lesson' as const,
              values: { lesson: lesson.id },
            },
          },
        ],
      )
    : [];
  const languageNotices = await language;
  // The link's broker is in before its run starts.
  await linkBroker;
  await nextTask();
  const { notices: momentNotices } =
    handout === null
      ? startPage(
          window,
          handles,
          start,
          start.autoplay ?? (!reducedMotion && !embedded && !waitsForPrediction && !atMoment),
        )
      : { notices: [] };

  // Load failures are left to the parts themselves, which say so where they would show.
  await firstScreen;
  await nextTask();
  if (handout === null) holdPartsForFirstPaint();
  // A transition, so that React renders the first screen in slices and the browser keeps answering
  // between them; a slow phone spent one task of over a second on it (docs/architecture-ui.md).
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        {handout === null ? (
          <AppRoot
            handles={handles}
            page={{
              page,
              notices: [...languageNotices, ...lessonNotices, ...momentNotices, ...notices],
            }}
          />
        ) : (
          <HandoutRoot id={handout} />
        )}
      </StrictMode>,
    ),
  );
}

void boot();
