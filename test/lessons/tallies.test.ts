// The lanes' tallies: which outcomes show, their numbers from the engine's report, and their words.
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  checkoutFlow,
  Simulation,
  report,
  type SettingValues,
} from '../../src/engine/index.ts';
import { talliesOf } from '../../src/lessons/tallies.ts';
import { findScenario, scenarioChanges, scenarioConfig } from '../../src/scenarios/index.ts';

/** A lesson's report in one mode, run to the end as the command line runs it. */
function lessonReport(id: string, mode: 'sync' | 'async') {
  const scenario = findScenario(id)!;
  const durationMs = scenario.durationSec * 1000;
  const sim = new Simulation({
    config: scenarioConfig(scenario),
    mode,
    seed: scenario.seed,
    durationMs,
    changes: scenarioChanges(scenario),
  });
  sim.runToSettle(durationMs + 600_000);
  return report(sim.state, id);
}

describe('talliesOf', () => {
  it('counts the outage lesson as its caption asks: error pages and emails never sent', () => {
    const sync = lessonReport('email-outage', 'sync');
    const named = findScenario('email-outage')!.tallies!;
    const texts = talliesOf(sync, named).map((t) => t.text);
    expect(texts).toContain(`${sync.orders.failed} error pages`);
    expect(texts).toContain(`${sync.emails.lost} customers with no email`);
    expect(sync.orders.failed).toBeGreaterThan(0);
    const asyncTexts = talliesOf(lessonReport('email-outage', 'async'), named).map((t) => t.text);
    expect(asyncTexts).toContain('0 error pages');
    expect(asyncTexts).toContain('0 customers with no email');
  });

  it('shows a zero only when the lesson names it, and never a queue outcome in sync', () => {
    const sync = lessonReport('checkout', 'sync');
    expect(talliesOf(sync, []).map((t) => t.key)).toEqual(['emailsSent']);
    expect(talliesOf(sync, ['errorPages', 'deadLetters']).map((t) => t.key)).toEqual([
      'errorPages',
      'emailsSent',
    ]);
  });

  it('reads as a sentence in the singular too', () => {
    const one = lessonReport('checkout', 'async');
    expect(talliesOf(one, []).map((t) => t.text)).toEqual(['1 email sent']);
  });

  it('counts double charges and duplicates from the report', () => {
    const double = lessonReport('double-charge', 'sync');
    const texts = talliesOf(double, ['doubleCharged']).map((t) => t.text);
    expect(texts).toContain(`${double.orders.doubleCharged} charged twice`);
    expect(double.orders.doubleCharged).toBeGreaterThan(0);
  });
});

/** A minute of steady orders with the given settings, run until it settles. */
function asyncReport(settings: SettingValues, mode: 'sync' | 'async' = 'async') {
  const sim = new Simulation({
    config: buildConfig(
      { 'traffic.pattern': 'steady', 'traffic.rate': 2, ...settings },
      checkoutFlow(),
    ),
    mode,
    seed: 4,
    durationMs: 60_000,
  });
  expect(sim.runToSettle(660_000)).toBe(true);
  return report(sim.state, 'crashes');
}

describe('when the web server dies between saving an order and queueing its email job', () => {
  it('counts the saved orders never emailed from the report, in one line that says why', () => {
    const r = asyncReport({ 'server.crashRate': 0.2 });
    expect(r.orders.savedNeverEnqueued).toBeGreaterThan(0);
    const tallies = talliesOf(r, []);
    const texts = tallies.map((t) => t.text);
    expect(texts).toContain(`${r.orders.savedNeverEnqueued} saved, never emailed`);
    expect(texts).toContain(`${r.orders.failed} error pages`);
    expect(texts).toContain(`${r.emails.sent} emails sent`);
    // Every customer without an email is one the crash left out: "N customers with no email"
    // beside "N saved, never emailed" would read as twice as many.
    expect(tallies.map((t) => t.key)).not.toContain('noEmail');
    expect(tallies.find((t) => t.key === 'savedNeverEnqueued')?.glyph).toBe('failed');
  });

  it('counts every customer with no email once other emails are lost too', () => {
    const r = asyncReport({
      'server.crashRate': 0.2,
      'email.poisonEvery': 7,
      'queue.maxReceives': 2,
    });
    const neverSent = r.queue.deadLetterDepth + r.orders.savedNeverEnqueued;
    expect(r.queue.deadLetterDepth).toBeGreaterThan(0);
    const texts = talliesOf(r, []).map((t) => t.text);
    expect(texts).toContain(`${neverSent} customers with no email`);
    expect(texts).toContain(`${r.orders.savedNeverEnqueued} saved, never emailed`);
    expect(r.orders.notEmailed).toBe(neverSent);
  });

  it('shows the lesson’s named 0 with the outbox on, and never in the sync lane', () => {
    const r = asyncReport({ 'server.crashRate': 0.2, 'queue.outbox': true });
    expect(r.server.crashes).toBeGreaterThan(0);
    expect(r.orders.emailed).toBe(r.orders.saved);
    const texts = talliesOf(r, ['savedNeverEnqueued']).map((t) => t.text);
    expect(texts).toContain('0 saved, never emailed');
    expect(texts.some((t) => /with no email/.test(t))).toBe(false);
    const sync = lessonReport('checkout', 'sync');
    expect(talliesOf(sync, ['savedNeverEnqueued']).map((t) => t.key)).toEqual(['emailsSent']);
  });
});

describe('when the charge runs in the background and the payment service fails', () => {
  const failing = { 'steps.charge.failureRate': 1 } as SettingValues;
  const moved = { ...failing, 'steps.charge.where': 'background' } as SettingValues;

  it('counts the orders confirmed, then failed and their apologies, from the report', () => {
    const r = asyncReport(moved);
    expect(r.orders.confirmedThenFailed).toBeGreaterThan(0);
    const texts = talliesOf(r, []).map((t) => t.text);
    expect(texts).toContain(`${r.orders.confirmedThenFailed} confirmed, then failed`);
    expect(texts).toContain(`${r.emails.apologies} apologies sent`);
    expect(texts).toContain(`${r.queue.deadLetterDepth} dead letters`);
    // The dead letters are charge jobs: every customer got the confirmation email.
    expect(r.orders.emailed).toBe(r.orders.saved);
    expect(texts.some((t) => /with no email/.test(t))).toBe(false);
  });

  it('counts none with the charge in the request, where the customer sees the error page', () => {
    const r = asyncReport(failing);
    const keys = talliesOf(r, ['confirmedThenFailed']).map((t) => t.key);
    expect(r.orders.failed).toBe(r.orders.arrived);
    expect(keys).toContain('errorPages');
    expect(talliesOf(r, ['confirmedThenFailed']).map((t) => t.text)).toContain(
      '0 confirmed, then failed',
    );
    expect(keys).not.toContain('apologies');
  });
});
