/** No import circles in src/: no files import each other in a loop, type-only imports included,
 * since a reader follows those too. The checker is shown to catch each kind of loop on made-up
 * files first, so that its silence on src/ means something. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCircles, importGraph, specifiersOf } from '../support/importGraph.ts';

const circlesOf = (files: Record<string, string>) =>
  findCircles(importGraph(new Map(Object.entries(files)))).map((c) => c.loop);

function sourcesUnder(root: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(entry)) continue;
    const file = path.posix.join(root, entry.split(path.sep).join('/'));
    sources.set(file, readFileSync(file, 'utf8'));
  }
  return sources;
}

describe('the import circle check', () => {
  it('names a loop of value imports', () => {
    expect(
      circlesOf({
        'src/a.ts': "import { b } from './b.ts';\nexport const a = b;",
        'src/b.ts': "import { c } from './sub/c.ts';\nexport const b = c;",
        'src/sub/c.ts': "import { a } from '../a.ts';\nexport const c = a;",
        'src/d.ts': "import { a } from './a.ts';\nexport const d = a;",
      }),
    ).toEqual([['src/a.ts', 'src/b.ts', 'src/sub/c.ts', 'src/a.ts']]);
  });

  it('counts type-only imports, re-exports and import() as edges', () => {
    expect(
      circlesOf({
        'src/jump.ts': "import type { Clock } from './types.ts';\nexport type Jump = Clock;",
        'src/types.ts': "export type { Jump } from './jump.ts';\nexport type Clock = number;",
        'src/lazy.ts': "export const load = () => import('./eager.ts');",
        'src/eager.ts': "import { load } from './lazy.ts';\nexport const e = load;",
      }),
    ).toEqual([
      ['src/eager.ts', 'src/lazy.ts', 'src/eager.ts'],
      ['src/jump.ts', 'src/types.ts', 'src/jump.ts'],
    ]);
  });

  it('follows a bare folder import to its index', () => {
    expect(
      circlesOf({
        'src/queue/index.ts': "export { sqs } from './sqs.ts';",
        'src/queue/sqs.ts': "import { all } from '../registry.ts';\nexport const sqs = all;",
        'src/registry.ts': "import { sqs } from './queue';\nexport const all = [sqs];",
      }),
    ).toEqual([
      ['src/queue/index.ts', 'src/queue/sqs.ts', 'src/registry.ts', 'src/queue/index.ts'],
    ]);
  });

  it('finds nothing in a tree that only imports downwards', () => {
    expect(
      circlesOf({
        'src/a.ts': "import { b } from './b.ts';\nimport 'react';\nexport const a = b;",
        'src/b.ts': 'export const b = 1;',
      }),
    ).toEqual([]);
  });

  it('reads typeof import() and ignores an import() of an expression', () => {
    const code = "type M = typeof import('./m.ts');\nconst f = (p: string) => import(p);";
    expect(specifiersOf('src/x.ts', code)).toEqual(['./m.ts']);
  });
});

describe('src/', () => {
  it('has no import circles', () => {
    const circles = findCircles(importGraph(sourcesUnder('src')));
    const named = circles.map(
      ({ files, loop }) =>
        `${loop.join(' -> ')} (${files.length} files in the loop: ${files.join(', ')})`,
    );
    expect(named, 'break each loop by moving a type or constant to where it belongs').toEqual([]);
  });
});
