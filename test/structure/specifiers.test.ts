/** ESLint, with the project's own config, holds what the dependency check cannot see because it
 * keeps only the file an import reaches: an import of ours names its file with the extension,
 * and an `import()` names its module with a string (lint/specifiers.js). Also the wall around a
 * Simulation's state. The files are linted as text under a path in src/; nothing is written. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsIn(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

const specifierErrors = (code: string) =>
  errorsIn('src/store/fixture.ts', code, 'imports/specifiers');

describe('how an import of ours is written (eslint.config.js)', () => {
  it('asks for the file of a bare folder import, however the import is written', async () => {
    const code = [
      "import { a } from '../engine';",
      "export { b } from '../format';",
      "export * from './sub';",
      "export const load = () => import('../analysis');",
      "export type M = typeof import('../scenarios');",
      'export const c = a;',
    ].join('\n');
    expect(await specifierErrors(code)).toEqual(
      ['../engine', '../format', './sub', '../analysis', '../scenarios'].map((s) =>
        expect.stringContaining(`'${s}' names no file`),
      ),
    );
  }, 30_000);

  it('accepts a file named with its extension, a query after it, and a package', async () => {
    const code = [
      "import { a } from '../engine/index.ts';",
      "import Worker from './worker.ts?worker';",
      "import { create } from 'zustand';",
      'export const load = () => import(`../analysis/index.ts`);',
      'export const c = [a, Worker, create, load];',
    ].join('\n');
    expect(await specifierErrors(code)).toEqual([]);
  }, 30_000);

  it('refuses an import() whose module is an expression, which names no file to check', async () => {
    const code = 'export const load = (name: string) => import(name);\n';
    expect(await specifierErrors(code)).toEqual([
      expect.stringContaining('import() names its module with a string'),
    ]);
  }, 30_000);

  it("refuses a read of a Simulation's state outside the engine", async () => {
    const code = 'export const f = (lane: { sim: { state: number } }) => lane.sim.state;\n';
    const rule = 'no-restricted-syntax';
    expect(await errorsIn('src/store/fixture.ts', code, rule)).toHaveLength(1);
    expect(await errorsIn('src/engine/fixture.ts', code, rule)).toEqual([]);
  }, 30_000);
});
