// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ControlsPanel } from '../../src/components/controls/ControlsPanel.tsx';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { NumberField } from '../../src/components/controls/NumberField.tsx';
import {
  ADVANCED_CONTROLS,
  BROKER_CONTROL,
  brokerControls,
  LATENCY_CONTROLS,
  LOAD_CONTROLS,
} from '../../src/components/controls/controlSpecs.ts';
import { DUAL_WRITE_CONTROLS } from '../../src/components/controls/dualWriteSpecs.ts';
import { BROKERS, findSetting, numericSetting } from '../../src/engine/index.ts';
import { nearestStop, sliderStops } from '../../src/components/controls/sliders.ts';
import { testSimulator } from '../support/simulator.ts';

function renderPanel(scenario?: string) {
  const t = testSimulator();
  if (scenario) expect(t.store.getState().loadScenario(scenario)).toBeUndefined();
  render(
    <SimulatorProvider handles={t.handles}>
      <ControlsPanel />
    </SimulatorProvider>,
  );
  return t;
}

const slider = (name: string) => screen.getByRole('slider', { name });
const spec = (key: string) => [...LATENCY_CONTROLS, ...LOAD_CONTROLS].find((s) => s.key === key)!;

/** The slider's position for a value on its stops, as the native input holds it. */
const positionOf = (key: string, value: number) => String(sliderStops(spec(key)).indexOf(value));

const RATE = 'traffic.rate';

afterEach(cleanup);

describe('the sliders’ stops', () => {
  it('reach the lesson’s step times, and the registry’s minimum', () => {
    const stops = sliderStops(spec('latency.charge'));
    for (const ms of [0, 50, 200, 800, 1500, 2500, 10_000]) expect(stops).toContain(ms);
    expect(sliderStops(spec('server.handlers'))[0]).toBe(1);
  });

  it('add the default when the scale misses it, so the tick marks a stop', () => {
    expect(sliderStops(spec('server.handlers'))).not.toContain(64);
    expect(sliderStops(spec('server.handlers'), 64)).toContain(64);
  });

  it('put a value between stops at the nearest one', () => {
    expect(nearestStop([0, 10, 20], 14)).toBe(1);
    expect(nearestStop([0, 10, 20], 99)).toBe(2);
  });
});

describe('a slider', () => {
  it('shows its value and unit beside it, and says them in words', () => {
    renderPanel();
    expect(slider('Charge card')).toHaveAttribute('aria-valuetext', '800 milliseconds');
    expect(screen.getByText('800 ms')).toBeInTheDocument();
    expect(screen.getByText('1.5 s')).toBeInTheDocument();
    expect(slider('Workers')).toHaveAttribute('aria-valuetext', '4 workers');
    expect(screen.getByText('4 workers')).toBeInTheDocument();
    // The lesson's single order: no steady traffic.
    expect(slider('Orders per second')).toHaveAttribute('aria-valuetext', '0 orders per second');
    expect(slider('Orders per second')).toHaveAccessibleDescription(/Default: 0 orders\/s\./);
    // The email failure rate, the worker crash rate and the server crash rate.
    expect(screen.getAllByText('0 %')).toHaveLength(3);
    expect(screen.getByText('64 handlers')).toBeInTheDocument();
  });

  it('marks the default with a tick and names it in the description', () => {
    renderPanel();
    expect(slider('Charge card')).toHaveAccessibleDescription(/Default: 800 ms\./);
    expect(slider('Server handlers')).toHaveAccessibleDescription(/Default: 64 handlers\./);
    // One tick per slider: five latencies, the three rates, orders, workers and handlers.
    expect(document.querySelectorAll('.slider-tick')).toHaveLength(11);
  });

  it('applies a move that is not held (a screen reader’s step) at once, as one change', () => {
    const { store } = renderPanel();
    fireEvent.change(slider('Workers'), { target: { value: positionOf('workers.count', 9) } });
    expect(store.getState().values['workers.count']).toBe('9');
    expect(store.getState().changes).toHaveLength(1);
    expect(slider('Workers')).toHaveAttribute('aria-valuetext', '9 workers');
  });

  it('applies keyboard moves when the key comes up, so a held arrow records one change', () => {
    const { store } = renderPanel();
    const charge = slider('Charge card');
    fireEvent.keyDown(charge, { key: 'ArrowRight' });
    // jsdom does not move a native slider on keys; the browser test presses real ones.
    fireEvent.change(charge, { target: { value: positionOf('latency.charge', 850) } });
    fireEvent.change(charge, { target: { value: positionOf('latency.charge', 900) } });
    expect(charge).toHaveAttribute('aria-valuetext', '900 milliseconds');
    expect(store.getState().changes).toHaveLength(0);
    fireEvent.keyUp(charge, { key: 'ArrowRight' });
    expect(store.getState().values['latency.charge']).toBe('900');
    expect(store.getState().changes).toHaveLength(1);
  });

  it('applies a drag once, when the pointer is released', () => {
    const { store } = renderPanel();
    const rate = slider('Orders per second');
    fireEvent.pointerDown(rate);
    for (const value of [5, 10, 20, 50]) {
      fireEvent.input(rate, { target: { value: positionOf(RATE, value) } });
    }
    expect(screen.getByText('50 orders/s')).toBeInTheDocument();
    expect(store.getState().changes).toHaveLength(0);
    fireEvent.pointerUp(window);
    expect(store.getState().values[RATE]).toBe('50');
    // Raising the rate from a single order also switches the pattern to steady traffic.
    expect(store.getState().changes.map((c) => c.key)).toEqual(['traffic.pattern', RATE]);
  });
});

