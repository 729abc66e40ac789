/** dependency-cruiser's rules for src/ (`npm run depcheck`), made from the LAYERS table in
 * lint/layers.js: each layer imports only the layers it lists, no files import each other in a
 * loop (type-only imports and import() included), and every file of src/ is in a listed layer. */
import { FILES, LAYERS, STORE_PARTS, STORE_REACT, WHOLE_LESSON_LIST } from './lint/layers.js';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regular expression for the files of these layers: a folder, or a file at the top of src/. */
const filesOf = (layers) =>
  `^src/(${layers.map((l) => (FILES[l] ? `${escape(FILES[l])}$` : `${l}/`)).join('|')})`;
const nameOf = (layer) => `src/${FILES[layer] ?? layer}`;

const layerRules = Object.entries(LAYERS).map(([layer, may]) => ({
  name: `layer-${layer}`,
  comment: may.length
    ? `${nameOf(layer)} imports only ${may.map(nameOf).join(', ')} of ours`
    : `${nameOf(layer)} imports nothing of ours`,
  severity: 'error',
  from: { path: filesOf([layer]) },
  to: { path: '^src/', pathNot: filesOf([layer, ...may]) },
}));

const listed = filesOf(Object.keys(LAYERS));
const unlisted =
  'is in a folder of src/ that LAYERS (lint/layers.js) does not list: add it, with the layers it may import, so that its imports are checked';

export default {
  forbidden: [
    ...layerRules,
    {
      name: 'page-loads-lessons',
      comment: `src/${WHOLE_LESSON_LIST.file} (every lesson at once) is for ${WHOLE_LESSON_LIST.importedBy.map(nameOf).join(', ')} only: the page loads a lesson when it opens (scenarios/load.ts)`,
      severity: 'error',
      from: { path: '^src/', pathNot: filesOf(WHOLE_LESSON_LIST.importedBy) },
      to: { path: `^src/${escape(WHOLE_LESSON_LIST.file)}$` },
    },
    {
      name: 'store-react-on-top',
      comment: `inside src/store only ${STORE_REACT}/ (the React bindings) imports ${STORE_REACT}/: the store's other parts run without React`,
      severity: 'error',
      from: { path: '^src/store/', pathNot: `^src/store/${STORE_REACT}/` },
      to: { path: `^src/store/${STORE_REACT}/` },
    },
    {
      name: 'unlisted-store-part',
      comment:
        'is in a folder of src/store/ that STORE_PARTS (lint/layers.js) does not list: add it there',
      severity: 'error',
      from: { path: '^src/store/[^/]+/', pathNot: `^src/store/(${STORE_PARTS.join('|')})/` },
      to: {},
    },
    {
      name: 'unlisted-store-part',
      comment:
        'is in a folder of src/store/ that STORE_PARTS (lint/layers.js) does not list: add it there',
      severity: 'error',
      from: {},
      to: { path: '^src/store/[^/]+/', pathNot: `^src/store/(${STORE_PARTS.join('|')})/` },
    },
    {
      name: 'no-circular',
      comment:
        'files that import each other in a loop: move a type or constant to where it belongs',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'unlisted-layer',
      comment: unlisted,
      severity: 'error',
      from: { path: '^src/', pathNot: listed },
      to: {},
    },
    {
      name: 'unlisted-layer',
      comment: unlisted,
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: listed },
    },
    {
      name: 'unlisted-layer',
      comment: unlisted,
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: listed },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that names no file',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
  },
};
