// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/renderApp.tsx';
import { EXERCISE } from '../../src/scenarios/index.ts';

/** Picks a lesson and waits for it to load: the picker loads it after the frame that shows the
 * choice has been painted. */
async function pickLesson(id: string) {
  const picker = screen.getByRole('combobox', { name: 'Lesson' });
  fireEvent.change(picker, { target: { value: id } });
  await waitFor(() => expect(picker).toHaveAttribute('aria-busy', 'false'));
}

afterEach(cleanup);

describe('the lesson picker', () => {
  it('loads the chosen scenario and shows what it teaches', async () => {
    const { store } = renderApp();
    expect(screen.getByRole('heading', { name: 'Free play' })).toBeInTheDocument();
    await pickLesson('email-outage');
    expect(store.getState().scenarioId).toBe('email-outage');
    const lesson = screen.getByRole('region', { name: /email/i });
    expect(within(lesson).getByRole('heading', { level: 2 })).toBeInTheDocument();
  });

  it('goes back to free play with the defaults', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    await pickLesson('');
    expect(store.getState().scenarioId).toBeNull();
    // The question on the stage fades out (framer-motion) before it leaves the page.
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Your prediction' })).not.toBeInTheDocument(),
    );
  });
});

describe('the captions', () => {
  it('show the beat at the current moment and pause playback at a pausing beat', async () => {
    const { store, clock } = renderApp();
    await pickLesson('checkout');
    const caption = within(screen.getByRole('region', { name: 'Lesson caption' })).getByRole(
      'status',
    );
    expect(caption).toHaveTextContent('One customer clicks');
    act(() => {
      store.getState().play();
      clock.advance(3000);
    });
    expect(caption).toHaveTextContent('Caption 3 of 4');
    expect(caption).toHaveTextContent(/answers now: 1.05 s/);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('follow time travel: seeking back shows the earlier caption', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    act(() => {
      store.setState({ furthestMs: 3000 });
      store.getState().seek(3000);
    });
    expect(screen.getByText('Caption 4 of 4')).toBeInTheDocument();
    act(() => store.getState().seek(1020));
    expect(screen.getByText('Caption 2 of 4')).toBeInTheDocument();
  });

  it('move to the next and previous caption with their buttons', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    fireEvent.click(screen.getByRole('button', { name: 'Next caption' }));
    expect(store.getState().simMs).toBe(1000);
    fireEvent.click(screen.getByRole('button', { name: 'Next caption' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous caption' }));
    expect(store.getState().simMs).toBe(1000);
  });
});

describe('the prediction', () => {
  it('asks before the run, locks in the answer, and reveals what happened after it', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    const card = screen.getByRole('region', { name: 'Your prediction' });
    fireEvent.click(within(card).getByRole('button', { name: 'Lock in my answer and play' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Pick one of the answers first.');
    fireEvent.click(within(card).getByRole('radio', { name: 'At the same moment as in sync' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Lock in my answer and play' }));
    // Locking starts the lesson; the card leaves the stage for the side panel.
    expect(store.getState().playing).toBe(true);
    act(() => store.getState().pause());
    const answered = screen.getByRole('region', { name: 'Your prediction' });
    expect(answered).toHaveTextContent('You said: At the same moment as in sync');
    expect(answered).toHaveTextContent('Play the lesson to find out.');
    act(() => {
      store.setState({ furthestMs: 3000 });
      store.getState().seek(3000);
    });
    expect(answered).toHaveTextContent('What happened: async email sent after 2.55 s');
    expect(answered).toHaveTextContent('You were right.');
    expect(answered).toHaveTextContent('Async only stops the customer from waiting for it.');
  });

  it('says so when the answer was wrong', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    const card = screen.getByRole('region', { name: 'Your prediction' });
    fireEvent.click(within(card).getByRole('radio', { name: /Sooner than in sync/ }));
    fireEvent.click(within(card).getByRole('button', { name: 'Lock in my answer and play' }));
    act(() => store.getState().pause());
    const answered = screen.getByRole('region', { name: 'Your prediction' });
    act(() => {
      store.setState({ furthestMs: 3000 });
      store.getState().seek(3000);
    });
    expect(answered).toHaveTextContent('Not quite. The answer: At the same moment as in sync.');
  });
});

describe('the goals', () => {
  it('tick themselves with a mark and the moment they were met', async () => {
    const { store, clock } = renderApp();
    await pickLesson('checkout');
    const goals = screen.getByRole('region', { name: 'Goals' });
    expect(within(goals).getAllByText('Not yet')).toHaveLength(3);
    act(() => {
      store.getState().play();
      clock.advance(3000);
    });
    const first = within(goals)
      .getByText(/async customer sees/)
      .closest('li')!;
    expect(first).toHaveTextContent('Ticked at 1.05 s');
    expect(goals).toHaveTextContent('1 of 3 done');
  });

  it('keep a goal an earlier design met, saying so, in the lesson that asks for designs', async () => {
    const { store } = renderApp();
    await pickLesson('design-it');
    const goals = screen.getByRole('region', { name: 'Goals' });
    act(() => store.getState().jumpTo(30_000));
    expect(goals).toHaveTextContent('1 of 2 done');
    act(() => void store.getState().change('steps.charge.where', 'request'));
    act(() => store.getState().jumpTo(30_000));
    const first = within(goals).getAllByRole('listitem')[0]!;
    expect(first).toHaveTextContent('Ticked in an earlier design');
    expect(goals).toHaveTextContent('2 of 2 done');
  });
});

describe('the sync-or-async quiz', () => {
  it('gives feedback with the reason for each pick', () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Sync or async? quiz' }));
    const dialog = screen.getByRole('dialog', { name: 'Sync or async?' });
    const password = within(dialog).getByRole('group', { name: EXERCISE[0]!.task });
    fireEvent.click(within(password).getByRole('radio', { name: 'Async' }));
    expect(dialog).toHaveTextContent(`Not quite: sync. ${EXERCISE[0]!.why}`);
    fireEvent.click(within(password).getByRole('radio', { name: 'Sync' }));
    expect(dialog).toHaveTextContent('Right.');
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 of 1 right so far');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('the keyboard shortcuts', () => {
  it('play and pause with Space, step with "." and open the list with "?"', () => {
    const { store } = renderApp();
    const main = screen.getByRole('main');
    fireEvent.keyDown(main, { key: ' ' });
    expect(store.getState().playing).toBe(true);
    fireEvent.keyDown(main, { key: ' ' });
    expect(store.getState().playing).toBe(false);
    fireEvent.keyDown(main, { key: '.' });
    expect(store.getState().simMs).toBe(200);
    fireEvent.keyDown(main, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Play or pause')).toBeInTheDocument();
  });

  it('move between beats with Page Down, Page Up and the arrows', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    const main = screen.getByRole('main');
    fireEvent.keyDown(main, { key: 'PageDown' });
    fireEvent.keyDown(main, { key: 'ArrowRight' });
    expect(store.getState().simMs).toBe(1050);
    fireEvent.keyDown(main, { key: 'PageUp' });
    expect(store.getState().simMs).toBe(1000);
    fireEvent.keyDown(main, { key: 'ArrowLeft' });
    expect(store.getState().simMs).toBe(0);
  });

  it('leave keys alone inside fields', () => {
    const { store } = renderApp();
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Lesson' }), { key: ' ' });
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Time' }), { key: 'p' });
    expect(store.getState().playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Present' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('leave the simulation alone while a dialog is open', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    fireEvent.click(screen.getByRole('button', { name: 'Sync or async? quiz' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'PageDown' });
    expect(store.getState().simMs).toBe(0);
  });

  it('work with the focus on the page itself, as at load and after the question closes', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(document.body, { key: 'PageDown' });
    expect(store.getState().simMs).toBe(1000);
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    expect(store.getState().simMs).toBe(1050);
    fireEvent.keyDown(document.body, { key: 'ArrowUp' });
    expect(store.getState().simMs).toBe(1000);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(store.getState().playing).toBe(true);
  });

  it('take Space from a button a click focused, and leave it to one the keyboard reached', async () => {
    const { store } = renderApp();
    await pickLesson('checkout');
    const next = screen.getByRole('button', { name: 'Next caption' });
    fireEvent.mouseDown(next);
    next.focus();
    fireEvent.mouseUp(next);
    fireEvent.keyDown(next, { key: ' ' });
    expect(store.getState().playing).toBe(true);
    store.getState().pause();
    // Tab brings the focus back: now Space is the button's own.
    screen.getByRole('button', { name: 'Previous caption' }).focus();
    next.focus();
    fireEvent.keyDown(next, { key: ' ' });
    expect(store.getState().playing).toBe(false);
  });

  it('do nothing in an element outside the simulator', () => {
    const { store } = renderApp();
    const outside = document.body.appendChild(document.createElement('div'));
    fireEvent.keyDown(outside, { key: ' ' });
    expect(store.getState().playing).toBe(false);
    outside.remove();
  });

  it('blank the screen with B, and bring it back with any key or a click', () => {
    const { store } = renderApp();
    const main = screen.getByRole('main');
    fireEvent.keyDown(main, { key: 'b' });
    expect(screen.getByTestId('blank-screen')).toBeInTheDocument();
    expect(screen.getByText(/^Screen blanked/)).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 'Shift' }); // a modifier alone is no key
    expect(screen.getByTestId('blank-screen')).toBeInTheDocument();
    // The key that brings the screen back does nothing else.
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(screen.queryByTestId('blank-screen')).not.toBeInTheDocument();
    expect(store.getState().playing).toBe(false);
    fireEvent.keyDown(main, { key: 'B' });
    fireEvent.click(screen.getByTestId('blank-screen'));
    expect(screen.queryByTestId('blank-screen')).not.toBeInTheDocument();
  });
});

describe('presentation mode and themes', () => {
  it('toggles with P and its button, and marks the root', () => {
    const { handles } = renderApp();
    const present = screen.getByRole('button', { name: 'Present' });
    fireEvent.keyDown(screen.getByRole('main'), { key: 'p' });
    expect(present).toHaveAttribute('aria-pressed', 'true');
    expect(handles.page.getState().presenting).toBe(true);
    expect(document.querySelector('.app')).toHaveAttribute('data-presenting', 'true');
    fireEvent.click(present);
    expect(handles.page.getState().presenting).toBe(false);
  });

  it('sets data-theme on the root from the theme picker and from setTheme', () => {
    const { handles } = renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), {
      target: { value: 'projector' },
    });
    expect(document.querySelector('.app')).toHaveAttribute('data-theme', 'projector');
    expect(document.documentElement.dataset.theme).toBe('projector');
    act(() => handles.page.getState().setTheme('dark'));
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  });
});
