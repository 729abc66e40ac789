// The layouts generated from a flow's steps (flowLayout.ts), for every flow of 1 to 8 steps and
// every choice of which run in the background: each node inside the drawing and clear of the
// others, each edge from one of its nodes to the other through no third, the note inside the
// drawing, and each step's name short enough for its node. The checkout keeps its own layouts.
import { describe, expect, it } from 'vitest';
import { flowLayout, shortName } from '../../src/components/diagram/flowLayout.ts';
import {
  boxOf,
  edgeOf,
  isStepNode,
  type DiagramLayout,
  type NodeId,
} from '../../src/components/diagram/geometry.ts';
import { FLOW_LAYOUT, LAYOUTS, layoutFor } from '../../src/components/diagram/layouts.ts';
import { NOTE_WIDTH, wrapLines } from '../../src/components/diagram/noteLines.ts';
import en from '../../src/i18n/catalogs/en.json';
import es from '../../src/i18n/catalogs/es.json';
import zh from '../../src/i18n/catalogs/zh-CN.json';
import { outside, overlap, within } from '../support/boxes.ts';
import {
  FLOW_PRESETS,
  checkoutFlow,
  type Flow,
  type FlowStep,
  type Mode,
} from '../../src/engine/index.ts';

// layoutFor draws a flow other than the checkout once its maker has loaded (the page loads it on
// demand; flowLayoutLoading.test.ts checks the wait).
await FLOW_LAYOUT.load();

const step = (id: string, where: FlowStep['where'], label = `Do ${id}`): FlowStep => ({
  id,
  label,
  latency: { kind: 'constant', ms: 100 },
  failureRate: 0,
  outages: [],
  needsResult: where === 'request',
  where,
});

/** Every flow of n steps for n = 1..8, one per choice of background steps; step 2 is the email. */
function everyFlow(): Flow[] {
  const flows: Flow[] = [];
  for (let n = 1; n <= 8; n++) {
    for (let mask = 0; mask < 1 << n; mask++) {
      const steps = Array.from({ length: n }, (_, i) =>
        step(i === 1 ? 'email' : `step${i}`, mask & (1 << i) ? 'background' : 'request'),
      );
      flows.push({ id: `f${n}x${mask}`, label: 'Test flow', steps });
    }
  }
  return flows;
}

/** What is wrong with a layout, as sentences (none: all is well). */
function problems(l: DiagramLayout): string[] {
  const out: string[] = [];
  const drawing = { x: 0, y: 0, w: l.w, h: l.h };
  for (const place of l.places) {
    if (!within(boxOf(l, place), drawing)) out.push(`${place} leaves the drawing`);
    if (overlap(l.waitingArea, boxOf(l, place), 0)) out.push(`the waiting line covers ${place}`);
  }
  for (const a of l.places) {
    for (const b of l.places) {
      if (a < b && overlap(boxOf(l, a), boxOf(l, b), 6)) out.push(`${a} and ${b} overlap`);
    }
  }
  for (const id of l.edgeIds) {
    const [fromName, toName] = [id.slice(0, id.indexOf('-')), id.slice(id.indexOf('-') + 1)];
    const from = (fromName === 'email' ? l.emailNode : fromName) as NodeId;
    const to = toName as NodeId;
    if (!l.places.includes(from) || !l.places.includes(to)) out.push(`${id} joins a missing node`);
    const path = edgeOf(l, id);
    if (path.length < 2) {
      out.push(`${id} has no path`);
      continue;
    }
    if (outside(path[0]!, boxOf(l, from)) > 1) out.push(`${id} does not leave ${from}`);
    if (outside(path.at(-1)!, boxOf(l, to)) > 1) out.push(`${id} does not reach ${to}`);
    for (const p of path) if (!within({ ...p, w: 0, h: 0 }, drawing)) out.push(`${id} leaves`);
    const others = l.places.filter((p) => p !== from && p !== to).map((p) => boxOf(l, p));
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1]!;
      const b = path[i]!;
      for (let t = 0; t <= 1; t += 0.02) {
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        if (
          others.some((n) => x > n.x + 1 && x < n.x + n.w - 1 && y > n.y + 1 && y < n.y + n.h - 1)
        )
          out.push(`${id} crosses a node at (${x}, ${y})`);
      }
    }
  }
  if (l.note.text !== null) {
    // The note in the language that wraps it into the most lines (estimated widths).
    const id = l.note.text;
    const lines = Math.max(
      ...[en, es, zh].map((catalog) => wrapLines(catalog[id], NOTE_WIDTH[l.note.lines]).length),
    );
    const lastBaseline = l.note.y + (lines - 1) * 19;
    if (l.note.y - 15 < 0 || lastBaseline + 5 > l.h) out.push('the note leaves the drawing');
    const width = NOTE_WIDTH[l.note.lines];
    const note = {
      x: l.note.x - width / 2,
      y: l.note.y - 15,
      w: width,
      h: lastBaseline + 5 - (l.note.y - 15),
    };
    for (const place of l.places) {
      if (overlap(note, boxOf(l, place), 0)) out.push(`the note covers ${place}`);
    }
  }
  for (const place of l.places.filter(isStepNode)) {
    const name = l.titles[place]!.short;
    // The compact title: 21 units, bold, about 12.6 units a character.
    if (name.length * 12.6 + 20 > boxOf(l, place).w)
      out.push(`${place}'s name ${name} is too long`);
  }
  return out;
}

