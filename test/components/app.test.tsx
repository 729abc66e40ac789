// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/renderApp.tsx';

afterEach(cleanup);

describe('the playback controls', () => {
  it('toggles between Play and Pause', () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('steps to the next event and shows the new simulated time', () => {
    renderApp();
    expect(screen.getByTestId('sim-time')).toHaveTextContent('0.00 s');
    fireEvent.click(screen.getByRole('button', { name: 'Step to the next event' }));
    expect(screen.getByTestId('sim-time')).toHaveTextContent('0.20 s');
  });

  it('seeks with the timeline slider, from the next frame on', () => {
    const { store, clock } = renderApp();
    act(() => {
      store.getState().play();
      clock.advance(5000);
      store.getState().pause();
    });
    const scrubber = screen.getByRole('slider', { name: 'Time' });
    fireEvent.change(scrubber, { target: { value: '1200' } });
    // A move only aims the seek: a drag's moves merge into one, run in the frames after.
    expect(screen.getByTestId('sim-time')).not.toHaveTextContent('1.20 s');
    act(() => clock.advance(50));
    expect(screen.getByTestId('sim-time')).toHaveTextContent('1.20 s');
    expect(scrubber).toHaveAttribute('aria-valuetext', '1.20 seconds');
  });

  it('offers speeds from slow motion to fast-forward', () => {
    const { store } = renderApp();
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    fireEvent.change(speed, { target: { value: '0.1' } });
    expect(store.getState().speed).toBe(0.1);
    fireEvent.change(speed, { target: { value: '30' } });
    expect(store.getState().speed).toBe(30);
  });
});

describe('the settings', () => {
  it('labels every control', () => {
    renderApp();
    for (const name of [
      'Check payment',
      'Charge card',
      'Save order',
      'Send email',
      'Orders per second',
      'Workers',
      'Server handlers',
    ]) {
      expect(screen.getByRole('slider', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('slider', { name: 'Email failure rate' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /Email service outage/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Place one order' })).toBeInTheDocument();
  });

  it('keeps the advanced settings behind a disclosure', () => {
    renderApp();
    const advanced = screen.getByText('Advanced').closest('details')!;
    const inside = within(advanced);
    for (const name of ['User timeout', 'First backoff']) {
      expect(inside.getByRole('spinbutton', { name, hidden: true })).toBeInTheDocument();
    }
    expect(inside.getByRole('combobox', { name: 'Backoff', hidden: true })).toBeInTheDocument();
    expect(
      inside.getByRole('slider', { name: 'Worker crash rate', hidden: true }),
    ).toBeInTheDocument();
    expect(
      inside.getByRole('switch', { name: /Users retry on error/, hidden: true }),
    ).toBeInTheDocument();
  });

  it('applies a latency and records it as a timed change', () => {
    const { store } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Exact value for Charge card' }));
    const charge = screen.getByRole('textbox', { name: /for Charge card/ });
    expect(charge).toHaveValue('800');
    fireEvent.change(charge, { target: { value: '900' } });
    expect(charge).toHaveValue('900');
    // The order at 0 s has already arrived, so the change goes in just after it (1 µs later).
    expect(store.getState().changes).toEqual([
      { atMs: 0.001, key: 'latency.charge', value: '900' },
    ]);
  });

  it('shows the registry’s reason for a value it refuses, and never NaN', () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Exact value for Workers' }));
    const workers = screen.getByRole('spinbutton', { name: /for Workers/ });
    fireEvent.change(workers, { target: { value: '-2' } });
    expect(workers).toHaveAttribute('aria-invalid', 'true');
    expect(workers).toHaveAccessibleDescription(/a whole number from 0 to 10000/);
    expect(document.body.textContent).not.toMatch(/NaN/);
  });

  it('shows the failure rate in per cent and applies it as a probability', () => {
    const { store } = renderApp();
    const slider = screen.getByRole('slider', { name: 'Email failure rate' });
    fireEvent.change(slider, { target: { value: '20' } });
    expect(store.getState().values['email.failureRate']).toBe('0.2');
    expect(slider).toHaveAttribute('aria-valuetext', '20 per cent');
  });

  it('takes the email service down with the outage switch', () => {
    renderApp();
    expect(screen.queryAllByText('Down')).toHaveLength(0);
    fireEvent.click(screen.getByRole('switch', { name: /Email service outage/ }));
    expect(screen.getByRole('switch', { name: /Email service outage/ })).toBeChecked();
    expect(screen.getAllByText('Down')).toHaveLength(2);
  });
});

describe('the mode picker', () => {
  it('shows one lane in Sync and Async, and both in Compare', () => {
    renderApp();
    expect(screen.getAllByRole('region', { name: /checkout$/ })).toHaveLength(2);
    fireEvent.click(screen.getByRole('radio', { name: 'Async' }));
    const lanes = screen.getAllByRole('region', { name: /checkout$/ });
    expect(lanes).toHaveLength(1);
    expect(lanes[0]).toHaveAccessibleName(/Asynchronous checkout/);
  });
});

describe('the customers’ screens', () => {
  it('show the lesson: 2.55 s against 1.05 s, and both emails at 2.55 s', () => {
    const { store, clock } = renderApp();
    act(() => {
      store.getState().play();
      clock.advance(5000);
    });
    const sync = screen.getByRole('group', { name: /Synchronous: the customer’s screen/ });
    const async = screen.getByRole('group', { name: /Asynchronous: the customer’s screen/ });
    expect(within(sync).getByText('Page shown').parentElement).toHaveTextContent('2.55 s');
    expect(within(sync).getByText('Email sent').parentElement).toHaveTextContent('2.55 s');
    expect(within(async).getByText('Page shown').parentElement).toHaveTextContent('1.05 s');
    expect(within(async).getByText('Email sent').parentElement).toHaveTextContent('2.55 s');
    const summary = screen
      .getAllByRole('status')
      .find((el) => el.classList.contains('status-summary'));
    expect(summary).toHaveTextContent(
      'Order 1. Sync: success page after 2.55 s, email sent at 2.55 s. Async: success page after 1.05 s, email sent at 2.55 s.',
    );
  });

  it('show a spinner while the customer waits', () => {
    renderApp();
    expect(screen.getAllByText('Placing your order…')).toHaveLength(2);
  });

  it('open an order’s timeline', () => {
    renderApp();
    fireEvent.click(screen.getAllByRole('button', { name: 'Timeline of order #1' })[0]!);
    expect(screen.getByRole('heading', { name: /Order #1, both checkouts/ })).toHaveFocus();
    // One waterfall per lane, side by side, each from its lane's Collector.
    expect(screen.getAllByText(/Order 1, placed at 0/)).toHaveLength(2);
    expect(
      screen.getByRole('heading', { name: /Order 1 timeline \(Synchronous\)/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: /Order 1 timeline \(Asynchronous\)/ }),
    ).toBeInTheDocument();
  });
});
