/** Lesson 1: one checkout with the lesson's latencies. Sync makes the customer wait for all four
 * steps (2.55 s); async answers after the order is saved (1.05 s). The email leaves at 2.55 s
 * either way: async does not make it faster, it stops the customer waiting for it. */
import type { Scenario } from './types.ts';

export const checkout: Scenario = {
  id: 'checkout',
  title: 'One checkout, sync against async',
  teaches:
    'Async answers the customer after 1.05 s instead of 2.55 s, yet the email still leaves at 2.55 s.',
  mode: 'compare',
  seed: 1,
  durationSec: 60,
  settings: {},
};