const FLOWS = everyFlow();
const KINDS = ['wide', 'tall'] as const;
const MODES: Mode[] = ['sync', 'async'];

describe('a layout generated from a flow', () => {
  it(`is sound for each of the ${FLOWS.length} flows of 1 to 8 steps, wide and tall, sync and async`, () => {
    const bad: string[] = [];
    for (const flow of FLOWS) {
      for (const kind of KINDS) {
        for (const mode of MODES) {
          for (const p of problems(flowLayout(flow, kind, mode)))
            bad.push(`${flow.id} ${kind} ${mode}: ${p}`);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('has a node per step of the lane, and the queue only with a job to queue', () => {
    for (const flow of FLOWS) {
      const jobs = flow.steps.filter((s) => s.where === 'background').length;
      for (const kind of KINDS) {
        const sync = flowLayout(flow, kind, 'sync');
        expect(sync.places.filter(isStepNode)).toHaveLength(flow.steps.length);
        expect(sync.places).not.toContain('queue');
        expect(en[sync.note.text!]).toMatch(/^No queue here/);
        const async = flowLayout(flow, kind, 'async');
        expect(async.places.filter(isStepNode)).toHaveLength(flow.steps.length);
        expect(async.places.includes('queue')).toBe(jobs > 0);
        expect(async.places.includes('worker')).toBe(jobs > 0);
        expect(async.places.includes('dlq')).toBe(jobs > 0);
        expect(async.note.text !== null).toBe(jobs === 0);
        expect(Object.keys(async.jobSteps)).toHaveLength(jobs);
        expect(Object.keys(async.requestSteps)).toHaveLength(flow.steps.length - jobs);
      }
    }
  });

  it('draws no checkout node: no payment, database or email service', () => {
    for (const id of ['password', 'signup', 'video']) {
      const flow = FLOW_PRESETS[id]!();
      for (const kind of KINDS) {
        for (const mode of MODES) {
          const l = layoutFor(kind, mode, flow);
          for (const place of ['payment', 'database', 'email'] as const) {
            expect(l.places).not.toContain(place);
          }
        }
      }
    }
  });

  it('names the sign-up’s steps within their nodes', () => {
    const l = layoutFor('wide', 'async', FLOW_PRESETS.signup!());
    const names = l.places.filter(isStepNode).map((p) => l.titles[p]!.short);
    expect(names).toEqual(['Account', 'Email', 'Push', 'Analytics']);
    expect(l.titles['step:push']!.full).toBe('Send a push notification');
  });

  it('keeps the checkout’s height with one row of request steps, so both lanes draw alike', () => {
    const checkout = layoutFor('wide', 'async', checkoutFlow()).h;
    const login = (where: FlowStep['where']): Flow => ({
      id: 'login',
      label: 'Password check',
      steps: [step('form', 'request'), step('account', 'request'), step('password', where)],
    });
    for (const mode of ['sync', 'async'] as const) {
      expect(layoutFor('wide', mode, login('background')).h, mode).toBe(checkout);
      expect(layoutFor('wide', mode, login('request')).h, mode).toBe(checkout);
    }
  });
});

describe('the checkout', () => {
  it('keeps its hand-tuned layouts', () => {
    for (const kind of KINDS) {
      for (const mode of MODES)
        expect(layoutFor(kind, mode, checkoutFlow())).toBe(LAYOUTS[kind][mode]);
    }
  });

  it('with its charge moved to the background, gets a generated layout with a charge job', () => {
    const flow = checkoutFlow();
    flow.steps[1]!.where = 'background';
    const l = layoutFor('wide', 'async', flow);
    expect(l).not.toBe(LAYOUTS.wide.async);
    expect(l.jobSteps.charge?.node).toBe('step:charge');
    expect(problems(l)).toEqual([]);
  });
});

describe('a step’s short name', () => {
  it('is its label when it fits, else fewer words, its id in words, or its last word', () => {
    expect(shortName({ id: 'store', label: 'Store the file' }, 230)).toBe('Store the file');
    expect(shortName({ id: 'store', label: 'Store the file' }, 150)).toBe('Store file');
    expect(shortName({ id: 'transcode', label: 'Transcode the video' }, 150)).toBe('Transcode');
    expect(shortName({ id: 'createAccount', label: 'Create the account' }, 150)).toBe('Account');
    expect(shortName({ id: 'abcdefghijklmnop', label: 'Qwertyuiopasdfghjkl' }, 150)).toBe(
      'Abcdefghi…',
    );
  });
});
