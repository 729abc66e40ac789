// The layers of src/, bottom up: what each folder (or file at the top of src/) may import of
// ours, as an allow-list. The one table: .dependency-cruiser.mjs makes its rules from it, and
// docs/architecture.md draws it. `App` and `main` are the composition root at the top; only App
// imports a component.
const MODEL = ['engine', 'format', 'analysis', 'scenarios'];

export const LAYERS = {
  engine: [],
  format: [],
  styles: [],
  i18n: ['format'],
  analysis: ['engine', 'format'],
  scenarios: ['engine', 'format'],
  store: MODEL,
  lessons: [...MODEL, 'store', 'i18n'],
  export: [...MODEL, 'store'],
  url: [...MODEL, 'store', 'i18n'],
  embed: [...MODEL, 'store', 'url', 'i18n'],
  boot: [...MODEL, 'store', 'url', 'embed', 'i18n'],
  cli: [...MODEL, 'export'],
  components: [...MODEL, 'styles', 'store', 'lessons', 'export', 'url', 'embed', 'i18n'],
  App: [...MODEL, 'store', 'lessons', 'export', 'url', 'embed', 'boot', 'components', 'i18n'],
  main: [...MODEL, 'styles', 'store', 'url', 'boot', 'App', 'i18n'],
};

/** Every lesson whole at once (`scenarios/all.ts`), which only the command line may import: the
 * page loads each lesson's content when it opens (`scenarios/load.ts`), and one import of the
 * whole list would put all of them in its first chunk. The tests and scripts use it freely. */
export const WHOLE_LESSON_LIST = { file: 'scenarios/all.ts', importedBy: ['cli'] };

/** The layers that are one file at the top of src/ rather than a folder. */
export const FILES = { App: 'App.tsx', main: 'main.tsx' };

/** The parts of src/store, its folders (the store itself, its types and the page store are the
 * files at its top). `react` is the store's React bindings: nothing else in the store imports it,
 * so every other part runs without React (the command line's and the tests' stores do). A folder
 * of src/store not listed here fails the check, so a new part is placed on purpose. */
export const STORE_PARTS = ['lanes', 'time', 'publish', 'replay', 'changes', 'react'];
export const STORE_REACT = 'react';
