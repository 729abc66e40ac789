/** What README and docs/ name in backticks that a reader would look for in the tree: file paths
 * (`src/store/lane.ts`, `lane.ts`) and code symbols (`createSimulator`, `parseFlow()`), and
 * whether each can be found. Pure over the texts it is given, so its test can feed it made-up
 * docs first. */
export interface DocRef {
  doc: string;
  ref: string;
  kind: 'file' | 'symbol';
}

const FILE = /`([A-Za-z0-9_./-]+\.(?:ts|tsx|mjs|js|json|css|md|html|sh|png))`/g;
/** A backticked identifier that reads as code: camelCase, a PascalCase compound, or called. */
const SYMBOL = /`([A-Za-z_$][A-Za-z0-9_$]*)(\(\))?`/g;
const looksLikeCode = (id: string, called: boolean) =>
  called || /[a-z][A-Z]|^[A-Z][a-z]+[A-Z]/.test(id);

export function docRefs(doc: string, text: string): DocRef[] {
  const refs: DocRef[] = [];
  for (const m of text.matchAll(FILE)) refs.push({ doc, ref: m[1]!, kind: 'file' });
  for (const m of text.matchAll(SYMBOL)) {
    if (looksLikeCode(m[1]!, m[2] !== undefined)) refs.push({ doc, ref: m[1]!, kind: 'symbol' });
  }
  return refs;
}

export interface Tree {
  /** Every file, as a path from the project's root. */
  files: readonly string[];
  /** The source text symbols are looked up in. */
  code: string;
  /** Whether a package in node_modules has this path (`qr/decode.js`). */
  inPackage(path: string): boolean;
}

/** A file reference resolves from the root, from src/, from the doc's folder, or as the end of
 * some file's path (a table of `lane.ts` in the store's section); a symbol must occur as a word. */
export function missing(refs: readonly DocRef[], tree: Tree): DocRef[] {
  const files = new Set(tree.files);
  const found = (ref: DocRef) => {
    if (ref.kind === 'symbol') {
      return new RegExp(
        `(^|[^A-Za-z0-9_$])${ref.ref.replace(/\$/g, '\\$')}($|[^A-Za-z0-9_$])`,
      ).test(tree.code);
    }
    const folder = ref.doc.includes('/') ? ref.doc.slice(0, ref.doc.lastIndexOf('/') + 1) : '';
    return (
      files.has(ref.ref) ||
      files.has(`src/${ref.ref}`) ||
      files.has(`${folder}${ref.ref}`) ||
      tree.files.some((f) => f.endsWith(`/${ref.ref}`)) ||
      tree.inPackage(ref.ref)
    );
  };
  return refs.filter((r) => !found(r));
}
