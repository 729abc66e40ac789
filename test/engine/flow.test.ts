// Flows as data: parseFlow's answers to bad flows, the presets, the numbers a flow gives in each
// lane, a charge moved to the background (confirmed, then failed), a background step's retries
// and dead letters per broker, step settings, and checkpoints of a flow that is not the checkout.
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  checkoutFlow,
  defaultConfig,
  findSetting,
  FLOW_PRESETS,
  flowJson,
  parseFlow,
  Simulation,
  type ChangeKey,
  type Flow,
  type Mode,
  type SettingValues,
} from '../../src/engine/index.ts';
import { graphDifference } from './support/sameGraph.ts';

const step = (id: string, extra: object = {}) => ({ id, latency: 100, ...extra });

describe('parseFlow', () => {
  it.each([
    [null, 'a flow is a JSON object'],
    [{ steps: [] }, 'a flow needs 1 to 8 steps in "steps"; this one has none'],
    [{}, 'a flow needs 1 to 8 steps'],
    [
      { steps: Array.from({ length: 9 }, (_, i) => step(`s${i}`)) },
      'a flow has 1 to 8 steps; this one has 9',
    ],
    [
      { steps: [step('a'), step('a')] },
      "two steps have the id 'a'; each step needs an id of its own",
    ],
    [
      { steps: [step('a', { latency: -5 })] },
      "step 'a''s latency -5 is not allowed: expected a number of ms",
    ],
    [{ steps: [step('a', { latency: 'soon' })] }, `step 'a''s latency "soon" is not allowed`],
    [{ steps: [step('a', { latency: 'exp(0)' })] }, 'the mean of exp() must be above 0'],
    [{ steps: [{ id: 'a' }] }, "step 'a' needs a latency"],
    [
      { steps: [step('a', { failureRate: 1.5 })] },
      'failureRate 1.5 is not allowed: a number from 0 to 1',
    ],
    [{ steps: [step('a', { failureRate: -0.1 })] }, 'a number from 0 to 1'],
    [
      { steps: [step('a', { where: 'later' })] },
      `where "later" is not allowed: one of request, background`,
    ],
    [
      { steps: [step('a', { colour: 'red' })] },
      "unknown field 'colour' in step 1; allowed: id, label",
    ],
    [
      { steps: [step('a')], owner: 'me' },
      "unknown field 'owner' in the flow; allowed: id, label, steps",
    ],
    [{ steps: [step('Bad id')] }, 'step 1\'s id "Bad id" is not allowed: a letter a-z'],
    [{ steps: [step('enqueue')] }, "id 'enqueue' is taken by the async lane's own step"],
    [{ steps: [step('a', { label: 'x'.repeat(41) })] }, 'text of 1 to 40 characters'],
    [
      { steps: [step('a', { needsResult: 'yes' })] },
      'needsResult "yes" is not allowed: true or false',
    ],
    [{ steps: [step('a', { outages: '5-1' })] }, 'with FROM before TO'],
  ])('refuses %j: %s', (json, message) => {
    const parsed = parseFlow(json);
    expect(typeof parsed).toBe('string');
    expect(parsed).toContain(message);
    expect(parsed as string).not.toContain('\n');
  });

  it('takes the setting forms of a latency and fills in what is left out', () => {
    const parsed = parseFlow({
      steps: [
        step('a', { latency: '200' }),
        step('b', { latency: 'uniform(100,300)', where: 'background' }),
        step('c', { latency: 'lognormal(200,50)', outages: '1-2', failureRate: 0.5 }),
      ],
    }) as Flow;
    expect(parsed.id).toBe('custom');
    expect(parsed.steps.map((s) => [s.id, s.label, s.where, s.needsResult])).toEqual([
      ['a', 'a', 'request', true],
      ['b', 'b', 'background', false],
      ['c', 'c', 'request', true],
    ]);
    expect(parsed.steps[1]!.latency).toEqual({ kind: 'uniform', minMs: 100, maxMs: 300 });
    expect(parsed.steps[2]!.outages).toEqual([{ fromMs: 1000, toMs: 2000 }]);
  });

  it.each(Object.keys(FLOW_PRESETS))('reads the %s preset back from its JSON', (id) => {
    const flow = FLOW_PRESETS[id]!();
    expect(parseFlow(JSON.parse(JSON.stringify(flowJson(flow))))).toEqual(flow);
  });
});

