// The lesson a link opens starts loading while the page's main script is still on its way: a tiny
// script that index.html runs first reads the address and adds a <link rel="modulepreload"> for
// the lesson's chunk and the two chunks every lesson loads with it (its captions' binder and the
// stored scripts). Without it they were requested only once the main script had arrived and run,
// a round trip more before the first screen on a slow link. The lesson comes as main.tsx picks
// it: the handout's (`handout=`), else the link's (`scenario=`), else the first lesson on a bare
// address outside a frame. An id it does not know preloads nothing; the page then loads and
// reports it as before. The build fails if a lesson of src/scenarios/load.ts has no chunk.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The lessons' ids and module files, in the order src/scenarios/load.ts lists them (the first
 * is the first lesson, DEFAULT_SCENARIO_ID, which a test holds). */
export function lessonModules(source) {
  return [...source.matchAll(/'?([a-z0-9-]+)'?: \(\) => import\('\.\/([A-Za-z0-9]+\.ts)'\)/g)].map(
    ([, id, file]) => ({ id, file }),
  );
}

/** The preloading script's text: `lessons` maps an id to the files only that lesson needs,
 * `shared` lists those every lesson needs (file names in assets/), `first` is the bare address's
 * lesson. */
export function preloadScript(lessons, shared, first) {
  return `const lessons=${JSON.stringify(lessons)},shared=${JSON.stringify(shared)},
query=new URLSearchParams(location.search),
id=query.get('handout')??query.get('scenario')??(location.search===''&&self===top?${JSON.stringify(first)}:null);
if(Object.hasOwn(lessons,id))for(const file of [...lessons[id],...shared]){
const link=document.createElement('link');link.rel='modulepreload';link.href='./assets/'+file;document.head.append(link)}
`;
}

const inAssets = (file) => file.replace(/^assets\//, '');

/** The files a chunk needs beyond those index.html loads already: itself and the chunks it
 * imports. */
function chunkFiles(bundle, fileName, loaded, seen = new Set()) {
  if (seen.has(fileName) || loaded.has(fileName)) return [];
  seen.add(fileName);
  const chunk = bundle[fileName];
  if (!chunk || chunk.type !== 'chunk') return [];
  return [fileName, ...chunk.imports.flatMap((f) => chunkFiles(bundle, f, loaded, seen))];
}

export function lessonPreload({ loader, scenarios }) {
  return {
    name: 'lesson-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
        const html = Object.values(bundle).find((f) => f.fileName === 'index.html');
        const main = /<script type="module"[^>]*src="[^"]+"><\/script>/;
        if (!html || !main.test(String(html.source))) {
          this.error('lesson-preload: index.html has no module script to run before');
        }
        const loaded = new Set(
          [...String(html.source).matchAll(/(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]),
        );
        const byModule = (path) => chunks.find((c) => c.moduleIds.includes(path))?.fileName;
        const found = (path) => {
          const file = byModule(path);
          if (!file) this.error(`lesson-preload: no chunk for ${path}`);
          return file;
        };
        const seen = new Set();
        const files = (file) => chunkFiles(bundle, file, loaded, seen).map(inAssets);
        const shared = [
          ...files(found(`${scenarios}script.ts`)),
          ...files(found(`${scenarios}ownScripts.json`)),
        ];
        const modules = lessonModules(readFileSync(loader, 'utf8'));
        if (modules.length === 0) this.error(`lesson-preload: no lesson found in ${loader}`);
        const lessons = {};
        for (const { id, file } of modules) {
          lessons[id] = chunkFiles(bundle, found(`${scenarios}${file}`), loaded, new Set(seen)).map(
            inAssets,
          );
        }
        const source = preloadScript(lessons, shared, modules[0].id);
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        const fileName = `assets/lessonPreload-${hash}.js`;
        this.emitFile({ type: 'asset', fileName, source });
        html.source = String(html.source).replace(
          main,
          (tag) => `<script type="module" crossorigin src="./${fileName}"></script>\n    ${tag}`,
        );
      },
    },
  };
}
