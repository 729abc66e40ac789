/** The flows of the lessons that do not run the checkout as it is: the run half of those lessons,
 * which the lesson index (`lessonIndex.ts`) names. */
import { checkoutFlow, type Flow } from '../engine/index.ts';

const ms = (n: number) => ({ kind: 'constant', ms: n }) as const;

/** A login: read the form, look up the account, check the password. The async design puts the
 * check on a queue, which is the mistake the lesson shows. */
export const LOGIN: Flow = {
  id: 'login',
  label: 'Password check',
  steps: [
    {
      id: 'form',
      label: 'Read the form',
      latency: ms(10),
      failureRate: 0,
      outages: [],
      needsResult: true,
      where: 'request',
    },
    {
      id: 'account',
      label: 'Look up the account',
      latency: ms(5),
      failureRate: 0,
      outages: [],
      needsResult: true,
      where: 'request',
    },
    {
      id: 'password',
      label: 'Check the password',
      latency: { kind: 'uniform', minMs: 30, maxMs: 50 },
      failureRate: 0,
      outages: [],
      needsResult: true,
      where: 'background',
    },
  ],
};

/** The checkout with its charge on the queue and a bank that declines one card in ten. */
export function chargeInTheBackground(): Flow {
  const flow = checkoutFlow();
  for (const step of flow.steps) {
    if (step.id !== 'charge') continue;
    step.where = 'background';
    step.failureRate = 0.1;
    // Still needed: the page cannot know the order is paid without it.
    step.needsResult = true;
  }
  return flow;
}

/** The lessons' own flows, by id, as their words are in the catalogs (`flow.<id>`,
 * `flowStep.<id>.<step>`) like the presets'. */
export const LESSON_FLOWS: Readonly<Record<string, () => Flow>> = { login: () => LOGIN };
