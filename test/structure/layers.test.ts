/** The architecture rules of src/, as dependency-cruiser checks them with the project's own rules
 * (.dependency-cruiser.mjs, made from LAYERS in lint/layers.js), fail on each kind of break in
 * made-up files in a temporary folder (an upward import however it is written, a folder missing
 * from LAYERS, an import circle of types), so that `npm run depcheck`'s silence on src/ (part of
 * `npm test`) means something. What the tool cannot see, the text of a specifier, ESLint checks
 * (lint/specifiers.js, test/structure/specifiers.test.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../.dependency-cruiser.mjs';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The violations the project's rules find in these files (paths under src/), laid out in a
 * temporary folder. */
async function violationsIn(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'depcheck-'));
  roots.push(root);
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), code);
  }
  return describeAll(await violations(['src'], root));
}

async function violations(paths: string[], baseDir: string): Promise<IViolation[]> {
  const result = await cruise(paths, {
    ...config.options,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    baseDir,
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave no result');
  return result.output.summary.violations;
}

const describeAll = (found: IViolation[]) =>
  found.map(
    (v) =>
      `${v.rule.name}: ${v.from} -> ${v.cycle ? v.cycle.map((c) => c.name).join(' -> ') : v.to}`,
  );

const LESSON = { 'src/lessons/tallies.ts': 'export const tallies = 1;\n' };

describe('the dependency check (npm run depcheck)', () => {
  it.each([
    ['an import', "import { tallies } from '../lessons/tallies.ts';\nexport const a = tallies;\n"],
    ['a type-only import', "import type { T } from '../lessons/tallies.ts';\nexport type A = T;\n"],
    ['a re-export', "export { tallies } from '../lessons/tallies.ts';\n"],
    ['a dynamic import()', "export const load = () => import('../lessons/tallies.ts');\n"],
    ['a typeof import()', "export type M = typeof import('../lessons/tallies.ts');\n"],
  ])(
    'refuses %s that runs up a layer',
    async (_, code) => {
      expect(await violationsIn({ ...LESSON, 'src/store/fixture.ts': code })).toEqual([
        'layer-store: src/store/fixture.ts -> src/lessons/tallies.ts',
      ]);
    },
    30_000,
  );

  it('follows a bare folder import to the index it reaches', async () => {
    const files = {
      ...LESSON,
      'src/lessons/index.ts': "export { tallies } from './tallies.ts';\n",
      'src/store/fixture.ts': "export { tallies } from '../lessons';\n",
    };
    expect(await violationsIn(files)).toEqual([
      'layer-store: src/store/fixture.ts -> src/lessons/index.ts',
    ]);
  }, 30_000);

  it('accepts an import that runs down, and one within a layer', async () => {
    const files = {
      ...LESSON,
      'src/engine/run.ts': 'export const run = 1;\n',
      'src/lessons/use.ts':
        "import { run } from '../engine/run.ts';\nimport { tallies } from './tallies.ts';\nexport const u = run + tallies;\n",
    };
    expect(await violationsIn(files)).toEqual([]);
  }, 30_000);

  it('refuses a folder missing from LAYERS, whether it imports, is imported or neither', async () => {
    expect(
      await violationsIn({
        'src/engine/run.ts': 'export const run = 1;\n',
        'src/util/a.ts': "import { run } from '../engine/run.ts';\nexport const a = run;\n",
        'src/util2/alone.ts': 'export const alone = 1;\n',
        'src/store/fixture.ts': "import { c } from '../util3/clamp.ts';\nexport const f = c;\n",
        'src/util3/clamp.ts': 'export const c = 1;\n',
      }),
    ).toEqual([
      'layer-store: src/store/fixture.ts -> src/util3/clamp.ts',
      'unlisted-layer: src/store/fixture.ts -> src/util3/clamp.ts',
      'unlisted-layer: src/util/a.ts -> src/engine/run.ts',
      'unlisted-layer: src/util2/alone.ts -> src/util2/alone.ts',
    ]);
  }, 30_000);

  it('keeps the store’s React bindings on top of its other parts, and its folders listed', async () => {
    expect(
      await violationsIn({
        'src/store/react/hooks.ts': 'export const useSim = 1;\n',
        'src/store/lanes/lane.ts':
          "import { useSim } from '../react/hooks.ts';\nexport const lane = useSim;\n",
        'src/store/simulatorStore.ts':
          "import type { Lane } from './lanes/lane.ts';\nexport type S = Lane;\n",
        'src/store/misc/util.ts':
          "import { lane } from '../lanes/lane.ts';\nexport const u = lane;\n",
        'src/store/time/jump.ts': "import { u } from '../misc/util.ts';\nexport const j = u;\n",
        'src/components/Thing.tsx':
          "import { useSim } from '../store/react/hooks.ts';\nexport const t = useSim;\n",
      }),
    ).toEqual([
      'store-react-on-top: src/store/lanes/lane.ts -> src/store/react/hooks.ts',
      'unlisted-store-part: src/store/misc/util.ts -> src/store/lanes/lane.ts',
      'unlisted-store-part: src/store/time/jump.ts -> src/store/misc/util.ts',
    ]);
  }, 30_000);

  it('names an import circle, type-only imports included', async () => {
    expect(
      await violationsIn({
        'src/store/jump.ts':
          "import type { Clock } from './types.ts';\nexport type Jump = Clock;\n",
        'src/store/types.ts':
          "export type { Jump } from './jump.ts';\nexport type Clock = number;\n",
      }),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-circular: src\/store\/jump.ts -> /)]),
    );
  }, 30_000);

  it('keeps every lesson at once (scenarios/all.ts) for the command line: the page loads each', async () => {
    const whole = {
      'src/scenarios/all.ts': 'export const SCENARIOS = [];\n',
      'src/scenarios/load.ts': "export const load = () => import('./checkout.ts');\n",
      'src/scenarios/checkout.ts': 'export const checkout = 1;\n',
    };
    expect(
      await violationsIn({
        ...whole,
        'src/cli/main.ts':
          "import { SCENARIOS } from '../scenarios/all.ts';\nexport const m = SCENARIOS;\n",
        'src/store/fixture.ts':
          "import { SCENARIOS } from '../scenarios/all.ts';\nexport const f = SCENARIOS;\n",
        'src/components/Picker.tsx': "export const p = () => import('../scenarios/all.ts');\n",
      }),
    ).toEqual([
      'page-loads-lessons: src/components/Picker.tsx -> src/scenarios/all.ts',
      'page-loads-lessons: src/store/fixture.ts -> src/scenarios/all.ts',
    ]);
  }, 30_000);
});
