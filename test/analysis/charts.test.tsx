// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Collector } from '../../src/analysis/collector.ts';
import { EmailDelayChart } from '../../src/components/analysis/EmailDelayChart.tsx';
import { QueueDepthChart } from '../../src/components/analysis/QueueDepthChart.tsx';
import { ResponseChart } from '../../src/components/analysis/ResponseChart.tsx';
import { ResponseTrendChart } from '../../src/components/analysis/ResponseTrendChart.tsx';
import { run } from './runs.ts';

afterEach(cleanup);

function analysis(mode: 'sync' | 'async', settings = {}, durationMs = 60_000) {
  const c = new Collector();
  const r = run(mode, settings, { durationMs });
  c.ingest(r.entries, r.sim.now);
  return c.snapshot();
}

function expectNoBadNumbers(container: HTMLElement) {
  expect(container.innerHTML).not.toMatch(/NaN|undefined|Infinity/);
}

describe('ResponseChart', () => {
  it('says so, and draws nothing broken, before any customer has seen a page', () => {
    const { container } = render(<ResponseChart lanes={[{ label: 'Synchronous', samples: [] }]} />);
    expect(screen.getByText('No customer has seen a page yet.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expectNoBadNumbers(container);
  });

  it('compares both lanes on one axis, each with its percentiles in words', () => {
    const sync = analysis('sync').responses;
    const async = analysis('async').responses;
    const { container } = render(
      <ResponseChart
        lanes={[
          { label: 'Synchronous', ...sync },
          { label: 'Asynchronous', ...async },
        ]}
      />,
    );
    expect(
      screen.getByRole('img', { name: /^Synchronous: 1 response; half within 2.55 s/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Asynchronous: .*half within 1.05 s/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/p50 2.55 s · p95 2.55 s · p99 2.55 s/)).toBeInTheDocument();
    expectNoBadNumbers(container);
  });

  it('hatches error pages and says what the hatching means', () => {
    const a = analysis('sync', { 'traffic.pattern': 'steady', 'email.outage': '0-5' }, 20_000);
    render(<ResponseChart lanes={[{ label: 'Synchronous', ...a.responses }]} />);
    expect(screen.getByText(/Hatched: error pages/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /error pages\.$/ })).toBeInTheDocument();
  });

  it('bins 100,000 response times into a few dozen bars', () => {
    const samples = Array.from({ length: 100_000 }, (_, i) => 1000 + ((i * 7919) % 4000));
    const { container } = render(<ResponseChart lanes={[{ label: 'Busy', samples }]} />);
    const bars = container.querySelectorAll('rect[height]');
    expect(bars.length).toBeGreaterThan(5);
    expect(bars.length).toBeLessThan(80);
    expectNoBadNumbers(container);
  });
});

describe('EmailDelayChart', () => {
  it('says so before any email was sent', () => {
    const { container } = render(
      <EmailDelayChart lanes={[{ label: 'Asynchronous', samples: [] }]} />,
    );
    expect(screen.getByText('No confirmation email has been sent yet.')).toBeInTheDocument();
    expectNoBadNumbers(container);
  });

  it('shows that async does not make the email arrive sooner', () => {
    render(
      <EmailDelayChart
        lanes={[
          { label: 'Synchronous', samples: analysis('sync').emailDelays },
          { label: 'Asynchronous', samples: analysis('async').emailDelays },
        ]}
      />,
    );
    expect(screen.getAllByText(/^p50 2.55 s · p95 2.55 s · p99 2.55 s · 1 email$/)).toHaveLength(2);
  });
});

describe('QueueDepthChart', () => {
  it('says so before anything was measured', () => {
    const { container } = render(
      <QueueDepthChart lanes={[{ label: 'Asynchronous', levels: [] }]} nowMs={0} />,
    );
    expect(screen.getByText(/Nothing to show yet/)).toBeInTheDocument();
    expectNoBadNumbers(container);
  });

  it('marks now and describes the backlog in words', () => {
    const a = analysis(
      'async',
      { 'traffic.pattern': 'steady', 'traffic.rate': 4, 'workers.count': 2 },
      20_000,
    );
    const { container } = render(
      <QueueDepthChart lanes={[{ label: 'Asynchronous', levels: a.levels }]} nowMs={a.nowMs} />,
    );
    const chart = screen.getByRole('img', {
      name: /^Asynchronous: now \d+ email jobs in the queue/,
    });
    expect(chart.getAttribute('aria-label')).toMatch(/at most \d+ in the queue, around/);
    expect(within(chart).getByText(/^now /)).toBeInTheDocument();
    expectNoBadNumbers(container);
  });
});

describe('ResponseTrendChart', () => {
  it('says so before any response, and draws three labelled lines after', () => {
    const { rerender, container } = render(
      <ResponseTrendChart lanes={[{ label: 'Synchronous', points: [] }]} nowMs={0} />,
    );
    expect(screen.getByText('No customer has seen a page yet.')).toBeInTheDocument();
    const a = analysis('sync', { 'traffic.pattern': 'steady' }, 10_000);
    rerender(
      <ResponseTrendChart
        lanes={[{ label: 'Synchronous', points: a.percentiles }]}
        nowMs={a.nowMs}
      />,
    );
    expect(screen.getByRole('img', { name: /lately p50 2.55 s/ })).toBeInTheDocument();
    expect(container.querySelectorAll('path[fill="none"]')).toHaveLength(3);
    expectNoBadNumbers(container);
  });
});
