// Lint rules: strict TypeScript everywhere, React hook rules in the UI, imports of ours that name
// their files (lint/specifiers.js; the layers themselves are npm run depcheck's), and a wall around
// the engine so that it stays a pure, deterministic function of (scenario, seed, changes).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { specifiersRule } from './lint/specifiers.js';

const engineImpurities = [
  {
    object: 'Math',
    property: 'random',
    message: 'The engine draws from its seeded streams (rng.ts).',
  },
  { object: 'Date', property: 'now', message: 'The engine has its own clock: sim.now.' },
  { object: 'performance', property: 'now', message: 'The engine has its own clock: sim.now.' },
];

// How an import of ours is written (its file named, with a string): lint/specifiers.js. Where it
// may go (the layers of src/ and no circles) is npm run depcheck's, from lint/layers.js.
const specifiers = {
  files: ['src/**/*.ts', 'src/**/*.tsx'],
  plugins: { imports: { rules: { specifiers: specifiersRule } } },
  rules: { 'imports/specifiers': 'error' },
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
  specifiers,
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
