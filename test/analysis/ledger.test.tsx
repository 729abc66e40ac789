// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OutcomeLedger } from '../../src/components/analysis/OutcomeLedger.tsx';
import { run } from './runs.ts';

afterEach(cleanup);

function cells(rowName: RegExp): string[] {
  const row = screen.getByRole('row', { name: rowName });
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('OutcomeLedger', () => {
  it('shows the lesson’s single order: one success page after 2.55 s in sync mode', () => {
    render(<OutcomeLedger lanes={[{ label: 'Synchronous', report: run('sync').report }]} />);
    expect(screen.getByRole('table', { name: 'What happened to the orders' })).toBeInTheDocument();
    expect(cells(/^Orders placed/)).toEqual(['1']);
    expect(cells(/^Success pages/)).toEqual(['1']);
    expect(cells(/^Typical wait for a page/)).toEqual(['2.55 s']);
    expect(cells(/^Emails sent/)).toEqual(['1']);
    expect(cells(/^Duplicate emails/)).toEqual(['0']);
  });

  it('puts both lanes side by side in Compare mode', () => {
    render(
      <OutcomeLedger
        lanes={[
          { label: 'Synchronous', report: run('sync').report },
          { label: 'Asynchronous', report: run('async').report },
        ]}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Synchronous' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Asynchronous' })).toBeInTheDocument();
    expect(cells(/^Typical wait for a page/)).toEqual(['2.55 s', '1.05 s']);
    expect(cells(/^Typical time to the email/)).toEqual(['2.55 s', '2.55 s']);
  });

  it('flags the sync outage’s charged customers who saw an error, in words as well as a sign', () => {
    const r = run(
      'sync',
      { 'traffic.pattern': 'steady', 'email.outage': '0-5' },
      { durationMs: 20_000 },
    );
    render(<OutcomeLedger lanes={[{ label: 'Synchronous', report: r.report }]} />);
    const [charged] = cells(/^Charged but saw an error/);
    expect(charged).toBe(`⚠ problem: ${r.report.orders.chargedButSawError}`);
    expect(r.report.orders.chargedButSawError).toBeGreaterThan(0);
  });

  it('shows a dash, not 0 ms or NaN, for times before any response', () => {
    const r = run('sync', {}, { limitMs: 100 });
    render(<OutcomeLedger lanes={[{ label: 'Synchronous', report: r.report }]} />);
    expect(cells(/^Typical wait for a page/)).toEqual(['—']);
    expect(document.body.innerHTML).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('counts the server’s crashes and the saved orders never emailed as the engine does', () => {
    const crashes = { 'traffic.pattern': 'steady', 'server.crashRate': 0.2 } as const;
    const lost = run('async', crashes, { durationMs: 20_000 }).report;
    const kept = run('async', { ...crashes, 'queue.outbox': true }, { durationMs: 20_000 }).report;
    render(
      <OutcomeLedger
        lanes={[
          { label: 'No outbox', report: lost },
          { label: 'Outbox', report: kept },
        ]}
      />,
    );
    expect(lost.orders.savedNeverEnqueued).toBeGreaterThan(0);
    expect(kept.server.crashes).toBeGreaterThan(0);
    expect(cells(/^…of which the web server crashed/)).toEqual([
      `⚠ problem: ${lost.server.crashes}`,
      `⚠ problem: ${kept.server.crashes}`,
    ]);
    expect(cells(/^…saved, never emailed/)).toEqual([
      `⚠ problem: ${lost.orders.savedNeverEnqueued}`,
      '0',
    ]);
    expect(cells(/^Customers with no email/)).toEqual([
      `⚠ problem: ${lost.orders.notEmailed}`,
      '0',
    ]);
  });

  it('leaves the crash rows out while no server crashed', () => {
    render(<OutcomeLedger lanes={[{ label: 'Asynchronous', report: run('async').report }]} />);
    expect(screen.queryByRole('row', { name: /server crashed|never emailed/ })).toBeNull();
  });

  it('counts the orders confirmed, then failed and the apologies as the engine does', () => {
    const settings = {
      'traffic.pattern': 'steady',
      'steps.charge.where': 'background',
      'steps.charge.failureRate': 1,
    };
    const r = run('async', settings, { durationMs: 10_000 }).report;
    render(<OutcomeLedger lanes={[{ label: 'Asynchronous', report: r }]} />);
    expect(r.orders.confirmedThenFailed).toBeGreaterThan(0);
    expect(cells(/^Confirmed, then failed/)).toEqual([
      `⚠ problem: ${r.orders.confirmedThenFailed}`,
    ]);
    expect(cells(/^Apologies sent/)).toEqual([`⚠ problem: ${r.emails.apologies}`]);
  });
});
