/** Build configuration: one Vite config serves `npm start` and the builds; vitest.config.ts adds
 * the tests' settings to it. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { catalogPlugin } from './scripts/lib/catalogPlugin.mjs';
import { lessonPreload } from './scripts/lib/lessonPreload.mjs';

/** The single-file build carries its icon too, as a data URL. */
const inlineFavicon: Plugin = {
  name: 'inline-favicon',
  transformIndexHtml(html) {
    const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url), 'utf8');
    const data = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    return html.replace('href="./favicon.svg"', `href="${data}"`);
  },
};

/** The Content-Security-Policy of the built page: scripts only from the app's own files, no
 * plugins, no inline script. It is added at build time because Vite's dev server needs inline
 * scripts. `frame-ancestors` is left out on purpose (a meta tag cannot carry it anyway): the app
 * is made to be embedded in other sites' slides. */
function policy(scripts: string): string {
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
  ].join('; ');
}

export const CSP = policy("'self'");

function withPolicy(html: string, csp: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${csp}" />`;
  return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${tag}`);
}

const cspMeta: Plugin = {
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => withPolicy(html, CSP),
};

/** The single file's policy: the same, but its scripts are inline (one file has nowhere else to
 * keep them), so `script-src` names each by its SHA-256 hash instead of 'self': exactly those
 * scripts run, and no other inline script, as `'unsafe-inline'` would allow. Computed once
 * vite-plugin-singlefile has inlined them (this runs after it). */
const cspHashes: Plugin = {
  name: 'csp-hashes',
  apply: 'build',
  enforce: 'post',
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
          .filter(([, attributes]) => !/\bsrc=/.test(attributes!))
          .map(([, , body]) => createHash('sha256').update(body!, 'utf8').digest('base64'))
          .map((hash) => `'sha256-${hash}'`);
        file.source = withPolicy(html, policy(hashes.join(' ') || "'none'"));
      }
    },
  },
};

// `vite build --mode single` (npm run build:single) inlines every script and style into one
// dist-single/index.html that works offline and from disk.
/** The translation catalogs, compiled as they are imported (`virtual:catalog/<locale>`). */
const catalogs = catalogPlugin(new URL('./src/i18n/catalogs/', import.meta.url));

export default defineConfig(({ mode }) => ({
  // Relative asset paths let one build work from any static host path, an LMS zip or a file.
  base: './',
  plugins:
    mode === 'single'
      ? [react(), catalogs, viteSingleFile(), inlineFavicon, cspHashes]
      : [
          react(),
          catalogs,
          cspMeta,
          lessonPreload({
            loader: fileURLToPath(new URL('./src/scenarios/load.ts', import.meta.url)),
            scenarios: fileURLToPath(new URL('./src/scenarios/', import.meta.url)),
          }),
        ],
  // The video's worker draws the diagram with the page's own code, whose words come from the
  // catalogs too.
  worker: {
    plugins: () => [catalogPlugin(new URL('./src/i18n/catalogs/', import.meta.url))],
  },
  ...(mode === 'single'
    ? {
        // The "What if?" and video workers inlined too, so that the build stays one file.
        resolve: {
          alias: [
            {
              find: /^\.\/makeWorker\.ts$/,
              replacement: fileURLToPath(
                new URL('./src/components/whatif/makeWorker.single.ts', import.meta.url),
              ),
            },
            {
              find: /^\.\/makeVideoWorker\.ts$/,
              replacement: fileURLToPath(
                new URL('./src/components/export/video/makeVideoWorker.single.ts', import.meta.url),
              ),
            },
          ],
        },
      }
    : {}),
  // Everything the page imports at start goes in one chunk ('$initial': statically imported from
  // the entry), not its dependencies beyond that (a barrel's re-exports that only a part loaded on
  // demand uses, such as the charts' d3): left to itself, the bundler split the start into some
  // twenty chunks shared with the parts loaded on demand, each gzipped on its own, 6 KB more
  // initial JavaScript (check:bundle).
  build: {
    ...(mode === 'single' ? { outDir: 'dist-single', copyPublicDir: false } : {}),
    // No polyfill for <link rel="modulepreload">: every browser the page supports has it (Chrome
    // 66, Safari 17, Firefox 115), and a browser without it still loads every module, only later;
    // it was 0.5 KB of the initial JavaScript (check:bundle).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'start', tags: ['$initial'] }],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
}));
