// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/renderApp.tsx';
import { OutcomeLedger } from '../../src/components/analysis/OutcomeLedger.tsx';
import { dispatch } from '../../src/embed/dispatch.ts';
import { simulatorTarget } from '../../src/embed/simulatorTarget.ts';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { urlStateOf } from '../../src/url/storeState.ts';
import { DEFAULT_URL_STATE } from '../../src/url/urlState.ts';
import { run } from '../analysis/runs.ts';
import { testSimulator } from '../support/simulator.ts';

function brokerGroup() {
  return within(screen.getByRole('group', { name: 'Message broker' }));
}

afterEach(cleanup);

describe('the message broker control', () => {
  it('offers the five brokers by their human names, SQS first chosen', () => {
    renderApp();
    const select = brokerGroup().getByRole('combobox', { name: 'Broker' });
    expect(select).toHaveValue('sqs');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Ideal (exactly once — an idealisation)',
      'Amazon SQS (standard)',
      'RabbitMQ (quorum queue)',
      'Kafka (consumer group)',
      'Redis Streams (consumer group)',
    ]);
    expect(select).toHaveAccessibleDescription(/Changing the broker restarts the run/);
    expect(brokerGroup().getByRole('spinbutton', { name: 'Visibility timeout' })).toHaveValue(
      30_000,
    );
    expect(
      brokerGroup().getByRole('spinbutton', { name: 'Visibility timeout' }),
    ).toHaveAccessibleDescription(/30 s by default, 12 h at most/);
    expect(brokerGroup().queryByRole('spinbutton', { name: 'Partitions' })).toBeNull();
  });

  it('restarts the run with Kafka, keeping the user’s other settings, and shows its partitions', () => {
    const { store, clock } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Exact value for Charge card' }));
    fireEvent.change(screen.getByRole('textbox', { name: /for Charge card/ }), {
      target: { value: '900' },
    });
    act(() => {
      store.getState().play();
      clock.advance(1000);
    });
    expect(store.getState().simMs).toBeGreaterThan(0);

    fireEvent.change(brokerGroup().getByRole('combobox', { name: 'Broker' }), {
      target: { value: 'kafka' },
    });

    const s = store.getState();
    expect(s.values['queue.broker']).toBe('kafka');
    expect(s.base).toMatchObject({ 'queue.broker': 'kafka', 'latency.charge': '900' });
    expect(s.changes).toEqual([]);
    expect(s.simMs).toBe(0);
    expect(s.playing).toBe(true);
    expect(s.errors).toEqual({});
    const partitions = brokerGroup().getByRole('spinbutton', { name: 'Partitions' });
    expect(partitions).toHaveValue(4);
    expect(partitions).toHaveAccessibleDescription(/Kafka’s default num.partitions is 1/);
    expect(
      brokerGroup().getByRole('switch', { name: /Dead-letter topic configured/ }),
    ).toBeChecked();
    expect(brokerGroup().queryByRole('spinbutton', { name: 'Visibility timeout' })).toBeNull();
    expect(serializeState(urlStateOf(store.getState(), DEFAULT_URL_STATE))).toContain(
      'queue.broker=kafka',
    );
  });

  it('restarts the run when Kafka’s partitions change, which the engine refuses mid-run', () => {
    const { store } = renderApp({ settings: { 'queue.broker': 'kafka' } });
    const partitions = brokerGroup().getByRole('spinbutton', { name: 'Partitions' });
    fireEvent.change(partitions, { target: { value: '2' } });
    fireEvent.blur(partitions);
    expect(store.getState().base).toMatchObject({ 'queue.partitions': '2' });
    expect(store.getState().values['queue.partitions']).toBe('2');
    expect(store.getState().errors).toEqual({});
  });

  it('names each broker’s own dead-letter target and says what is not real', () => {
    renderApp({ settings: { 'queue.broker': 'rabbitmq' } });
    expect(
      brokerGroup().getByRole('switch', { name: /Dead-letter exchange configured/ }),
    ).toBeInTheDocument();
    expect(brokerGroup().getByRole('spinbutton', { name: 'Delivery limit' })).toHaveValue(20);
    // The consumer timeout is modelled (a setting, not a control): the note says what it does.
    expect(
      brokerGroup().getByText(
        /consumer timeout \(30 min, as in RabbitMQ\) closes the worker’s channel/,
      ),
    ).toBeInTheDocument();
    cleanup();
    renderApp({ settings: { 'queue.broker': 'ideal' } });
    expect(brokerGroup().getByText(/No real broker delivers exactly once/)).toBeInTheDocument();
    cleanup();
    renderApp({ settings: { 'queue.broker': 'redis' } });
    expect(
      brokerGroup().getByRole('switch', { name: /Dead-letter stream configured/ }),
    ).toBeInTheDocument();
    expect(
      brokerGroup().getByRole('spinbutton', { name: 'Min idle time before a claim' }),
    ).toHaveAccessibleDescription(/XAUTOCLAIM/);
  });
});