describe('typing an exact value', () => {
  it('applies a value beyond the slider’s stops that the registry allows', () => {
    const { store } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Exact value for Workers' }));
    const box = screen.getByRole('spinbutton', { name: 'Exact value for Workers' });
    expect(box).toHaveFocus();
    // Typing is an input event: a draft, applied on Enter.
    fireEvent.input(box, { target: { value: '120' } });
    expect(store.getState().changes).toHaveLength(0);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().values['workers.count']).toBe('120');
    expect(slider('Workers')).toHaveAttribute('aria-valuetext', '120 workers');
  });

  it('keeps a refused value with the registry’s reason, and applies nothing', () => {
    const { store } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Exact value for Send email' }));
    const box = screen.getByRole('textbox', { name: /for Send email/ });
    fireEvent.change(box, { target: { value: 'soon' } });
    fireEvent.blur(box);
    expect(box).toHaveValue('soon');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(/^Not allowed: expected a number of ms \(e\.g\. 200\), exp\(MEAN\)/),
    ).toBeInTheDocument();
    expect(slider('Send email')).toHaveAccessibleDescription(/Not allowed/);
    expect(store.getState().changes).toHaveLength(0);
  });

  it('drops a refused draft when the slider then moves the value', () => {
    renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Exact value for Workers' }));
    const box = screen.getByRole('spinbutton', { name: 'Exact value for Workers' });
    fireEvent.change(box, { target: { value: '-3' } });
    expect(box).toHaveValue(-3);
    expect(screen.getByText(/^Not allowed/)).toBeInTheDocument();
    fireEvent.change(slider('Workers'), { target: { value: positionOf('workers.count', 6) } });
    expect(box).toHaveValue(6);
    expect(box).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/^Not allowed/)).toBeNull();
  });

  it('takes a distribution for a latency', () => {
    const { store } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Exact value for Charge card' }));
    const box = screen.getByRole('textbox', { name: 'Exact value (ms) for Charge card' });
    expect(box).toHaveAccessibleDescription(/^Or a random time: exp\(800\)/);
    fireEvent.change(box, { target: { value: 'exp(300)' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().values['latency.charge']).toBe('exp(300)');
    expect(screen.getByText('exp, mean 300 ms')).toBeInTheDocument();
  });

  it('closes with Escape and gives focus back to its button', () => {
    renderPanel();
    const toggle = screen.getByRole('button', { name: 'Exact value for Workers' });
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    fireEvent.keyDown(screen.getByRole('spinbutton', { name: /for Workers/ }), { key: 'Escape' });
    expect(screen.queryByRole('spinbutton', { name: /for Workers/ })).toBeNull();
    expect(toggle).toHaveFocus();
  });
});