/** Runs a flow until it settles and returns its report. */
function run(flow: Flow, mode: Mode, settings: SettingValues = {}, seed = 1) {
  const sim = new Simulation({
    config: buildConfig(settings, flow),
    mode,
    seed,
    durationMs: 60_000,
    logCapacity: 10_000,
  });
  sim.runToSettle(3_600_000);
  return sim;
}

const total = (flow: Flow, where?: 'request' | 'background') =>
  flow.steps
    .filter((s) => where === undefined || s.where === where)
    .reduce((sum, s) => sum + (s.latency as { ms: number }).ms, 0);

describe('the presets', () => {
  it('make the checkout the default flow, with the lesson’s 2.55 s and 1.05 s', () => {
    expect(defaultConfig().flow).toEqual(checkoutFlow());
    expect(run(checkoutFlow(), 'sync').report('test').responseMs.p50).toBe(2550);
    expect(run(checkoutFlow(), 'async').report('test').responseMs.p50).toBe(1050);
  });

  it.each(Object.keys(FLOW_PRESETS))(
    'answer the %s flow after its request steps (async) or all its steps (sync)',
    (id) => {
      const flow = FLOW_PRESETS[id]!();
      // Patient users: the video's sync upload (33.5 s) outlasts the default 30 s timeout.
      const patient = { 'server.timeout': 3_600_000 } as const;
      const async = run(flow, 'async', patient).report('test');
      const sync = run(flow, 'sync', patient).report('test');
      const request = total(flow, 'request');
      expect(async.responseMs.p50).toBe(request);
      expect(sync.responseMs.p50).toBe(total(flow));
      const background = flow.steps.filter((s) => s.where === 'background');
      expect(async.queue.enqueued).toBe(background.length);
      // Idle workers take every job at once: each is done its own latency after the page.
      for (const s of background) {
        expect(async.steps[s.id]!.doneMs.p50).toBe(request + (s.latency as { ms: number }).ms);
      }
      expect(async.orders.confirmedThenFailed).toBe(0);
    },
  );

  it('draws the password check with one step and no payment or email', () => {
    const r = run(FLOW_PRESETS.password!(), 'async').report('test');
    expect(Object.keys(r.steps)).toEqual(['check']);
    expect(r.orders.charged).toBe(0);
    expect(r.emails.sent).toBe(0);
    expect(r.queue.enqueued).toBe(0);
  });
});

