// Lint rules: strict TypeScript everywhere, React hook rules in the UI, the layers of src/ (each
// folder imports only the folders below it, lint/layers.js), and a wall around the engine so that it stays a
// pure, deterministic function of (scenario, seed, changes).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersRule } from './lint/layers.js';

const engineImpurities = [
  {
    object: 'Math',
    property: 'random',
    message: 'The engine draws from its seeded streams (rng.ts).',
  },
  { object: 'Date', property: 'now', message: 'The engine has its own clock: sim.now.' },
  { object: 'performance', property: 'now', message: 'The engine has its own clock: sim.now.' },
];

// The layers of src/, bottom up: what each folder (or file at the top of src/) may import of
// ours, as an allow-list. A folder missing from a list is out of bounds for it, so an upward
// import (the store reaching for a lesson, the engine for the store) fails lint, and a folder
// missing from the table fails too. `App` and `main` are the composition root at the top; only
// App imports a component. lint/layers.js checks it (static and dynamic imports, re-exports,
// bare folders); docs/architecture.md draws the same table.
const MODEL = ['engine', 'format', 'analysis', 'scenarios'];
const LAYERS = {
  engine: [],
  format: [],
  styles: [],
  analysis: ['engine', 'format'],
  scenarios: ['engine', 'format'],
  store: MODEL,
  lessons: [...MODEL, 'store'],
  export: [...MODEL, 'store'],
  url: [...MODEL, 'store'],
  embed: [...MODEL, 'store', 'url'],
  boot: [...MODEL, 'store', 'url', 'embed'],
  cli: [...MODEL, 'export'],
  components: [...MODEL, 'styles', 'store', 'lessons', 'export', 'url', 'embed'],
  App: [...MODEL, 'store', 'lessons', 'export', 'url', 'embed', 'boot', 'components'],
  main: [...MODEL, 'styles', 'store', 'url', 'boot', 'App'],
};

const layers = {
  files: ['src/**/*.ts', 'src/**/*.tsx'],
  plugins: { layers: { rules: { imports: layersRule } } },
  rules: {
    'layers/imports': ['error', { layers: LAYERS, files: { App: 'App.tsx', main: 'main.tsx' } }],
  },
};

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
  layers,
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
