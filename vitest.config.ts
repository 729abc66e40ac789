/** Test configuration: Vite's own (vite.config.ts) plus how Vitest splits the tests into
 * projects and spreads them over the machine's cores. */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/** The test files that check the engine's waiting times against queueing theory: long runs held
 * to Erlang C and Pollaczek-Khinchine with confidence intervals, about a minute of the machine
 * between them. `npm run test:theory` runs them, apart from `npm test`; CI runs both. */
const THEORY = ['test/engine/theory.test.ts', 'test/engine/brokerTheory.test.ts'];

/** The test files that run in jsdom (they say so in a `@vitest-environment jsdom` line), read
 * from the files themselves so that a new one is never left out. */
const DOM = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => path.posix.join('test', file.split(path.sep).join('/')))
  .filter((file) => readFileSync(file, 'utf8').includes('@vitest-environment jsdom'));

export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    test: {
      environment: 'node',
      setupFiles: ['test/setup.ts'],
      // Rendering a lesson in jsdom takes a second or two; on a busy two-core machine five
      // seconds was not always enough. A test that hangs still fails, after 20 s.
      testTimeout: 20_000,
      // Vitest's default leaves a core to its main process, which only gathers results: on a
      // two-core machine that ran one test file at a time.
      maxWorkers: availableParallelism(),
      projects: [
        // The tests without a DOM share their workers' loaded modules instead of loading them
        // again for each file (half the CPU time of `npm test`): each builds its own runs and
        // stores, and the two that stub a global or the timers put them back.
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: [...THEORY, ...DOM],
            isolate: false,
          },
        },
        // A rendered app keeps work scheduled past its test, so each DOM file runs on its own.
        { extends: true, test: { name: 'dom', include: DOM } },
        { extends: true, test: { name: 'theory', include: THEORY } },
      ],
    },
  }),
);
