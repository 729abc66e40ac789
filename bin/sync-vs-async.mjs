#!/usr/bin/env node
/** The `sync-vs-async` command (`npx sync-vs-async simulate …`, and `npm run simulate`): runs the
 * prebuilt command-line bundle, first rebuilding it when a source file is newer, so that a fresh
 * checkout or an edited engine never runs stale code. Checking costs a few stat calls. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'main.mjs');
const inputsFile = join(root, 'dist-cli', 'inputs.json');
const COMMANDS = 'simulate';

function stale() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const builtMs = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  return inputs.some((file) => {
    const path = join(root, file);
    return !existsSync(path) || statSync(path).mtimeMs > builtMs;
  });
}

const [command, ...rest] = process.argv.slice(2);
if (command !== 'simulate') {
  const what = command === undefined ? 'a command is needed' : `unknown command '${command}'`;
  process.stderr.write(`sync-vs-async: ${what}; one of: ${COMMANDS} (try simulate --help)\n`);
  process.exit(2);
}
if (stale()) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli({ quiet: true });
}
// The bundle reads its options from process.argv, as `node main.mjs --list` would see them.
process.argv = [process.argv[0], bundle, ...rest];
await import(pathToFileURL(bundle).href);
