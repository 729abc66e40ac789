// @vitest-environment jsdom
// The answer on the stage once a lesson ends: the student's answer, the right one and this run's
// number from the engine's report, what the lesson showed, the way to the next lesson, and how it
// closes (its button, Esc) and comes back, without ever taking the focus by itself.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMetric } from '../../src/format/index.ts';
import { t } from '../../src/i18n/runtime.ts';
import { findScenario, readMetric, type Scenario } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import type { Simulator } from '../../src/store/simulatorStore.ts';
import { renderApp } from '../support/renderApp.tsx';

afterEach(cleanup);

const REVEAL = { name: 'The answer to the lesson’s question' };

/** Picks a lesson and waits for it to load (after the frame that shows the choice is painted). */
async function pickLesson(id: string): Promise<Scenario> {
  const picker = screen.getByRole('combobox', { name: 'Lesson' });
  fireEvent.change(picker, { target: { value: id } });
  await waitFor(() => expect(picker).toHaveAttribute('aria-busy', 'false'));
  return findScenario(id)!;
}

/** Answers the question on the stage with the option labelled `label` (or skips it), pauses. */
function answer(simulator: Simulator, label: string | null) {
  const card = screen.getByRole('region', { name: 'Your prediction' });
  if (label === null) {
    fireEvent.click(within(card).getByRole('button', { name: 'Skip the question' }));
  } else {
    fireEvent.click(within(card).getByRole('radio', { name: label }));
    fireEvent.click(within(card).getByRole('button', { name: 'Lock in my answer and play' }));
  }
  act(() => simulator.store.getState().pause());
}

/** Goes from caption to caption with the clicker's key, as a presenter does, to the last one. */
function clickToTheEnd(root: HTMLElement, simulator: Simulator) {
  const { beats } = simulator.store.getState();
  for (let i = 0; i < beats.length; i++) fireEvent.keyDown(root, { key: 'PageDown' });
}

/** The number the reveal must show: the prediction's metric in its lane's report, now. */
function reportNumber(simulator: Simulator, scenario: Scenario): string {
  const { lane, metric } = scenario.prediction.reveal;
  return formatMetric(metric, readMetric(simulator.lane(lane).report('test'), metric));
}

