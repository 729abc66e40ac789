/** The layers of src/ hold: ESLint, with the project's own config, refuses an import that runs up
 * a layer, however it is written (a bare folder, a dynamic import(), a re-export), and a folder the
 * LAYERS table does not list; it accepts an import that runs down. The files are linted as text
 * under a path inside the folder, so nothing is written to src/. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

const layerErrors = (filePath: string, specifier: string) =>
  errorsIn(filePath, `import { x } from '${specifier}';\nexport const y = x;\n`);

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
    ['src/main.tsx', './components/Stage.tsx', 'src/main.tsx imports only'],
    ['src/cli/fixture.ts', '../store/lane.ts', 'src/cli imports only'],
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

  describe('the holes an import could once slip through', () => {
    it('resolves a bare folder import to its folder, and asks for the file', async () => {
      const errors = await layerErrors('src/store/fixture.ts', '../lessons');
      expect(errors).toHaveLength(2);
      expect(errors).toContainEqual(expect.stringContaining("'../lessons' names no file"));
      expect(errors).toContainEqual(expect.stringContaining('src/store imports only'));
    }, 30_000);

    it('asks for the file even where the folder is allowed', async () => {
      expect(await layerErrors('src/store/fixture.ts', '../engine')).toEqual([
        expect.stringContaining("'../engine' names no file"),
      ]);
    }, 30_000);

    it('checks a dynamic import() across layers as it checks an import', async () => {
      const code = "export const load = () => import('../lessons/tallies.ts');\n";
      const errors = await errorsIn('src/store/fixture.ts', code);
      expect(errors).toEqual([expect.stringContaining('src/store imports only')]);
      const template = 'export const load = () => import(`../components/Stage.tsx`);\n';
      expect(await errorsIn('src/lessons/fixture.ts', template)).toEqual([
        expect.stringContaining('src/lessons imports only'),
      ]);
    }, 30_000);

    it('refuses an import() whose module is an expression, which it could not check', async () => {
      const code = 'export const load = (name: string) => import(name);\n';
      expect(await errorsIn('src/components/fixture.ts', code)).toEqual([
        expect.stringContaining('import() names its module with a string'),
      ]);
    }, 30_000);

    it('checks a re-export and a typeof import() as imports', async () => {
      const code =
        "export { tallies } from '../lessons/tallies.ts';\nexport type T = typeof import('../url/caption.ts');\n";
      const errors = await errorsIn('src/store/fixture.ts', code);
      expect(errors).toHaveLength(2);
      for (const e of errors) expect(e).toContain('src/store imports only');
    }, 30_000);

    it('refuses a folder missing from LAYERS, and an import into one', async () => {
      expect(await layerErrors('src/util/fixture.ts', '../engine/index.ts')).toEqual([
        expect.stringContaining('src/util is not in LAYERS'),
      ]);
      expect(await layerErrors('src/store/fixture.ts', '../util/clamp.ts')).toEqual([
        expect.stringContaining('src/util is not in LAYERS'),
      ]);
    }, 30_000);
  });

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
