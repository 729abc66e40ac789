// An ESLint rule that holds src/ to its layers (the LAYERS table in eslint.config.js): it resolves
// each import of ours to the folder it reaches, so a bare folder (`'../lessons'`), a dynamic
// `import()` and a re-export are checked as plainly as an import of a file, and a folder the
// table does not list fails instead of passing unchecked.
import path from 'node:path';

/** The layer of a path under src/: its folder, or for a file at the top of src/ its name without
 * the extension (`App`, `main`). */
function layerOf(file) {
  const parts = file.split('/');
  return parts.length === 2 ? parts[1].replace(/\.[^.]*$/, '') : parts[1];
}

/** How a layer is named in a message: `src/store`, or `src/App.tsx` for a file of the top. */
function nameOf(layer, files) {
  return `src/${files[layer] ?? layer}`;
}

/** The module a dynamic import names, if it names it with a string. */
function literalOf(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0].value.cooked;
  }
  return undefined;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'each folder of src/ imports only the folders below it' },
    schema: [
      {
        type: 'object',
        properties: { layers: { type: 'object' }, files: { type: 'object' } },
        required: ['layers'],
      },
    ],
    messages: {
      unlisted:
        '{{name}} is not in LAYERS (eslint.config.js): add it with the folders it may import, so that its imports are checked.',
      upward: '{{rule}} of ours (the layers are in eslint.config.js).',
      bare: "'{{specifier}}' names no file: write the file with its extension (a folder's is its index.ts), as every import of ours does, so that a reader and the layer check see where it goes.",
      expression:
        'import() names its module with a string here, so that the layer it reaches can be checked.',
    },
  },
  create(context) {
    const { layers, files = {} } = context.options[0];
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (!file.startsWith('src/')) return {};
    const own = layerOf(file);
    const allowed = layers[own];

    function check(node, specifier) {
      if (!specifier.startsWith('.')) return;
      const bare = specifier.replace(/\?.*$/, '');
      if (!/\.[a-z]+$/.test(bare)) {
        context.report({ node, messageId: 'bare', data: { specifier } });
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), bare));
      if (!target.startsWith('src/')) return;
      const layer = layerOf(target);
      if (layer === own || !allowed) return;
      if (!layers[layer]) {
        context.report({ node, messageId: 'unlisted', data: { name: `src/${layer}` } });
      } else if (!allowed.includes(layer)) {
        const may = allowed.map((l) => nameOf(l, files)).join(', ');
        const who = nameOf(own, files);
        const rule = may ? `${who} imports only ${may}` : `${who} imports nothing`;
        context.report({ node, messageId: 'upward', data: { rule } });
      }
    }

    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
    };
    return {
      Program(node) {
        if (!allowed) context.report({ node, messageId: 'unlisted', data: { name: `src/${own}` } });
      },
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        const specifier = literalOf(node.source);
        if (specifier === undefined) context.report({ node, messageId: 'expression' });
        else check(node, specifier);
      },
      TSImportType(node) {
        const literal = node.argument?.literal;
        if (literal && typeof literal.value === 'string') check(node, literal.value);
      },
    };
  },
};