/** The reveal's label and number, as they read together, with nothing more to the number. */
function numberPhrase(simulator: Simulator, scenario: Scenario): RegExp {
  const text = `${scenario.prediction.reveal.label} ${reportNumber(simulator, scenario)}`;
  return new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d.,])`);
}

const appRoot = () => document.querySelector<HTMLElement>('.app')!;
const optionLabel = (s: Scenario, right: boolean) =>
  s.prediction.options.find((o) => (o.id === s.prediction.answer) === right)!.label;

describe('when a lesson reaches its last caption', () => {
  it('shows the student’s answer, the right one and the report’s number, without taking focus', async () => {
    const { simulator } = renderApp();
    const scenario = await pickLesson('checkout');
    answer(simulator, optionLabel(scenario, false));
    appRoot().focus();
    fireEvent.keyDown(appRoot(), { key: 'PageDown' });
    expect(screen.queryByRole('region', REVEAL)).not.toBeInTheDocument();
    clickToTheEnd(appRoot(), simulator);
    expect(screen.getByText(/Caption 4 of 4/)).toBeInTheDocument();
    const reveal = screen.getByRole('region', REVEAL);
    expect(reveal).toHaveTextContent(`Not quite. You said: ${optionLabel(scenario, false)}`);
    expect(reveal).toHaveTextContent(`The answer: ${optionLabel(scenario, true)}`);
    expect(reveal).toHaveTextContent(numberPhrase(simulator, scenario));
    // The lesson's own fact (REFERENCE.md): the async email still leaves at 2.55 s.
    expect(reportNumber(simulator, scenario)).toBe('2.55 s');
    expect(reveal).toHaveTextContent(scenario.teaches);
    expect(reveal.textContent).not.toMatch(/NaN|undefined|Infinity/);
    expect(document.activeElement).toBe(appRoot());
  });

  it('does not give the lesson’s summary when changed settings made its captions false', async () => {
    const { simulator, store } = renderApp();
    const scenario = await pickLesson('checkout');
    // A slower email: the emails leave at 3.05 s, and the 2.55 s caption no longer holds.
    act(() => void store.getState().change('latency.email', '2000'));
    expect(store.getState().captionsLeftOut.map((l) => l.index)).toEqual([4]);
    answer(simulator, optionLabel(scenario, true));
    appRoot().focus();
    clickToTheEnd(appRoot(), simulator);
    // The last caption left is at 1.05 s; the answer waits for the async email, sent at 3.05 s.
    act(() => void store.getState().jumpTo(4000));
    const reveal = screen.getByRole('region', REVEAL);
    expect(reportNumber(simulator, scenario)).toBe('3.05 s');
    expect(reveal).toHaveTextContent(numberPhrase(simulator, scenario));
    expect(reveal).not.toHaveTextContent('2.55 s');
    const offLesson = t('lessonUi.summary.offLesson');
    expect(offLesson).toMatch(/^Your changes took this run away from the lesson’s own/);
    expect(reveal).toHaveTextContent(offLesson);
    expect(screen.getByTestId('lesson-summary')).toHaveTextContent(offLesson);
  });

  it('reads its number from the lane’s report at the moment shown, past the arrivals too', async () => {
    const { simulator, store, handles } = renderApp();
    const scenario = await pickLesson('traffic-spike');
    act(() => handles.page.getState().setPanelOpen(false));
    answer(simulator, optionLabel(scenario, true));
    const last = store.getState().beats.at(-1)!.atSec * 1000;
    act(() => void store.getState().jumpTo(last));
    const reveal = screen.getByRole('region', REVEAL);
    expect(reveal).toHaveTextContent(`You were right: ${optionLabel(scenario, true)}`);
    expect(reveal).toHaveTextContent(numberPhrase(simulator, scenario));
    const status = within(document.querySelector('.stage-reveal-layer')!).getByRole('status');
    const announced = status.textContent;
    expect(announced).toContain(`In this run, ${scenario.prediction.reveal.label}: `);
    const shownFirst = numberPhrase(simulator, scenario);
    act(() => void store.getState().jumpTo(last + 30_000));
    // The card's number follows the run; the live region said it once and is not read again.
    expect(numberPhrase(simulator, scenario)).not.toBe(shownFirst);
    expect(screen.getByRole('region', REVEAL)).toHaveTextContent(numberPhrase(simulator, scenario));
    expect(status.textContent).toBe(announced);
  });

  it('says the question was skipped, and goes away when the student seeks back', async () => {
    const { simulator, store } = renderApp();
    const scenario = await pickLesson('checkout');
    answer(simulator, null);
    act(() => void store.getState().jumpTo(2550));
    expect(screen.getByRole('region', REVEAL)).toHaveTextContent(
      `You skipped the question.The answer: ${optionLabel(scenario, true)}`,
    );
    act(() => store.getState().seek(1050));
    expect(screen.queryByRole('region', REVEAL)).not.toBeInTheDocument();
  });

  it('announces itself once, through a live region that was there before it', async () => {
    const { simulator, store, handles } = renderApp();
    const scenario = await pickLesson('checkout');
    act(() => handles.page.getState().setPanelOpen(false));
    const status = within(document.querySelector('.stage-reveal-layer')!).getByRole('status');
    expect(status).toHaveTextContent('');
    answer(simulator, optionLabel(scenario, true));
    act(() => void store.getState().jumpTo(2550));
    expect(status).toHaveTextContent(
      `You were right: ${optionLabel(scenario, true)}. In this run, async email sent after: 2.55 s.`,
    );
  });

  it('is not shown in free play', () => {
    const { store } = renderApp();
    act(() => {
      store.getState().play();
      store.getState().jumpTo(60_000);
    });
    expect(screen.queryByRole('region', REVEAL)).not.toBeInTheDocument();
  });
});

describe('closing the reveal', () => {
  it('closes with Esc and comes back with the Answer button, which takes the focus to it', async () => {
    const { simulator } = renderApp();
    const scenario = await pickLesson('checkout');
    answer(simulator, optionLabel(scenario, true));
    appRoot().focus();
    clickToTheEnd(appRoot(), simulator);
    fireEvent.keyDown(appRoot(), { key: 'Escape' });
    expect(screen.queryByRole('region', REVEAL)).not.toBeInTheDocument();
    expect(document.activeElement).toBe(appRoot());
    fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(document.activeElement).toBe(screen.getByRole('region', REVEAL));
  });

  it('closes with its button and hands the focus to the Answer button', async () => {
    const { simulator, store } = renderApp();
    const scenario = await pickLesson('checkout');
    answer(simulator, optionLabel(scenario, true));
    act(() => void store.getState().jumpTo(2550));
    const close = screen.getByRole('button', { name: 'Close the answer' });
    close.focus();
    fireEvent.click(close);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Answer' }));
  });

  it('takes Esc inside it while presenting, and leaves presentation mode to Esc elsewhere', async () => {
    const { simulator, store, handles } = renderApp();
    const scenario = await pickLesson('checkout');
    answer(simulator, optionLabel(scenario, true));
    act(() => void store.getState().jumpTo(2550));
    act(() => handles.page.getState().setPresenting(true));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Close the answer' }), { key: 'Escape' });
    expect(screen.queryByRole('region', REVEAL)).not.toBeInTheDocument();
    expect(handles.page.getState().presenting).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    fireEvent.keyDown(appRoot(), { key: 'Escape' });
    expect(handles.page.getState().presenting).toBe(false);
    expect(screen.getByRole('region', REVEAL)).toBeInTheDocument();
  });

  it('leaves Esc to an open dialog', async () => {
    const { simulator, store } = renderApp();
    const scenario = await pickLesson('checkout');
    answer(simulator, optionLabel(scenario, true));
    act(() => void store.getState().jumpTo(2550));
    fireEvent.click(screen.getByRole('button', { name: 'Sync or async? quiz' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.getByRole('region', REVEAL)).toBeInTheDocument();
  });
});

describe('moving on', () => {
  it('loads the next lesson, which asks its own question', async () => {
    const { simulator, store } = renderApp();
    const scenario = await pickLesson('checkout');
    answer(simulator, optionLabel(scenario, true));
    act(() => void store.getState().jumpTo(2550));
    fireEvent.click(screen.getByRole('button', { name: `Next lesson: ${SCENARIOS[1]!.title}` }));
    expect(store.getState().scenarioId).toBe(SCENARIOS[1]!.id);
    expect(store.getState().simMs).toBe(0);
    expect(screen.queryByRole('region', REVEAL)).not.toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: SCENARIOS[1]!.prediction.question }),
    ).toBeInTheDocument();
    expect(document.activeElement).toBe(appRoot());
  });

  it('offers the quiz and lesson 1 after the last lesson', async () => {
    const { simulator, store } = renderApp();
    const last = await pickLesson(SCENARIOS.at(-1)!.id);
    answer(simulator, null);
    act(() => void store.getState().jumpTo(store.getState().beats.at(-1)!.atSec * 1000));
    const reveal = screen.getByRole('region', REVEAL);
    expect(reveal).toHaveTextContent('That was the last lesson.');
    expect(reveal).toHaveTextContent(numberPhrase(simulator, last));
    expect(within(reveal).queryByRole('button', { name: /Next lesson/ })).not.toBeInTheDocument();
    fireEvent.click(within(reveal).getByRole('button', { name: 'Take the quiz' }));
    expect(screen.getByRole('dialog', { name: 'Sync or async?' })).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    fireEvent.click(within(reveal).getByRole('button', { name: 'Back to lesson 1' }));
    expect(store.getState().scenarioId).toBe(SCENARIOS[0]!.id);
  });
});

describe('in an embed', () => {
  it('is one line with the answer and the number, no summary and no way to another lesson', () => {
    const { simulator, store } = renderApp({}, { embed: true, scenario: 'email-outage' });
    act(() => void store.getState().loadScenario('email-outage'));
    const scenario = findScenario('email-outage')!;
    act(() => void store.getState().jumpTo(store.getState().beats.at(-1)!.atSec * 1000));
    const line = screen.getByRole('region', REVEAL);
    expect(line).toHaveTextContent(
      `Answer: ${optionLabel(scenario, true)}${scenario.prediction.reveal.label} ${reportNumber(simulator, scenario)}`,
    );
    expect(line).not.toHaveTextContent(scenario.teaches);
    expect(within(line).queryByRole('button', { name: /Next lesson/ })).not.toBeInTheDocument();
    fireEvent.keyDown(within(line).getByRole('button', { name: 'Close the answer' }), {
      key: 'Escape',
    });
    expect(screen.getByRole('button', { name: 'Answer' })).toBeInTheDocument();
  });
});
