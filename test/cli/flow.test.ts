// `simulate --flow`: the five-step flow gives its numbers, presets and step settings work
// on the command line, and a bad flow is one line with exit code 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = ['bin/sync-vs-async.mjs', 'simulate'];

function simulate(args: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function json(args: string[]) {
  const r = simulate([...args, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

const dir = mkdtempSync(join(tmpdir(), 'flow-test-'));
function flowFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('simulate --flow', () => {
  it('answers the five-step flow in 420 ms async and 2,320 ms sync; its jobs are done at 1,920 and 820 ms', () => {
    const async = json(['--flow', 'examples/five.json', '--mode', 'async']);
    const sync = json(['--flow', 'examples/five.json', '--mode', 'sync']);
    expect(async.flow).toBe('five');
    expect(async.responseMs.p50).toBe(420);
    expect(sync.responseMs.p50).toBe(2320);
    expect(async.steps.slowJob).toMatchObject({ where: 'background', attemptsFailed: 0 });
    expect(async.steps.slowJob.doneMs.p50).toBe(1920);
    expect(async.steps.quickJob.doneMs.p50).toBe(820);
    // In sync every step runs in the request, one after another.
    expect(sync.steps.slowJob.where).toBe('request');
    expect(sync.steps.quickJob.doneMs.p50).toBe(2320);
    expect(Object.keys(async.steps)).toEqual(['first', 'second', 'third', 'slowJob', 'quickJob']);
    expect(async.queue.enqueued).toBe(2);
  }, 30_000);

  it('runs a preset by its id: the password check has one step and queues nothing', () => {
    const r = json(['--flow', 'password', '--mode', 'async']);
    expect(r.flow).toBe('password');
    expect(Object.keys(r.steps)).toEqual(['check']);
    expect(r.responseMs.p50).toBe(120);
    expect(r.queue.enqueued).toBe(0);
    expect(r.emails.sent).toBe(0);
  }, 20_000);

  it('takes steps.<id>.<field> with --set and sweeps steps.<id>.latency', () => {
    const moved = json([
      '--flow',
      'examples/five.json',
      '--mode',
      'async',
      '--set',
      'steps.second.where=background',
    ]);
    expect(moved.responseMs.p50).toBe(120);
    const out = simulate([
      '--flow',
      'examples/five.json',
      '--mode',
      'async',
      '--sweep',
      'steps.first.latency=100,200',
      '--json',
    ]);
    expect(out.code).toBe(0);
    const rows = JSON.parse(out.out) as { responseMs: { p50: number } }[];
    expect(rows.map((r) => r.responseMs.p50)).toEqual([420, 520]);
  }, 30_000);

  it.each([
    ['{"steps": []}', 'a flow needs 1 to 8 steps'],
    [
      JSON.stringify({ steps: Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, latency: 1 })) }),
      'a flow has 1 to 8 steps; this one has 9',
    ],
    [
      '{"steps": [{"id": "a", "latency": 1}, {"id": "a", "latency": 2}]}',
      "two steps have the id 'a'",
    ],
    ['{"steps": [{"id": "a", "latency": -5}]}', "step 'a''s latency -5 is not allowed"],
    ['{"steps": [{"id": "a", "latency": 1, "where": "later"}]}', 'one of request, background'],
    ['{"steps": [{"id": "a", "latency": 1}], "colour": "red"}', "unknown field 'colour'"],
    ['not json', 'not JSON'],
  ])(
    'refuses the flow %s in one line with exit code 2',
    (content, message) => {
      const r = simulate(['--flow', flowFile('bad.json', content), '--json']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(message);
    },
    20_000,
  );

  it('names the presets when --flow is neither a preset nor a file', () => {
    const r = simulate(['--flow', 'nowhere.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no preset of that name (checkout, password, signup, video)');
  }, 20_000);

  it("refuses a step setting the flow does not have, naming the flow's steps", () => {
    const r = simulate(['--flow', 'password', '--set', 'steps.charge.latency=100']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the flow 'password' has no step 'charge'; its steps: check");
    const bad = simulate(['--set', 'steps.charge.where=later']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      'steps.charge.where=later is not allowed: one of request, background',
    );
  }, 20_000);
});
