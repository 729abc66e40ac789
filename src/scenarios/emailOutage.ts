/** The email service goes down for 30 seconds. Sync customers see error pages although their
 * cards were charged and their orders saved; async customers see success, and their emails go
 * out once the service is back. Nothing is lost. */
import type { Scenario } from './types.ts';

export const emailOutage: Scenario = {
  id: 'email-outage',
  title: 'The email service goes down',
  teaches:
    'In sync, an email outage turns paid orders into error pages; in async the queue keeps the jobs and sends them after the outage.',
  mode: 'compare',
  seed: 7,
  durationSec: 90,
  settings: {
    'traffic.pattern': 'steady',
    'traffic.rate': 2,
    'email.outage': '20-50',
  },
};
