/** Publishing: hands the lanes' current moment to React as coarse state (node counts, customers'
 * screens, the values in force, at about 15 Hz while playing, 5 Hz while frames run late; the
 * charts at 4 Hz, on a frame after the moment's) and to the frame listeners every frame (the
 * thinned ones with the moment while frames run late), for the token layer that must not go
 * through React. */
import type { StoreApi } from 'zustand/vanilla';
import { SETTINGS } from '../../engine/index.ts';
import { beatIndexAt, focusOrderAt } from '../../scenarios/beats.ts';
import { RATE_KEY } from '../changes/locks.ts';
import { MODES, type LanePair } from '../lanes/lanePair.ts';
import { sameSnapshot, snapshotOf } from './snapshot.ts';
import type { FrameClock, SimulatorState, SimulatorStore } from '../simulatorTypes.ts';
import type { FrameListeners } from '../time/clock.ts';
import { trackedOrder } from '../lanes/tracker.ts';
import { counterpart, type OrderBook } from '../lanes/orderBook.ts';

const ANALYSIS_EVERY_MS = 250;
/** While playing, node counts and the customers' screens update at about 15 Hz: readable, and it
 * keeps React, layout and paint out of most frames. Tokens still move every frame. */
const PUBLISH_EVERY_MS = 66;
/** ...and no more than once in four frames, the charts once in fifteen: on a slow computer (a 4x
 * slower CPU) a frame took 100 ms, so every frame also rendered React, which took a seventh of the
 * main thread. Counted in frames, React's share stays the same whatever the frame rate; the
 * numbers then move a few times a second, the tokens still every frame. (Half a frame short of
 * four and fifteen, so that at 60 Hz the times above decide, as before.) */
const PUBLISH_EVERY_FRAMES = 3.5;
/** While frames run late (a slow computer in a spike, frames two vsyncs apart) at least this long
 * between publishes, five a second: each publish's React render, then the page's layout and
 * paint, took that computer about three vsyncs, and every fourth frame was one of them. */
const PUBLISH_LATE_MS = 200;
const ANALYSIS_EVERY_FRAMES = 14.5;
/** Frames later than this (smoothed) run late: a vsync at 60 Hz is 16.7 ms. */
const LATE_FRAME_MS = 20;

/** What publishing sets: the moment's coarse state. */
export type Moment = Pick<
  SimulatorState,
  | 'simMs'
  | 'furthestMs'
  | 'lanes'
  | 'tracked'
  | 'focusOrder'
  | 'values'
  | 'generation'
  | 'stopped'
  | 'analysisVersion'
>;

export interface Publisher {
  /** Publishes now; `jumped` (a seek, a step, a change) skips the throttling. A playing frame
   * passes the frame interval it measures, smoothed (frameLoop.ts), which sets the pace. */
  publish(jumped: boolean, frameMs?: number): void;
  /** The moment as publishing would set it after `s`, without setting it. */
  moment(s: Moment & Pick<SimulatorState, 'beats'>, analysisDue: boolean): Moment;
  /** Every setting's value in force now, as the registry writes it. */
  readValues(): Record<string, string>;
}

function sameValues(a: Readonly<Record<string, string>>, b: Record<string, string>): boolean {
  for (const key in b) if (a[key] !== b[key]) return false;
  return true;
}