describe('the charge moved to the background, with the payment service failing', () => {
  const failing: SettingValues = { 'steps.charge.failureRate': 1 } as SettingValues;
  const background = { ...failing, 'steps.charge.where': 'background' } as SettingValues;
  const steady = { 'traffic.pattern': 'steady', 'traffic.rate': 1 } as const;

  it('confirms the order, then fails it for good: counted, logged, and an apology sent', () => {
    const sim = run(checkoutFlow(), 'async', { ...background, ...steady });
    const r = sim.report('test');
    expect(r.orders.arrived).toBeGreaterThan(10);
    expect(r.orders.succeeded).toBe(r.orders.arrived);
    expect(r.orders.confirmedThenFailed).toBe(r.orders.arrived);
    expect(r.emails.apologies).toBe(r.orders.confirmedThenFailed);
    expect(r.orders.charged).toBe(0);
    // Five receives each (queue.maxReceives), then the dead-letter queue.
    expect(r.steps.charge).toMatchObject({
      where: 'background',
      attemptsFailed: 5 * r.orders.arrived,
      failedForGood: r.orders.arrived,
    });
    const logged = sim.readLog(0).entries.filter((e) => e.kind === 'confirmedThenFailed');
    expect(logged).toHaveLength(r.orders.arrived);
    expect(logged[0]).toMatchObject({ order: 1, step: 'charge' });
  });

  it('never happens with the charge in the request: the customer sees the error page instead', () => {
    const r = run(checkoutFlow(), 'async', { ...failing, ...steady }).report('test');
    expect(r.orders.confirmedThenFailed).toBe(0);
    expect(r.emails.apologies).toBe(0);
    expect(r.orders.failed).toBe(r.orders.arrived);
    expect(r.steps.charge!.failedForGood).toBe(r.orders.arrived);
    // Nothing after the charge ran: no order saved, no job queued.
    expect(r.orders.saved).toBe(0);
    expect(r.queue.enqueued).toBe(0);
  });

  it('charges twice when a charge job runs twice, unless the checkout’s key stops it', () => {
    // The lease (500 ms) is shorter than the charge (800 ms): each charge job is handed out
    // again while its first charge is still going through.
    const settings = {
      'steps.charge.where': 'background',
      'queue.visibilityTimeout': 500,
      ...steady,
    } as SettingValues;
    const twice = run(checkoutFlow(), 'async', settings).report('test');
    expect(twice.orders.doubleCharged).toBeGreaterThan(0);
    const keyed = run(checkoutFlow(), 'async', {
      ...settings,
      'checkout.idempotency': true,
    }).report('test');
    expect(keyed.orders.doubleCharged).toBe(0);
    expect(keyed.orders.chargesDeduplicated).toBe(twice.orders.doubleCharged);
  });
});

describe('a background step that always fails', () => {
  const signup = FLOW_PRESETS.signup!;
  const settings = {
    'steps.push.failureRate': 1,
    'queue.maxReceives': 3,
    'retry.backoff': 'fixed',
    'retry.base': 1000,
  } as SettingValues;

  it.each(['sqs', 'kafka', 'redis', 'rabbitmq', 'ideal'] as const)(
    'is retried and dead-lettered with %s, and the other jobs are done',
    (broker) => {
      const sim = run(signup(), 'async', { ...settings, 'queue.broker': broker });
      const r = sim.report('test');
      // RabbitMQ dead-letters past its delivery limit (20), not queue.maxReceives.
      const tries = broker === 'rabbitmq' ? 21 : 3;
      expect(r.steps.push).toMatchObject({ attemptsFailed: tries, failedForGood: 1 });
      expect(r.queue.deadLetterDepth).toBe(1);
      expect(r.steps.push!.doneMs.count).toBe(0);
      expect(r.emails.sent).toBe(1);
      expect(r.steps.analytics!.doneMs.count).toBe(1);
      // The customer did not need the notification: nothing to apologise for.
      expect(r.orders.confirmedThenFailed).toBe(0);
      const failures = sim
        .readLog(0)
        .entries.filter((e) => e.kind === 'jobFinished' && e.step === 'push' && !e.ok);
      // 300 ms to create the account, 400 ms a try, 1 s between tries. RabbitMQ requeues at
      // once; a Redis entry waits to be claimed (min-idle 30 s); Kafka keeps one order's jobs in
      // one partition, in order, so the push waits for the email (1.5 s) first.
      const times = {
        sqs: [700, 2100, 3500],
        ideal: [700, 2100, 3500],
        redis: [700, 30_700, 60_700],
        kafka: [2200, 3600, 5000],
        rabbitmq: Array.from({ length: 21 }, (_, i) => 700 + 400 * i),
      }[broker];
      expect(failures.map((e) => e.t)).toEqual(times);
    },
  );

  it('with a needed result, makes the order confirmed, then failed, once however many fail', () => {
    const flow = signup();
    for (const s of flow.steps) s.needsResult = true;
    const r = run(flow, 'async', {
      ...settings,
      'steps.analytics.failureRate': 1,
    } as SettingValues).report('test');
    expect(r.steps.push!.failedForGood).toBe(1);
    expect(r.steps.analytics!.failedForGood).toBe(1);
    expect(r.orders.confirmedThenFailed).toBe(1);
    expect(r.emails.apologies).toBe(1);
  });

  it('in sync, fails the request with an error page naming a failed step', () => {
    const sim = run(signup(), 'sync', settings);
    const r = sim.report('test');
    expect(r.orders.failed).toBe(1);
    expect(r.steps.push).toMatchObject({ where: 'request', attemptsFailed: 1, failedForGood: 1 });
    const page = sim.readLog(0).entries.find((e) => e.kind === 'pageShown');
    expect(page).toMatchObject({ page: 'error', reason: 'step failed' });
  });
});

