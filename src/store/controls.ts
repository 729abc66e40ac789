/** Setting keys the store treats specially. The controls' labels and hints are UI copy and live
 * in components/controls/controlSpecs.ts. */
import type { SettingKey } from '../engine/index.ts';

/** The orders-per-second setting: above 0 while only the single order arrives, it also starts
 * steady traffic, and under the single-order pattern it reads 0. */
export const RATE_KEY = 'traffic.rate' satisfies SettingKey;
