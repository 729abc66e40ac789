/** The shape of a preset scenario: a lesson as data, run the same way by the UI and the CLI. */
import type { SettingValue } from '../engine/index.ts';

export interface ScenarioChange {
  atSec: number;
  key: string;
  value: SettingValue;
}

export interface Scenario {
  /** Stable id, used on the command line and (later) in links. */
  id: string;
  title: string;
  /** What a student should take away, in a sentence or two. */
  teaches: string;
  /** The view the UI opens in; the CLI runs sync for 'compare' unless told otherwise. */
  mode: 'sync' | 'async' | 'compare';
  seed: number;
  /** Orders arrive during this many simulated seconds. */
  durationSec: number;
  /** Settings on top of the defaults, in the `key=value` vocabulary of the CLI's --set. */
  settings: Readonly<Record<string, SettingValue>>;
  /** Settings that change while the scenario runs. */
  changes?: readonly ScenarioChange[];
}
