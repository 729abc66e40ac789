// @vitest-environment jsdom
// The Design section: every step of the flow in order with a radio pair that moves it between the
// request and the background; a change restarts the run with the step where it was put, a step
// the customer needs put in the background is warned about, and the answer time follows the
// design before anything plays, as the engine's own run measures it.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DesignSection } from '../../src/components/controls/DesignSection.tsx';
import { answerTimes } from '../../src/components/controls/design.ts';
import { checkoutFlow, Simulation, type StepWhere } from '../../src/engine/index.ts';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { testSimulator } from '../support/simulator.ts';

afterEach(cleanup);

function renderDesign(scenario?: string) {
  const t = testSimulator();
  if (scenario) expect(t.store.getState().loadScenario(scenario)).toBeUndefined();
  render(
    <SimulatorProvider handles={t.handles}>
      <DesignSection />
    </SimulatorProvider>,
  );
  return t;
}

const group = (name: string) => screen.getByRole('radiogroup', { name });
const place = (step: string, label: 'In the request' | 'In the background') =>
  within(group(step)).getByRole('radio', { name: label });
const asyncWhere = (t: ReturnType<typeof testSimulator>, id: string) =>
  t.simulator.lane('async').config.flow.steps.find((s) => s.id === id)?.where;

describe('the Design section in free play (the checkout)', () => {
  it('lists the steps in order, each checked where it runs', () => {
    renderDesign();
    const names = screen.getAllByRole('radiogroup').map((g) => g.getAttribute('aria-labelledby'));
    expect(names.map((id) => document.getElementById(id!)?.textContent)).toEqual([
      'Validate the card',
      'Charge the card',
      'Save the order',
      'Send the confirmation email',
    ]);
    expect(place('Charge the card', 'In the request')).toBeChecked();
    expect(place('Send the confirmation email', 'In the background')).toBeChecked();
    expect(screen.getByText(/sync lane always runs every step in the request/)).toBeVisible();
  });

  it('gives each step native radios of one name, so Tab reaches the pair and the arrows move', () => {
    renderDesign();
    for (const g of screen.getAllByRole('radiogroup')) {
      const radios = within(g).getAllByRole('radio');
      expect(radios).toHaveLength(2);
      expect(new Set(radios.map((r) => (r as HTMLInputElement).name)).size).toBe(1);
      for (const r of radios) expect(r.tabIndex).not.toBe(-1);
    }
    const names = screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).name);
    expect(new Set(names).size).toBe(4);
  });

  it('moves the charge to the background through the store, restarting the run, and warns', () => {
    const t = renderDesign();
    act(() => t.store.getState().seek(3_000));
    expect(screen.queryByText(/must know the payment worked/)).toBeNull();
    act(() => {
      fireEvent.click(place('Charge the card', 'In the background'));
    });
    expect(asyncWhere(t, 'charge')).toBe('background');
    expect(t.store.getState().simMs).toBe(0);
    expect(place('Charge the card', 'In the background')).toBeChecked();
    const warning = screen.getByText(
      /we must know the payment worked before the page says “confirmed”/,
    );
    expect(group('Charge the card')).toHaveAttribute(
      'aria-describedby',
      expect.stringContaining(warning.id),
    );
    // And back: the warning goes with it.
    act(() => {
      fireEvent.click(place('Charge the card', 'In the request'));
    });
    expect(asyncWhere(t, 'charge')).toBe('request');
    expect(screen.queryByText(/must know the payment worked/)).toBeNull();
  });

  it('does not warn about the email in the background, which the customer does not wait for', () => {
    renderDesign();
    expect(screen.queryByText(/⚠/)).toBeNull();
  });

  it('shows the answer time of the design, and moves it before anything plays', () => {
    const t = renderDesign();
    const answer = () => screen.getByText(/Async answers in about/).textContent;
    expect(answer()).toBe('Async answers in about 1.05 s (sync: 2.55 s)');
    act(() => {
      fireEvent.click(place('Charge the card', 'In the background'));
    });
    expect(answer()).toBe('Async answers in about 0.25 s (sync: 2.55 s)');
    act(() => {
      fireEvent.click(place('Send the confirmation email', 'In the request'));
    });
    expect(answer()).toBe('Async answers in about 1.75 s (sync: 2.55 s)');
    // A step's time changed mid-run keeps the flow object: the time still follows it.
    act(() => {
      t.store.getState().change('latency.validate', '400');
    });
    expect(answer()).toBe('Async answers in about 1.95 s (sync: 2.75 s)');
  });
});

describe('the answer time the section shows', () => {
  const designs: [string, Record<string, StepWhere>][] = [
    ['the checkout as it is', {}],
    ['the charge in the background', { charge: 'background' }],
    ['every step in the request', { email: 'request' }],
    ['all but validate in the background', { charge: 'background', save: 'background' }],
  ];
  it.each(designs)('is the engine’s answer to a single order: %s', (_name, moves) => {
    const flow = checkoutFlow();
    for (const step of flow.steps) step.where = moves[step.id] ?? step.where;
    const enqueue = { kind: 'constant', ms: 30 } as const;
    const times = answerTimes(flow, enqueue);
    for (const mode of ['sync', 'async'] as const) {
      const sim = Simulation.fromRecipe(
        { settings: { 'latency.enqueue': '30' }, seed: 1, durationMs: 1_000, changes: [], flow },
        mode,
      );
      sim.runToSettle(600_000);
      const r = sim.report('design');
      expect(r.responseMs.max).toBeCloseTo(mode === 'sync' ? times.syncMs : times.asyncMs, 6);
    }
  });
});

describe('the Design section in other flows and lessons', () => {
  it('warns in general words about a needed step of another flow in the background', () => {
    renderDesign('password-check');
    expect(place('Check the password', 'In the background')).toBeChecked();
    expect(
      within(group('Check the password').closest('li')!).getByText(
        /answers before knowing it worked/,
      ),
    ).toBeVisible();
    expect(screen.getByText(/Async answers in about/).textContent).toBe(
      'Async answers in about 0.015 s (sync: 0.055 s)',
    );
  });

  it('opens the Design it lesson on its own design: the charge in the background, warned about', () => {
    const t = renderDesign('design-it');
    expect(place('Charge the card', 'In the background')).toBeChecked();
    expect(screen.getByText(/we must know the payment worked/)).toBeVisible();
    expect(asyncWhere(t, 'charge')).toBe('background');
  });
});