describe('the redrive button', () => {
  it('is disabled while the dead-letter queue is empty', () => {
    const { store } = renderApp();
    const button = brokerGroup().getByRole('button', { name: 'Redrive dead letters' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(button);
    expect(store.getState().changes).toEqual([]);
    expect(brokerGroup().getByText('Dead-letter queue empty')).toBeInTheDocument();
  });

  it('moves the dead letters back as a recorded change that a rewind replays', () => {
    const { store, clock, simulator } = renderApp({
      settings: { 'email.failureRate': 1, 'queue.maxReceives': 1 },
    });
    const redriven = () => simulator.lane('async').report('ui').emails.redriven;
    act(() => {
      store.getState().play();
      clock.advance(5000);
    });
    const button = brokerGroup().getByRole('button', { name: 'Redrive dead letters' });
    expect(button).toHaveAttribute('aria-disabled', 'false');
    expect(button).toHaveAccessibleDescription('1 dead-lettered message');
    act(() => store.getState().pause());
    const at = store.getState().simMs;

    fireEvent.click(button);

    expect(store.getState().changes).toEqual([
      expect.objectContaining({ key: 'queue.redrive', value: true }),
    ]);
    expect(store.getState().changes[0]!.atMs).toBeGreaterThanOrEqual(at);
    // The link keeps settings, not actions: it still serialises.
    expect(() => urlStateOf(store.getState(), DEFAULT_URL_STATE)).not.toThrow();
    expect(redriven()).toBe(1);
    act(() => store.getState().seek(0));
    expect(redriven()).toBe(0);
    act(() => store.getState().seek(at + 1));
    expect(redriven()).toBe(1);
    expect(store.getState().changes).toHaveLength(1);
  });
});

describe('a link', () => {
  it('loads a broker by its registry key', () => {
    const { state, notices } = parseParams('?v=1&queue.broker=kafka');
    expect(notices).toEqual([]);
    expect(state.settings).toEqual({ 'queue.broker': 'kafka' });
  });

  it('ignores an unknown broker with a notice naming the allowed ones', () => {
    const { state, notices } = parseParams('?queue.broker=activemq');
    expect(state.settings).toEqual({});
    expect(notices).toEqual([
      expect.objectContaining({
        param: 'queue.broker',
        value: 'activemq',
        allowed: expect.stringMatching(/ideal.*sqs.*rabbitmq.*kafka.*redis/),
      }),
    ]);
  });
});

describe('the outcome ledger with brokers', () => {
  it('flags the emails RabbitMQ drops without a dead-letter exchange', () => {
    const r = run('async', {
      'queue.broker': 'rabbitmq',
      'queue.deadLetter': false,
      'queue.deliveryLimit': 1,
      'email.failureRate': 1,
    });
    expect(r.report.emails.dropped).toBeGreaterThan(0);
    render(<OutcomeLedger lanes={[{ label: 'Asynchronous', report: r.report }]} />);
    const row = screen.getByRole('row', { name: /^Emails dropped by the broker/ });
    expect(within(row).getByRole('cell')).toHaveTextContent(
      `⚠ problem: ${r.report.emails.dropped}`,
    );
    expect(screen.getByRole('row', { name: /^Redeliveries/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /^Largest partition lag/ })).toBeNull();
  });

  it('shows the largest partition lag under Kafka only', () => {
    const r = run('async', { 'queue.broker': 'kafka' });
    render(<OutcomeLedger lanes={[{ label: 'Asynchronous', report: r.report }]} />);
    expect(screen.getByRole('row', { name: /^Largest partition lag/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /^Emails dropped by the broker/ })).toBeNull();
  });
});

describe('a host page choosing the broker over postMessage', () => {
  it('restarts the run with Kafka, like the control panel, and replies ok', () => {
    const { simulator, store } = testSimulator();
    const target = simulatorTarget(simulator, DEFAULT_URL_STATE, () => {});
    const open = { api: true, locked: new Set<string>() };
    const reply = dispatch(
      { type: 'set', key: 'queue.broker', value: 'kafka', id: 1 },
      target,
      open,
    );
    expect(reply).toMatchObject({ type: 'ok', id: 1 });
    expect(store.getState().values['queue.broker']).toBe('kafka');
    expect(target.getState().query).toContain('queue.broker=kafka');
  });

  it('refuses an unknown broker with the allowed ones named, and keeps SQS', () => {
    const { simulator, store } = testSimulator();
    const target = simulatorTarget(simulator, DEFAULT_URL_STATE, () => {});
    const open = { api: true, locked: new Set<string>() };
    const reply = dispatch(
      { type: 'set', key: 'queue.broker', value: 'nats', id: 2 },
      target,
      open,
    );
    expect(reply).toMatchObject({ type: 'error', id: 2 });
    expect(JSON.stringify(reply)).toContain('one of ideal, sqs, rabbitmq, kafka, redis');
    expect(store.getState().values['queue.broker']).toBe('sqs');
  });
});
