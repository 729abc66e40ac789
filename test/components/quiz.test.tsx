// @vitest-environment jsdom
// The sync-or-async quiz's score line: the score so far while tasks remain, and at the end a
// result that does not say "0 to go".
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';
import { DIALOGS } from '../../src/components/lessons/LessonDialogs.tsx';
import { EXERCISE } from '../../src/scenarios/index.ts';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { testSimulator } from '../support/simulator.ts';

afterEach(cleanup);

// The dialogs load the first time one opens; loaded here first, the quiz opens at once.
await DIALOGS.load();

function openQuiz() {
  const t = testSimulator();
  render(
    <SimulatorProvider handles={t.handles}>
      <App />
    </SimulatorProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Sync or async? quiz' }));
  return screen.getByRole('dialog', { name: 'Sync or async?' });
}

const other = (choice: 'sync' | 'async') => (choice === 'sync' ? 'Async' : 'Sync');
const named = (choice: 'sync' | 'async') => (choice === 'sync' ? 'Sync' : 'Async');

describe('the quiz’s score line', () => {
  it('counts down while tasks remain and gives the result once all are sorted', () => {
    const dialog = openQuiz();
    const status = within(dialog).getByRole('status');
    expect(status).toHaveTextContent(`${EXERCISE.length} tasks to sort.`);
    EXERCISE.forEach((task, i) => {
      const group = within(dialog).getByRole('group', { name: `${task.task}` });
      // The first task is answered wrongly, the rest rightly.
      const pick = i === 0 ? other(task.answer) : named(task.answer);
      fireEvent.click(within(group).getByRole('radio', { name: pick }));
      if (i < EXERCISE.length - 1) {
        expect(status).toHaveTextContent(
          `${i} of ${i + 1} right so far, ${EXERCISE.length - i - 1} to go.`,
        );
      }
    });
    const total = EXERCISE.length;
    expect(status).toHaveTextContent(`All ${total} sorted: ${total - 1} of ${total} right.`);
    expect(status).not.toHaveTextContent('to go');
  });

  it('says so when every task is right', () => {
    const dialog = openQuiz();
    for (const task of EXERCISE) {
      const group = within(dialog).getByRole('group', { name: task.task });
      fireEvent.click(within(group).getByRole('radio', { name: named(task.answer) }));
    }
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      `All ${EXERCISE.length} sorted, all ${EXERCISE.length} right.`,
    );
  });
});
