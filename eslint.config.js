// Lint rules: strict TypeScript everywhere, React hook rules in the UI, the layers of src/ (each
// folder imports only the folders below it), and a wall around the engine so that it stays a
// pure, deterministic function of (scenario, seed, changes).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineImpurities = [
  {
    object: 'Math',
    property: 'random',
    message: 'The engine draws from its seeded streams (rng.ts).',
  },
  { object: 'Date', property: 'now', message: 'The engine has its own clock: sim.now.' },
  { object: 'performance', property: 'now', message: 'The engine has its own clock: sim.now.' },
];

// The layers of src/, bottom up: what each folder may import of ours. A folder missing from a
// list is out of bounds for it, so an upward import (the store reaching for a lesson, the engine
// for the store) fails lint. `App` and `main` are the composition root at the top; nothing but
// App imports a component. docs/architecture.md draws the same table.
const MODEL = ['engine', 'format', 'analysis', 'scenarios'];
const LAYERS = {
  engine: [],
  format: [],
  analysis: ['engine', 'format'],
  scenarios: ['engine', 'format'],
  store: MODEL,
  lessons: [...MODEL, 'store'],
  export: [...MODEL, 'store'],
  url: [...MODEL, 'store'],
  embed: [...MODEL, 'store', 'url'],
  boot: [...MODEL, 'store', 'url', 'embed'],
  cli: [...MODEL, 'export'],
  components: [...MODEL, 'store', 'lessons', 'export', 'url', 'embed'],
};
const FOLDERS = [...Object.keys(LAYERS), 'App', 'main'];

/** The import pattern that keeps `folder` off every folder above it. */
function layerPattern(folder) {
  const allowed = LAYERS[folder];
  const above = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const may = allowed.map((f) => `src/${f}`).join(', ');
  return {
    group: above.flatMap((f) => [`**/${f}/*`, `**/${f}.tsx`]),
    message: `${may ? `src/${folder} imports only ${may}` : `src/${folder} imports nothing`} of ours (the layers are in eslint.config.js).`,
  };
}

// The engine's block below adds its layer pattern to its own list of forbidden packages.
const layerRules = [
  ...Object.keys(LAYERS)
    .filter((folder) => folder !== 'engine')
    .map((folder) => ({
      files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
      rules: { 'no-restricted-imports': ['error', { patterns: [layerPattern(folder)] }] },
    })),
  {
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/*'],
              message: 'Only App.tsx imports components; main.tsx mounts AppRoot.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'dist-cli', 'node_modules', 'artifacts', 'bench/simpy'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerRules,
  {
    // Outside the engine a Simulation is read through its API (view, report, config,
    // inspectBroker), so the engine may regroup its state without breaking a caller.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...["[object.name='sim']", "[object.property.name='sim']"].map((object) => ({
          selector: `MemberExpression${object}[property.name='state']`,
          message:
            'Read a Simulation through sim.view(), sim.report(), sim.config or sim.inspectBroker(), not its state.',
        })),
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'react/*',
                'zustand',
                'zustand/*',
                'framer-motion',
                'motion',
                'motion/*',
                'd3-selection',
                'd3',
              ],
              message: 'src/engine is pure: no UI, state library, animation or DOM code.',
            },
            layerPattern('engine'),
          ],
        },
      ],
      'no-restricted-properties': ['error', ...engineImpurities],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The engine has its own clock: sim.now.' },
        { name: 'performance', message: 'The engine has its own clock: sim.now.' },
        { name: 'setTimeout', message: 'Schedule an engine event instead of a timer.' },
        { name: 'setInterval', message: 'Schedule an engine event instead of a timer.' },
        { name: 'requestAnimationFrame', message: 'Frames belong to the store, not the engine.' },
        { name: 'queueMicrotask', message: 'Schedule an engine event instead.' },
        { name: 'window', message: 'The engine runs without a DOM.' },
        { name: 'document', message: 'The engine runs without a DOM.' },
      ],
    },
  },
);
