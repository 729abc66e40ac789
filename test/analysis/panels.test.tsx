// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Collector, type QueueStats } from '../../src/analysis/collector.ts';
import { EventLog } from '../../src/components/analysis/EventLog.tsx';
import { LittlesLaw } from '../../src/components/analysis/LittlesLaw.tsx';
import { Waterfall } from '../../src/components/analysis/Waterfall.tsx';
import { WorkerUtilization } from '../../src/components/analysis/WorkerUtilization.tsx';
import { orderTrace } from '../../src/analysis/trace.ts';
import { setLocale } from '../../src/i18n/runtime.ts';
import { run } from './runs.ts';

afterEach(cleanup);

function collect(mode: 'sync' | 'async', settings = {}, durationMs = 60_000) {
  const r = run(mode, settings, { durationMs });
  const c = new Collector();
  c.ingest(r.entries, r.sim.now);
  return { ...r, collector: c, analysis: c.snapshot() };
}

describe('EventLog', () => {
  it('is a quiet log (the batched narration speaks) with the newest sentence first', () => {
    const { analysis } = collect('sync');
    render(<EventLog events={analysis.events} label="Event log, synchronous" />);
    const log = screen.getByRole('log', { name: 'Event log, synchronous' });
    expect(log).toHaveAttribute('aria-live', 'off');
    const items = within(log).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      '2.55 s✓good news: Order 1: the customer saw the success page after 2.55 s',
    );
    expect(items.at(-1)).toHaveTextContent('Order 1 placed');
  });

  it('says nothing has happened before the first event', () => {
    render(<EventLog events={[]} />);
    expect(screen.getByText('Nothing has happened yet.')).toBeInTheDocument();
    expect(within(screen.getByRole('log')).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('shows at most `limit` sentences', () => {
    const { analysis } = collect('async', { 'traffic.pattern': 'steady' }, 20_000);
    render(<EventLog events={analysis.events} limit={10} />);
    expect(within(screen.getByRole('log')).getAllByRole('listitem')).toHaveLength(10);
  });
});

describe('Waterfall', () => {
  it('asks for an order while none is picked', () => {
    render(<Waterfall trace={null} nowMs={0} />);
    expect(screen.getByText('Pick an order to see its timeline.')).toBeInTheDocument();
  });

  it('draws the sync order’s four steps and lists them in a table for screen readers', () => {
    const { collector, sim } = collect('sync');
    const { container } = render(<Waterfall trace={orderTrace(collector, 1)} nowMs={sim.now} />);
    expect(
      screen.getByRole('img', { name: /^Order 1 timeline: .*success page after 2.55 s/ }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Order 1 timeline/ });
    const row = (name: string) =>
      within(within(table).getByRole('row', { name: new RegExp(`^${name}`) }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(row('Check payment details')).toEqual(['0.00 s', '0.20 s', 'ok']);
    expect(row('Charge card')).toEqual(['0.20 s', '1.00 s', 'ok']);
    expect(row('Save order')).toEqual(['1.00 s', '1.05 s', 'ok']);
    expect(row('Send email')).toEqual(['1.05 s', '2.55 s', 'ok']);
    expect(screen.getByText('Charge card · 0.80 s')).toBeInTheDocument();
    expect(container.innerHTML).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('words its rows, their notes and the screen readers’ table in the language on', async () => {
    const { collector, sim } = collect('sync', { 'email.failureRate': 1 });
    const trace = orderTrace(collector, 1)!;
    expect(trace.rows.some((r) => r.label.endsWith(' — failed'))).toBe(true);
    try {
      await setLocale('es', { chosen: true });
      const { container, unmount } = render(<Waterfall trace={trace} nowMs={sim.now} />);
      const table = screen.getByRole('table');
      expect(within(table).getByRole('row', { name: /^Cobrar la tarjeta/ })).toBeInTheDocument();
      expect(
        within(table).getByRole('row', { name: /^Enviar el correo \(el cliente espera\) — falló/ }),
      ).toBeInTheDocument();
      expect(screen.getByText(/^Cobrar la tarjeta · 0,80 s$/)).toBeInTheDocument();
      expect(container.textContent).not.toMatch(/Charge card|failed|NaN|undefined|waterfall\./);
      unmount();
      await setLocale('zh-CN', { chosen: true });
      const zh = render(<Waterfall trace={trace} nowMs={sim.now} />);
      expect(zh.container.textContent).toContain('发送邮件（顾客在等）——失败');
      expect(zh.container.textContent).not.toMatch(/Charge card|failed|NaN|undefined/);
    } finally {
      await setLocale('en', { chosen: false });
    }
  });

  it('draws an unfinished step up to now and says it is still going', () => {
    const r = run('sync', {}, { limitMs: 500 });
    const c = new Collector();
    c.ingest(r.entries, 500);
    render(<Waterfall trace={orderTrace(c, 1)} nowMs={500} />);
    expect(screen.getByText('Charge card · 0.30 s so far')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /^Charge card/ })).toHaveTextContent(
      'still going',
    );
  });
});

describe('LittlesLaw', () => {
  const idle: QueueStats = {
    depth: 0,
    serverLine: 0,
    busyWorkers: 0,
    crashedWorkers: 0,
    orderRatePerSec: 0,
    arrivalRatePerSec: 0,
    deliveryRatePerSec: 0,
    meanEmailCallMs: null,
  };

  it('explains that sync has no queue', () => {
    const r = run('sync');
    render(
      <LittlesLaw
        mode="sync"
        law={r.report.littlesLaw}
        queue={idle}
        workersAvailable={0}
        nowMs={r.sim.now}
      />,
    );
    expect(screen.getByText(/Synchronous checkout has no queue/)).toBeInTheDocument();
  });

  it('shows both sides of L = λ × W for a steady async run', () => {
    const { report, analysis, sim } = collect('async', { 'traffic.pattern': 'steady' }, 60_000);
    render(
      <LittlesLaw
        mode="async"
        law={report.littlesLaw}
        queue={analysis.queue}
        workersAvailable={4}
        nowMs={sim.now}
      />,
    );
    const L = screen.getByText('L, jobs waiting on average').nextElementSibling?.textContent;
    const product = screen.getByText('λ × W').nextElementSibling?.textContent;
    expect(Number(L)).toBeCloseTo(Number(product), 1);
    expect(screen.getByRole('status')).toHaveTextContent(/No backlog|should be empty in about/);
  });

  it('says "not catching up" when jobs arrive faster than the workers can send them', () => {
    const backlog = { ...idle, depth: 40, arrivalRatePerSec: 6, meanEmailCallMs: 1500 };
    const r = run('async');
    render(
      <LittlesLaw
        mode="async"
        law={r.report.littlesLaw}
        queue={backlog}
        workersAvailable={4}
        nowMs={10_000}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      '40 jobs waiting and not catching up: 6.0/s arrive but the workers can send only about 2.7/s.',
    );
  });

  it('estimates when a backlog will be gone', () => {
    const backlog = { ...idle, depth: 40, arrivalRatePerSec: 0.6666, meanEmailCallMs: 1500 };
    const r = run('async');
    render(
      <LittlesLaw
        mode="async"
        law={r.report.littlesLaw}
        queue={backlog}
        workersAvailable={4}
        nowMs={10_000}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      /should be empty in about 20.0 s \(at 30.0 s\)/,
    );
  });
});

describe('WorkerUtilization', () => {
  it('says sync has no queue workers, and how busy the handlers were', () => {
    const r = run('sync');
    render(<WorkerUtilization report={r.report} view={r.view} />);
    expect(screen.getByText(/No queue workers in synchronous mode/)).toBeInTheDocument();
    expect(screen.getByText(/Server handlers: 0 of 64 busy now/)).toBeInTheDocument();
  });

  it('counts busy, idle and crashed workers in words', () => {
    const r = run(
      'async',
      { 'traffic.pattern': 'steady', 'workers.crashRate': 0.5 },
      { durationMs: 20_000, limitMs: 10_000 },
    );
    render(<WorkerUtilization report={r.report} view={r.view} label="Asynchronous" />);
    const counts = { busy: 0, idle: 0, crashed: 0, retired: 0 };
    for (const w of r.view.workers) counts[w.state]++;
    expect(
      screen.getByText(
        `Workers: ${counts.busy} busy, ${counts.idle} idle, ${counts.crashed} crashed now; busy`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Workers and handlers: Asynchronous' }),
    ).toBeInTheDocument();
  });
});