describe('step settings', () => {
  it('make latency.charge and steps.charge.latency one value', () => {
    const config = buildConfig({ 'latency.charge': 'exp(300)' });
    expect(findSetting('steps.charge.latency')!.read(config)).toBe('exp(300)');
    const other = buildConfig({ 'steps.email.failureRate': 0.25 } as SettingValues);
    expect(findSetting('email.failureRate')!.read(other)).toBe('0.25');
  });

  it('name the flow’s steps when the step is missing', () => {
    expect(() => buildConfig({ 'latency.charge': 100 }, FLOW_PRESETS.password!())).toThrow(
      "latency.charge=100 is not allowed: the flow 'password' has no step 'charge'; its steps: check",
    );
  });

  it('change a latency mid-run, but not where a step runs', () => {
    const sim = new Simulation({
      config: buildConfig({}, FLOW_PRESETS.video!()),
      mode: 'async',
      seed: 1,
      durationMs: 0,
    });
    sim.runUntil(1000);
    expect(sim.change('steps.transcode.latency' as ChangeKey, 5000)).toBeUndefined();
    expect(sim.change('steps.store.where' as ChangeKey, 'background')).toMatch(
      /can only be set before the run starts/,
    );
    sim.runToSettle(600_000);
    expect(sim.report('test').steps.transcode!.doneMs.p50).toBe(7000);
  });

  it('take a timed change of a step the run’s flow has, and refuse one it does not have', () => {
    const input = (key: string) => ({
      config: buildConfig({}, FLOW_PRESETS.video!()),
      mode: 'async' as const,
      seed: 1,
      durationMs: 0,
      changes: [{ atMs: 1000, key: key as ChangeKey, value: 5000 }],
    });
    const sim = new Simulation(input('steps.transcode.latency'));
    sim.runToSettle(600_000);
    expect(sim.report('test').steps.transcode!.doneMs.p50).toBe(7000);
    expect(() => new Simulation(input('steps.charge.latency'))).toThrow(
      "the flow 'video' has no step 'charge'; its steps: store, transcode, thumbnail",
    );
  });
});

describe('a checkpoint of a flow other than the checkout', () => {
  const busy = (mode: Mode) =>
    new Simulation({
      config: buildConfig(
        {
          'traffic.pattern': 'steady',
          'traffic.rate': 6,
          'steps.push.failureRate': 0.4,
          'steps.analytics.failureRate': 0.9,
          'workers.crashRate': 0.1,
          'queue.maxReceives': 2,
        } as SettingValues,
        (() => {
          const flow = FLOW_PRESETS.signup!();
          flow.steps[3]!.needsResult = true;
          return flow;
        })(),
      ),
      mode,
      seed: 5,
      durationMs: 60_000,
    });

  it.each(['sync', 'async'] as const)('copies a %s run whole and resumes it exactly', (mode) => {
    const sim = busy(mode);
    sim.runUntil(30_000);
    const cp = sim.checkpoint();
    const restored = Simulation.restore(cp);
    expect(graphDifference(cp.state, restored.state)).toBeNull();
    sim.runToSettle(600_000);
    restored.runToSettle(600_000);
    expect(restored.report('test')).toEqual(sim.report('test'));
    if (mode === 'async') expect(sim.report('test').orders.confirmedThenFailed).toBeGreaterThan(0);
  });
});
