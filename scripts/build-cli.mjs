/** Builds the command line into one JavaScript file for Node, so `npm run simulate` starts
 * without transpiling TypeScript on every call. Run by `npm install` (the `prepare` script) and,
 * when a source file is newer than the bundle, by bin/sync-vs-async.mjs itself.
 *
 * The bundle goes to dist-cli/main.mjs with dist-cli/inputs.json beside it: the source files it
 * was built from, which the launcher compares with the bundle's time. Both are written to a
 * temporary name and renamed, so two processes that build at once never read half a file. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-cli');

export async function buildCli({ quiet = false } = {}) {
  const tmp = join(outDir, `.build-${process.pid}`);
  const result = await build({
    configFile: false,
    root,
    logLevel: quiet ? 'silent' : 'warn',
    build: {
      ssr: join(root, 'src/cli/main.ts'),
      outDir: tmp,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      copyPublicDir: false,
      rollupOptions: { output: { entryFileNames: 'main.mjs', codeSplitting: false } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const inputs = new Set();
  for (const out of outputs) {
    for (const chunk of out.output) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) {
        if (!id.startsWith('\0') && id.startsWith(root)) inputs.add(relative(root, id));
      }
    }
  }
  writeFileSync(join(tmp, 'inputs.json'), `${JSON.stringify([...inputs].sort(), null, 1)}\n`);
  mkdirSync(outDir, { recursive: true });
  renameSync(join(tmp, 'inputs.json'), join(outDir, 'inputs.json'));
  // The bundle last: its time is what "built" means to the launcher.
  renameSync(join(tmp, 'main.mjs'), join(outDir, 'main.mjs'));
  rmSync(tmp, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