describe('a latency that is a distribution', () => {
  it('shows as a chip with its kind and mean, never an empty box', () => {
    renderPanel('slow-email');
    expect(screen.getByText('lognormal, mean 2.5 s')).toBeInTheDocument();
    expect(slider('Send email')).toHaveAttribute('aria-valuetext', 'lognormal, mean 2.5 seconds');
    expect(slider('Send email')).toHaveAccessibleDescription(/Default: 2.5 s\./);
  });

  it('moves its mean with the slider and keeps its kind and shape', () => {
    const { store } = renderPanel('slow-email');
    act(() => {
      fireEvent.change(slider('Send email'), {
        target: { value: positionOf('latency.email', 5000) },
      });
    });
    expect(store.getState().values['latency.email']).toBe('lognormal(5000,4000)');
    expect(screen.getByText('lognormal, mean 5 s')).toBeInTheDocument();
  });

  it('shows a uniform latency by its mean too', () => {
    const t = testSimulator();
    expect(t.store.getState().change('latency.email', 'uniform(30,50)')).toBeUndefined();
    render(
      <SimulatorProvider handles={t.handles}>
        <ControlsPanel />
      </SimulatorProvider>,
    );
    expect(screen.getByText('uniform, mean 40 ms')).toBeInTheDocument();
    fireEvent.change(slider('Send email'), {
      target: { value: positionOf('latency.email', 80) },
    });
    expect(t.store.getState().values['latency.email']).toBe('uniform(60,100)');
  });
});

describe('a lesson with a flow of its own (the password check)', () => {
  it('lists its steps’ times and offers no slider for a step it does not have', () => {
    renderPanel('password-check');
    const steps = screen.getByRole('list', { name: 'Steps of the password check' });
    expect(steps).toHaveTextContent('Read the form10 ms');
    expect(steps).toHaveTextContent(
      'Check the passworduniform, mean 40 ms (async: in the background)',
    );
    for (const name of ['Check payment', 'Charge card', 'Save order', 'Send email']) {
      expect(screen.queryByRole('slider', { name })).toBeNull();
    }
    expect(screen.queryByText('Email service')).toBeNull();
    // The check is queued in async: queueing it still takes time.
    expect(slider('Queue the job (async)')).toBeInTheDocument();
  });
});

describe('a number box', () => {
  const numberSpecs = [
    ...ADVANCED_CONTROLS,
    ...Object.values(DUAL_WRITE_CONTROLS),
    ...BROKERS.flatMap(brokerControls),
  ].filter((s) => s.kind === 'number');

  it.each(numberSpecs.map((s) => [s.key, s] as const))(
    'takes its bounds and unit from the registry (%s)',
    (key, s) => {
      const t = testSimulator();
      render(
        <SimulatorProvider handles={t.handles}>
          <NumberField spec={s} />
        </SimulatorProvider>,
      );
      const setting = numericSetting(key)!;
      const box = screen.getByRole('spinbutton', { name: s.label });
      expect(box.getAttribute('min')).toBe(String(setting.min));
      expect(box.getAttribute('max')).toBe(String(setting.max));
      if (setting.unit) expect(s.unit).toBeDefined();
      if (s.unit) expect(box.parentElement!.textContent).toContain(s.unit);
    },
  );
});

describe('the server crash and the outbox', () => {
  it('offers the crash rate and the outbox, and the relay’s poll only while the outbox is on', () => {
    const { store } = renderPanel();
    const poll = () => screen.queryByRole('spinbutton', { name: 'Outbox relay polls every' });
    fireEvent.change(slider('Server crash rate (async, after the save)'), {
      target: { value: '20' },
    });
    expect(store.getState().values['server.crashRate']).toBe('0.2');
    expect(poll()).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: /Transactional outbox/ }));
    expect(store.getState().values['queue.outbox']).toBe('true');
    expect(poll()).toHaveValue(500);
  });
});

describe('a select', () => {
  it('offers exactly the registry’s choices, in its order', () => {
    const selects = [...ADVANCED_CONTROLS, BROKER_CONTROL].filter((s) => s.kind === 'select');
    expect(selects.length).toBeGreaterThan(1);
    for (const s of selects) {
      const setting = findSetting(s.key);
      expect(setting?.kind, s.key).toBe('choice');
      if (setting?.kind !== 'choice') continue;
      expect(
        s.options?.map((o) => o.value),
        s.key,
      ).toEqual(setting.choices);
    }
  });
});
