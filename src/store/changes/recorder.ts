/** Recording changes: a setting, a button or a host's command is checked, applied to both lanes
 * now and kept as a timed change, so that every replay (a seek, a link) reproduces it. A change in
 * the past rewrites the future; a locked setting or a refused value changes nothing but its
 * error sentence; a setting that shapes the whole run starts it again. */
import type { StoreApi } from 'zustand/vanilla';
import {
  applySetting,
  beforeStartOnly,
  brokerLoaded,
  findSetting,
  isBroker,
  loadBroker,
  isAction,
  type AnySettingKey,
  type ChangeKey,
  type Config,
  type SettingValue,
  type TimedChange,
  roundUs,
} from '../../engine/index.ts';
import { cutEchoes, withError } from './echo.ts';
import type { FrameLoop } from '../time/frameLoop.ts';
import type { RunRecipe } from '../lanes/lane.ts';
import { MODES, type LanePair } from '../lanes/lanePair.ts';
import { lockRefusal, touchedBy } from './locks.ts';
import type { Publisher } from '../publish/publisher.ts';
import type { SimulatorState, SimulatorStore } from '../simulatorTypes.ts';

/** The setting that picks the broker, whose preset may have to load before the run restarts. */
const BROKER_KEY = 'queue.broker';

export interface Recorder {
  /** A control's change: checked against the locks, applied (several settings for some
   * controls) and published; returns the refusal, if any, shown under the control unless
   * `show` is false. */
  change(key: AnySettingKey, value: SettingValue, show?: boolean): string | undefined;
  /** One setting or action now, as a recorded change; returns the refusal, if any. */
  apply(key: ChangeKey, value: SettingValue): string | undefined;
  /** Shows the sentence under the setting's control (the latest few are kept) unless `show` is
   * false, and returns it; input it quotes is cut, so a huge value is neither kept nor sent
   * back. */
  refuse(key: string, problem: string, value?: SettingValue, show?: boolean): string;
  /** The locked settings' values in force now, as the registry writes them. */
  lockedValues(): Record<string, string>;
  /** The run's recipe with these user changes after the script's. */
  recipe(changes: readonly TimedChange[]): RunRecipe;
}

