// An ESLint rule for what dependency-cruiser (npm run depcheck) cannot see, since it checks the
// file an import reaches rather than how the import is written: an import of ours names its file
// with the extension (a bare folder, `'../lessons'`, hides where it goes from a reader), and an
// `import()` names its module with a string (one of an expression cannot be checked at all).

/** The module a dynamic import names, if it names it with a string. */
function literalOf(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0].value.cooked;
  }
  return undefined;
}

export const specifiersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'an import of ours names its file, with a string' },
    schema: [],
    messages: {
      bare: "'{{specifier}}' names no file: write the file with its extension (a folder's is its index.ts), as every import of ours does, so that a reader sees where it goes.",
      expression:
        'import() names its module with a string here, so that the layer it reaches can be checked (npm run depcheck).',
    },
  },
  create(context) {
    function check(node, specifier) {
      if (!specifier.startsWith('.')) return;
      if (!/\.[a-z]+$/.test(specifier.replace(/\?.*$/, ''))) {
        context.report({ node, messageId: 'bare', data: { specifier } });
      }
    }
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        const specifier = literalOf(node.source);
        if (specifier === undefined) context.report({ node, messageId: 'expression' });
        else check(node, specifier);
      },
      TSImportType(node) {
        // typescript-eslint names the module `source` now (a string literal), `argument` before.
        const literal = node.source ?? node.argument?.literal;
        if (literal && typeof literal.value === 'string') check(node, literal.value);
      },
    };
  },
};
