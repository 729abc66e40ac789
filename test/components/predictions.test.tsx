// @vitest-environment jsdom
// The lesson's summary and goals on screen while its prediction is open, and once it is locked in
// or skipped: by role and label, as a student meets them.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';
import { findScenario } from '../../src/scenarios/index.ts';
import { CONTROLS } from '../../src/components/SidePanel.tsx';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { testSimulator } from '../support/simulator.ts';

// The side panel's contents (the lesson's summary and goals among them) load on demand; the page
// loads them before its first screen when the panel starts open.
await CONTROLS.load();

afterEach(cleanup);

async function openLesson(id: string) {
  const t = testSimulator();
  render(
    <SimulatorProvider handles={t.handles}>
      <App />
    </SimulatorProvider>,
  );
  const picker = screen.getByRole('combobox', { name: 'Lesson' });
  fireEvent.change(picker, { target: { value: id } });
  // The picker loads the lesson after the frame that shows the choice has been painted.
  await waitFor(() => expect(picker).toHaveAttribute('aria-busy', 'false'));
  return findScenario(id)!;
}

/** The lesson's title and caption, its summary in the side panel, and the goals, as one text. */
const shown = () =>
  [
    screen.getByRole('region', { name: /crash/i }).textContent,
    screen.getByRole('region', { name: 'About this lesson' }).textContent,
    screen.getByRole('region', { name: 'Goals' }).textContent,
  ].join('\n');

describe('a lesson whose summary would answer its prediction', () => {
  it('shows its premise and neutral goals until an answer is locked in', async () => {
    const scenario = await openLesson('worker-crash');
    expect(shown()).toContain(scenario.premise);
    expect(shown()).not.toMatch(/duplicate|twice/i);
    fireEvent.click(
      screen.getByRole('radio', { name: 'Another worker sends it again: the customer gets two' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lock in my answer and play' }));
    expect(shown()).toContain(scenario.teaches);
    expect(shown()).toContain('A customer gets the same email twice');
  });

  it('shows what it teaches once the question is skipped', async () => {
    const scenario = await openLesson('worker-crash');
    fireEvent.click(screen.getByRole('button', { name: 'Skip the question' }));
    expect(shown()).toContain(scenario.teaches);
    expect(screen.getByRole('region', { name: 'Your prediction' })).toHaveTextContent(
      'You skipped the question.',
    );
    expect(screen.queryByRole('link', { name: /make your prediction/ })).not.toBeInTheDocument();
  });
});
