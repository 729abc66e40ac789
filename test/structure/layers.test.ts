/** The layers of src/ hold: ESLint, with the project's own config, refuses an import that runs up
 * a layer and accepts one that runs down. The files are linted as text under a path inside the
 * folder, so nothing is written to src/. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import { x } from '${specifier}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers (eslint.config.js)', () => {
  it.each([
    ['src/store/fixture.ts', '../lessons/tallies.ts', 'src/store imports only'],
    ['src/store/fixture.ts', '../components/Stage.tsx', 'src/store imports only'],
    ['src/store/fixture.ts', '../components/diagram/geometry.ts', 'src/store imports only'],
    ['src/engine/fixture.ts', '../store/lane.ts', 'src/engine imports nothing'],
    ['src/engine/queue/fixture.ts', '../../format/index.ts', 'src/engine imports nothing'],
    ['src/scenarios/fixture.ts', '../store/lane.ts', 'src/scenarios imports only'],
    ['src/lessons/fixture.ts', '../components/Stage.tsx', 'src/lessons imports only'],
    ['src/url/fixture.ts', '../embed/bridge.ts', 'src/url imports only'],
    ['src/components/diagram/fixture.ts', '../../App.tsx', 'src/components imports only'],
    ['src/main.tsx', './components/Stage.tsx', 'Only App.tsx imports components'],
  ])(
    '%s may not import %s',
    async (file, specifier, message) => {
      const errors = await layerErrors(file, specifier);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(message);
    },
    30_000,
  );

  it.each([
    ['src/store/fixture.ts', '../engine/index.ts'],
    ['src/store/fixture.ts', '../scenarios/beats.ts'],
    ['src/lessons/fixture.ts', '../store/simulatorStore.ts'],
    ['src/components/diagram/fixture.ts', '../../lessons/tallies.ts'],
    ['src/App.tsx', './components/Stage.tsx'],
  ])(
    '%s may import %s',
    async (file, specifier) => {
      expect(await layerErrors(file, specifier)).toEqual([]);
    },
    30_000,
  );

  it("refuses a read of a Simulation's state outside the engine", async () => {
    const code = 'export const f = (lane: { sim: { state: number } }) => lane.sim.state;\n';
    const [outside] = await eslint.lintText(code, { filePath: 'src/store/fixture.ts' });
    const [inside] = await eslint.lintText(code, { filePath: 'src/engine/fixture.ts' });
    const restricted = (r: ESLint.LintResult) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
    expect(restricted(outside!)).toBe(1);
    expect(restricted(inside!)).toBe(0);
  }, 30_000);
});
