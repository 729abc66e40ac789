/** "Sync or async?": tasks a student sorts by the lesson's criteria, each with the reasoning that
 * the app shows after the student has picked. */

export type Choice = 'sync' | 'async';

export interface ExerciseTask {
  id: string;
  task: string;
  answer: Choice;
  why: string;
}

export const EXERCISE: readonly ExerciseTask[] = [
  {
    id: 'password',
    task: 'Check whether the password a user typed is correct',
    answer: 'sync',
    why: 'The user cannot go on without the answer, and the check takes a few milliseconds.',
  },
  {
    id: 'confirmation-email',
    task: 'Send the order confirmation email',
    answer: 'async',
    why: 'It takes over a second, the customer does not need it to see their success page, and email services fail now and then: a worker can retry.',
  },
  {
    id: 'analytics',
    task: 'Record an analytics event for a button click',
    answer: 'async',
    why: 'Nobody is waiting for it, and a slow or failing analytics service must never slow the page down.',
  },
  {
    id: 'invoice',
    task: 'Generate the PDF invoice for an order',
    answer: 'async',
    why: 'Rendering a PDF is slow and the customer can receive it a moment later.',
  },
  {
    id: 'video',
    task: 'Transcode an uploaded video into three sizes',
    answer: 'async',
    why: 'It takes minutes. Answer “upload received” at once and let workers do the transcoding.',
  },
  {
    id: 'stock',
    task: 'Check that the item is in stock before taking payment',
    answer: 'sync',
    why: 'The answer decides what happens next in the checkout, and it is a quick database read.',
  },
  {
    id: 'push',
    task: 'Send a push notification that a friend liked a photo',
    answer: 'async',
    why: 'The person who liked the photo does not wait for the notification, and the push service can be retried.',
  },
];
