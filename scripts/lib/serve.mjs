// A tiny static file server for the built app (dist/), on a free port of the loopback address.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Types a host compresses; images are compressed already. */
const TEXT = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest']);

/** Serves `dir`; resolves to { url, close }. With `gzip`, text goes gzipped to a client that
 * accepts it, as a static host sends it: Lighthouse's simulated slow network times the bytes
 * that travel, and the page's scripts travel at about a third of their size. */
export async function serve(dir, { gzip = false } = {}) {
  const root = resolve(dir);
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (
        gzip &&
        TEXT.has(extname(file)) &&
        /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
      ) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(await readFile(file), { level: 9 }));
        res.writeHead(200, {
          'content-type': type,
          'content-encoding': 'gzip',
          vary: 'accept-encoding',
        });
        res.end(gzipped.get(file));
        return;
      }
      res.writeHead(200, { 'content-type': type });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
