/** Steady traffic: customers keep arriving (2 orders a second, at random) and the email service
 * varies. Sync users wait for every email; async users wait only for the payment and the save,
 * while four workers keep up with the queue. */
import type { Scenario } from './types.ts';

export const steadyTraffic: Scenario = {
  id: 'steady-traffic',
  title: 'A steady stream of customers',
  teaches:
    'Under steady load the async response stays near 1.05 s while workers drain the email queue in the background.',
  mode: 'compare',
  seed: 42,
  durationSec: 120,
  settings: {
    'traffic.pattern': 'steady',
    'traffic.rate': 2,
    'latency.email': 'lognormal(1500,500)',
    'latency.charge': 'lognormal(800,200)',
  },
};
