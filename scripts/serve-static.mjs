#!/usr/bin/env node
// Tiny static file server for the built site (no dependencies beyond Node).
// It serves a folder (default dist/) under one URL prefix (default /super-resolution/) on
// 127.0.0.1, exactly like a project site on static hosting, and answers 404 everywhere else,
// so a link that forgets the base path fails loudly in the end-to-end tests.
//
//   node scripts/serve-static.mjs [--root dist] [--base /super-resolution/] [--port 4327]
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  // Served as stored, with no Content-Encoding (as GitHub Pages does): the weight loader unpacks .gz itself.
  '.gz': 'application/gzip',
  '.map': 'application/json; charset=utf-8',
};

function parseArgs(argv) {
  const opts = { root: 'dist', base: '/super-resolution/', port: 4327, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    if (!(key in opts) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option: ${argv[i]}`);
    }
    opts[key] = key === 'port' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!opts.base.startsWith('/') || !opts.base.endsWith('/')) {
    throw new Error(`--base must start and end with "/": ${opts.base}`);
  }
  return opts;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Maps a URL path below the base to a file in root; null when there is none. */
function resolveFile(root, relPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(relPath);
  } catch {
    return null;
  }
  const candidate = resolve(root, '.' + sep + decoded);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null; // path traversal
  if (decoded === '' || decoded.endsWith('/')) {
    const index = join(candidate, 'index.html');
    return isFile(index) ? { file: index } : null;
  }
  if (isFile(candidate)) return { file: candidate };
  // A folder asked for without its trailing slash: redirect, as static hosts do.
  if (isFile(join(candidate, 'index.html'))) return { redirect: true };
  return null;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = resolve(opts.root);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(
      `serve-static: ${root}/index.html not found. Build first: SITE_BASE=${opts.base} npx astro build`,
    );
    process.exit(1);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`404 Not Found: ${url.pathname}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (!url.pathname.startsWith(opts.base)) {
      if (url.pathname === opts.base.slice(0, -1)) {
        res.writeHead(301, { location: opts.base + url.search });
        res.end();
        return;
      }
      notFound();
      return;
    }
    const found = resolveFile(root, url.pathname.slice(opts.base.length));
    if (!found) {
      notFound();
      return;
    }
    if (found.redirect) {
      res.writeHead(301, { location: url.pathname + '/' + url.search });
      res.end();
      return;
    }
    const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(found.file).size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file).pipe(res);
  });

  server.listen(opts.port, opts.host, () => {
    console.log(`serve-static: ${root} at http://${opts.host}:${opts.port}${opts.base}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
