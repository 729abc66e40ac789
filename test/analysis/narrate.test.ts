import { describe, expect, it } from 'vitest';
import { narrate, tells, toneOf, UNTOLD } from '../../src/analysis/narrate.ts';
import type { LogEntry, LogKind } from '../../src/engine/index.ts';
import { everyKindRuns, run } from './runs.ts';

/** Every kind of log entry. The type below stops compiling when the engine adds a kind that is
 * missing here, so this test cannot silently skip a new kind. */
const ALL_KINDS = [
  'orderPlaced',
  'waitingForHandler',
  'stepStarted',
  'stepFinished',
  'pageShown',
  'serverFinishedLate',
  'serverCrashed',
  'outboxRelayed',
  'doubleCharge',
  'userRetry',
  'messageQueued',
  'messageReceived',
  'emailCall',
  'emailSent',
  'emailFailed',
  'messageAcked',
  'lateAck',
  'messageRetryLater',
  'visibilityExpired',
  'deadLettered',
  'redriven',
  'messageDropped',
  'offsetCommitted',
  'partitionRewound',
  'chargeDeduplicated',
  'emailDeduplicated',
  'workerCrashed',
  'workerRestarted',
  'jobFinished',
  'confirmedThenFailed',
  'emailService',
  'settingChanged',
] as const satisfies readonly LogKind[];
type Missing = Exclude<LogKind, (typeof ALL_KINDS)[number]>;
const everyKindListed: [Missing] extends [never] ? true : Missing = true;

const entries: LogEntry[] = everyKindRuns().flatMap((r) => r.entries);

function sentences(kind: LogKind): string[] {
  return entries
    .filter((e) => e.kind === kind)
    .map(narrate)
    .filter((s): s is string => s !== null);
}

describe('narrating the event log', () => {
  it('sees every kind of entry in the reference runs', () => {
    expect(everyKindListed).toBe(true);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(ALL_KINDS));
  });

  it.each(ALL_KINDS)('tells %s in a sentence, or skips it on purpose', (kind) => {
    const told = sentences(kind);
    if (kind in UNTOLD) expect(told).toEqual([]);
    else expect(told.length).toBeGreaterThan(0);
  });

  it('writes a sentence exactly when `tells` says so', () => {
    for (const e of entries) expect(narrate(e) !== null).toBe(tells(e));
  });

  it('never writes NaN, undefined, Infinity or an empty sentence', () => {
    for (const e of entries) {
      const s = narrate(e);
      if (s === null) continue;
      expect(s.length).toBeGreaterThan(5);
      expect(s).not.toMatch(/NaN|undefined|Infinity|\[object/);
    }
  });

  it('tells the lesson’s sync checkout step by step', () => {
    const told = run('sync')
      .entries.map(narrate)
      .filter((s) => s !== null);
    expect(told).toEqual([
      'Order 1 placed',
      'Order 1: payment details checked',
      'Order 1: card charged',
      'Order 1: order saved in the database',
      'Order 1: the server calls the email service while the customer waits',
      "Order 1's confirmation email was sent",
      'Order 1: the customer saw the success page after 2.55 s',
    ]);
  });

  it('says when a customer gave up and when an email will be tried again', () => {
    expect(sentences('pageShown')).toContain(
      'Order 2: the customer gave up after 4.00 s and saw an error page',
    );
    expect(sentences('messageRetryLater')).toContain(
      "Order 4's email failed; it will be tried again at 5.15 s",
    );
  });

  it('tells a crash while sending apart from a crash after sending', () => {
    const crashes = sentences('workerCrashed');
    expect(
      crashes.some((s) => /^Worker \d+ crashed while sending order \d+'s email$/.test(s)),
    ).toBe(true);
    expect(crashes.some((s) => /crashed after sending order \d+'s email but before/.test(s))).toBe(
      true,
    );
  });

  it('marks error pages, duplicates and crashes as bad news and sent emails as good', () => {
    const tone = (kind: LogKind) => new Set(entries.filter((e) => e.kind === kind).map(toneOf));
    expect(tone('workerCrashed')).toEqual(new Set(['bad']));
    expect(tone('pageShown')).toEqual(new Set(['good', 'bad']));
    expect(tone('emailSent')).toEqual(new Set(['good', 'bad']));
  });
});