export function createPublisher(
  pair: LanePair,
  clock: FrameClock,
  store: Pick<StoreApi<SimulatorStore>, 'getState' | 'setState'>,
  listeners: FrameListeners,
): Publisher {
  let lastAnalysisWallMs = -Infinity;
  let lastPublishWallMs = -Infinity;
  /** Counts publishes, so that a deferred one a later publish has overtaken does nothing. */
  let published = 0;
  /** The frame interval while playing, smoothed over the last several frames (the frame loop's). */
  let frameMs = 1000 / 60;
  /** The caption showing at the last publish of the moment. */
  let publishedBeat = -1;
  /** The charts are due: their publish waits for the frame after the moment's. */
  let analysisOwed = false;

  function readValues(): Record<string, string> {
    const config = pair.lanes.sync.sim.config;
    const values: Record<string, string> = {};
    for (const setting of SETTINGS) values[setting.key] = setting.read(config);
    if (config.traffic.pattern === 'single') values[RATE_KEY] = '0';
    return values;
  }

  function moment(s: Moment & Pick<SimulatorState, 'beats'>, analysisDue: boolean): Moment {
    const now = pair.nowMs;
    // After a rebuild or a restore (a seek) the logs start again, and so does the choice of
    // customer.
    const from = pair.generation === s.generation ? s.tracked : 0;
    const tracked = trackedOrder(from, [pair.lanes.sync.book, pair.lanes.async.book], now);
    // A caption that names an order turns each lane's customer screen to it, once it is placed.
    const focusOrder = focusOrderAt(s.beats, now);
    const lanes = { ...s.lanes };
    const lead = pair.lanes.sync.book;
    for (const mode of MODES) {
      const book = pair.lanes[mode].book;
      const shown =
        focusOrder > 0 && book.get(focusOrder)
          ? { order: focusOrder, elsewhere: 0 }
          : sameCustomer(lead, book, tracked);
      const next = snapshotOf(pair.lanes[mode], pair.view(mode), shown.order, shown.elsewhere);
      if (!lanes[mode] || !sameSnapshot(lanes[mode], next)) lanes[mode] = next;
    }
    const values = readValues();
    return {
      simMs: now,
      furthestMs: Math.max(s.furthestMs, now),
      lanes,
      tracked,
      focusOrder,
      values: s.values && sameValues(s.values, values) ? s.values : values,
      generation: pair.generation,
      stopped: pair.stopped(),
      analysisVersion: analysisDue ? s.analysisVersion + 1 : s.analysisVersion,
    };
  }

  /** Only the clock moves; the tokens redraw from the engine. The clock is written into the
   * state in place, without notifying the store's subscribers: every component that reads the
   * store through a selector would otherwise run its selector every frame (a few ms a frame in a
   * spike, bench:ui), to find nothing of theirs changed. What follows the clock every frame (the
   * scrubber, the chart's now-line, the tokens) is a frame listener and reads the state then; the
   * next publish hands React the moment, clock included. */
  function tick(): void {
    const s = store.getState() as { simMs: number; furthestMs: number };
    const now = pair.nowMs;
    s.simMs = now;
    if (now > s.furthestMs) s.furthestMs = now;
    const late = frameMs > LATE_FRAME_MS;
    for (const [listener, thinned] of listeners) if (!late || !thinned) listener();
    if (analysisOwed && clock.afterFrame) {
      // The charts' turn, a frame after the moment's: on the moment's frame, the charts' and the
      // tallies' renders together made that frame late.
      analysisOwed = false;
      const mine = published;
      clock.afterFrame(() => {
        if (published === mine) {
          store.setState({ analysisVersion: store.getState().analysisVersion + 1 });
        }
      });
    }
  }

  function publishMoment(analysisDue: boolean): void {
    published += 1;
    const s = store.getState();
    publishedBeat = beatIndexAt(s.beats, pair.nowMs);
    store.setState(moment(s, analysisDue));
    for (const listener of listeners.keys()) listener();
  }

  function publish(jumped: boolean, measuredMs?: number): void {
    const wall = clock.now();
    if (measuredMs) frameMs = measuredMs;
    const least = frameMs > LATE_FRAME_MS ? PUBLISH_LATE_MS : PUBLISH_EVERY_MS;
    const every = Math.max(least, PUBLISH_EVERY_FRAMES * frameMs);
    // A new caption shows with the tallies, charts and screens of its moment, in the same frame:
    // the caption follows the clock, which moves every frame, and may speak of what they count.
    const due = jumped || beatIndexAt(store.getState().beats, pair.nowMs) !== publishedBeat;
    if (!due && wall - lastPublishWallMs < every) return tick();
    lastPublishWallMs = wall;
    const analysisEvery = Math.max(ANALYSIS_EVERY_MS, ANALYSIS_EVERY_FRAMES * frameMs);
    const analysisDue = due || wall - lastAnalysisWallMs >= analysisEvery;
    if (analysisDue) lastAnalysisWallMs = wall;
    if (due || !clock.afterFrame) {
      analysisOwed = false;
      return publishMoment(analysisDue);
    }
    // While playing, the frame draws the tokens and the clock, and React renders the coarse
    // state in a task of its own once the frame is drawn: rendered in the frame, the charts'
    // and tallies' update made it miss two frames in a spike (bench:ui). The charts follow on
    // the next frame (tick).
    tick();
    const mine = published;
    clock.afterFrame(() => {
      if (published !== mine) return;
      publishMoment(false);
      if (analysisDue) analysisOwed = true;
    });
  }

  return { publish, moment, readValues };
}

/** What a lane's screen follows for the lead lane's `tracked` order: the same customer's order
 * there, or, for a second click only the lead lane has, that order's id to name. */
function sameCustomer(
  lead: OrderBook,
  book: OrderBook,
  tracked: number,
): { order: number; elsewhere: number } {
  const story = counterpart(lead, book, tracked);
  if (story === null) return { order: 0, elsewhere: tracked };
  return { order: story?.order ?? tracked, elsewhere: 0 };
}