export function createRecorder(
  pair: LanePair,
  store: Pick<StoreApi<SimulatorStore>, 'getState' | 'setState'>,
  loop: FrameLoop,
  publisher: Publisher,
  /** Called once a change is recorded: the lesson's captions are bound to the run anew. */
  afterChange: () => void,
): Recorder {
  const recipe = (changes: readonly TimedChange[]): RunRecipe => {
    const s = store.getState();
    const all = [...s.script, ...changes];
    const run = { settings: s.base, seed: s.seed, durationMs: s.durationMs, changes: all };
    return s.flow ? { ...run, flow: s.flow } : run;
  };

  /** The user's changes among the pair's (which start with the scenario's script). */
  const userChanges = (): readonly TimedChange[] =>
    pair.changes.slice(store.getState().script.length);

  function refuse(key: string, problem: string, value: SettingValue = '', show = true): string {
    const sentence = cutEchoes(problem, [key, String(value)]);
    if (show && (findSetting(key) || isAction(key))) {
      store.setState({ errors: withError(store.getState().errors, key, sentence) });
    }
    return sentence;
  }

  /** The setting's errors with this key's taken away (it applied). */
  function errorsWithout(key: string): SimulatorState['errors'] {
    const errors = { ...store.getState().errors };
    delete errors[key];
    return errors;
  }

  /** A copy of the config to check values on, and what it is a copy of: the same config object
   * in the same run at the same moment. A refused value leaves it as it was, so a flood of
   * refusals (a host's) copies the config once, not once each. */
  let scratch: { config: object; recipe: object; atMs: number; copy: Config } | null = null;

  /** Why the value would be refused now, checked on a copy of the config. */
  function problemWith(key: string, value: SettingValue): string | undefined {
    const config = pair.lanes.sync.sim.config;
    const recipe = pair.currentRecipe;
    const atMs = pair.nowMs;
    if (scratch?.config !== config || scratch.recipe !== recipe || scratch.atMs !== atMs) {
      scratch = { config, recipe, atMs, copy: structuredClone(config) };
    }
    const problem = applySetting(scratch.copy, key, value);
    // A value that applied changed the copy: the next check copies afresh.
    if (problem === undefined) scratch = null;
    return problem;
  }

  /** The moment a change made now takes effect. If events already ran at this very moment, the
   * change goes 1 µs later: a run that schedules its changes (the command line, the "What if?"
   * curves, a shared link's replay elsewhere) applies them before events of the same moment,
   * so this keeps those runs and the lanes identical. */
  function changeMoment(): number {
    let t = pair.nowMs;
    if (!pair.loggedNow()) return t;
    for (;;) {
      const candidate = roundUs(t + 0.001);
      const next = pair.nextEventMs(MODES);
      if (next > candidate) {
        pair.runTo(candidate);
        return candidate;
      }
      t = pair.runTo(next);
    }
  }

  function apply(key: ChangeKey, value: SettingValue, show = true): string | undefined {
    const s = store.getState();
    const problem = problemWith(key, value);
    if (problem && !isAction(key)) return refuse(key, problem, value, show);
    loop.dropJump();
    const now = pair.nowMs;
    let kept = s.changes;
    if (kept.some((c) => c.atMs > now)) {
      // A change in the past rewrites the future: drop the changes that came after it.
      kept = kept.filter((c) => c.atMs <= now);
      pair.rebuild(recipe(kept), s.script.length);
      pair.runTo(now);
    }
    const at = changeMoment();
    const refused = pair.change(key, value);
    if (refused) return refuse(key, refused, value, show);
    store.setState({ changes: userChanges(), errors: errorsWithout(key), furthestMs: at });
    afterChange();
    loop.reanchor();
    return undefined;
  }

  /** Bumped at each choice of broker: a broker that arrives after a later choice is not applied. */
  let brokerChoice = 0;

  /** A setting that shapes the run (the broker, Kafka's partitions) cannot change mid-run: start
   * again with it, the user's changes so far folded into the base as if made at 0 s, and keep
   * playing if it was. */
  function restartWithSetting(
    key: AnySettingKey,
    value: SettingValue,
    show: boolean,
  ): string | undefined {
    const s = store.getState();
    const problem = problemWith(key, value);
    if (problem) return refuse(key, problem, value, show);
    if (key === BROKER_KEY) {
      // A broker other than the default loads first (engine/queue/load.ts): the run restarts
      // with it once it is here, unless another broker was chosen or another lesson opened
      // meanwhile; until then the run, and the picker, which shows the run's broker, stay as
      // they are.
      const wanted = ++brokerChoice;
      const broker = String(value);
      const current = () => wanted === brokerChoice && store.getState().scenarioId === s.scenarioId;
      if (isBroker(broker) && !brokerLoaded(broker)) {
        loadBroker(broker).then(
          () => {
            if (current()) restartWithSetting(key, value, show);
          },
          () => {
            if (!current()) return;
            refuse(
              key,
              `the broker '${broker}' could not load: check the connection and try again`,
              value,
              show,
            );
          },
        );
        return undefined;
      }
    }
    const settings: Record<string, SettingValue> = {};
    for (const c of s.changes) {
      if (c.atMs <= pair.nowMs && !isAction(c.key)) settings[c.key] = c.value;
    }
    settings[key] = value;
    store.setState({ errors: errorsWithout(key) });
    s.restartWith({ settings });
    if (s.playing) store.getState().play();
    return undefined;
  }

  return {
    change(key, value, show = true) {
      const s = store.getState();
      const changes = touchedBy(key, value, s.values);
      const locked = lockRefusal(s.locked, changes, key);
      if (locked) return refuse(key, locked, value, show);
      if (beforeStartOnly(key)) return restartWithSetting(key, value, show);
      let problem: string | undefined;
      let applied = 0;
      for (const [k, v] of changes) {
        problem = apply(k, v, show);
        if (problem) break;
        applied++;
      }
      // A refused value changed nothing but its error: no need to redraw the lanes for it.
      if (applied > 0) publisher.publish(true);
      return problem;
    },
    apply,
    refuse,
    lockedValues() {
      const config = pair.lanes.sync.sim.config;
      const kept: Record<string, string> = {};
      for (const key of store.getState().locked) {
        const setting = findSetting(key);
        if (setting) kept[key] = setting.read(config);
      }
      return kept;
    },
    recipe,
  };
}
