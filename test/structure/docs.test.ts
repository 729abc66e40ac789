/** Every file and code symbol README and docs/ name in backticks exists, so the map a newcomer
 * reads first does not drift from the tree (issue 25: "docs checked by a test"). The checker is
 * shown to catch a missing file and a renamed symbol on made-up docs first. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docRefs, missing, type Tree } from '../support/docRefs.ts';

const ROOTS = [
  ...['src', 'test', 'scripts', 'bench', 'docs', 'public', 'bin', 'lint', '.ci'],
  ...['conformance', 'examples'],
];
/** What the build writes (`dist-single/index.html`): named in the docs, absent from a clone. */
const BUILT = /^dist(-[a-z]+)?\//;
const CODE = /\.(ts|tsx|mjs|js|css|json)$|^\.ci\//;

function realTree(): Tree {
  const files: string[] = [];
  for (const root of ROOTS) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const file = path.posix.join(root, entry.split(path.sep).join('/'));
      if (!file.includes('/golden/') && existsSync(file) && !readdirSafe(file)) files.push(file);
    }
  }
  files.push(...readdirSync('.').filter((f) => /\.(json|md|ts|js|mjs|html)$/.test(f)));
  const code = files
    .filter((f) => CODE.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return { files, code, inPackage: (p) => existsSync(path.join('node_modules', p)) };
}

function readdirSafe(file: string): boolean {
  try {
    readdirSync(file);
    return true;
  } catch {
    return false;
  }
}

const fakeTree: Tree = {
  files: ['src/store/lane.ts', 'docs/architecture.md', 'docs/images/a.png'],
  code: 'export function createSimulator() {}\nexport type BrokerPolicy = {};',
  inPackage: (p) => p === 'qr/decode.js',
};

describe('the docs check', () => {
  it('finds files from the root, src/, the doc’s folder, a path’s end or a package', () => {
    const refs = docRefs(
      'docs/architecture.md',
      '`src/store/lane.ts`, `store/lane.ts`, `lane.ts`, `images/a.png`, `qr/decode.js`',
    );
    expect(refs).toHaveLength(5);
    expect(missing(refs, fakeTree)).toEqual([]);
  });

  it('names a file that is gone and a symbol that was renamed', () => {
    const refs = docRefs('README.md', '`src/store/controls.ts`, `createSimulatr`, `BrokerPolicy`');
    expect(missing(refs, fakeTree).map((r) => r.ref)).toEqual([
      'src/store/controls.ts',
      'createSimulatr',
    ]);
  });

  it('takes code-like words only: camelCase, compounds and calls, not plain words', () => {
    const refs = docRefs('README.md', '`request`, `true`, `sync`, `run()`, `laneOf`, `LaneReader`');
    expect(refs.map((r) => r.ref)).toEqual(['run', 'laneOf', 'LaneReader']);
  });
});

describe('README and docs/', () => {
  it('name only files and symbols that exist', () => {
    const docs = [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const refs = docs.flatMap((d) => docRefs(d, readFileSync(d, 'utf8')));
    // Hundreds of names, so an empty list below means the check ran over real docs.
    expect(refs.length).toBeGreaterThan(300);
    const gone = missing(
      refs.filter((r) => !BUILT.test(r.ref)),
      realTree(),
    ).map((r) => `${r.doc}: ${r.ref}`);
    expect(gone, 'each of these is named in the docs but not in the tree').toEqual([]);
  });
});
