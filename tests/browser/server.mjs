// A tiny static file server for the built site, mounted under a URL prefix.
//
// Only node:http, node:fs and node:path: no framework. It behaves like a plain
// static host would for a site published in a sub-folder:
//   GET <prefix>some/dir/      -> <root>/some/dir/index.html
//   GET <prefix>some/dir       -> 301 to <prefix>some/dir/ when that is a folder
//   GET <prefix>file.css       -> the file, with its content type
//   anything else              -> <root>/404.html with status 404
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Start serving `root` under `prefix` (e.g. "/inspira-test/") on 127.0.0.1:`port`.
 * Resolves to the http.Server once it listens.
 */
export function startServer({ root, prefix, port, host = '127.0.0.1' }) {
  const absRoot = path.resolve(root);
  const notFoundFile = path.join(absRoot, '404.html');

  function send(res, status, file, method, extraHeaders = {}) {
    const body = fs.readFileSync(file);
    res.writeHead(status, {
      'Content-Type': contentType(file),
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extraHeaders,
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  function notFound(res, method) {
    if (isFile(notFoundFile)) {
      send(res, 404, notFoundFile, method);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(method === 'HEAD' ? undefined : 'Not found (and the build has no 404.html)\n');
    }
  }

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${host}`).pathname);
    } catch {
      notFound(res, method);
      return;
    }
    if (pathname + '/' === prefix) {
      res.writeHead(301, { Location: prefix });
      res.end();
      return;
    }
    if (!pathname.startsWith(prefix) || pathname.includes('\0')) {
      notFound(res, method);
      return;
    }
    const rel = pathname.slice(prefix.length);
    const target = path.resolve(absRoot, '.' + path.posix.sep + rel);
    if (target !== absRoot && !target.startsWith(absRoot + path.sep)) {
      notFound(res, method); // path traversal
      return;
    }
    if (pathname.endsWith('/')) {
      const index = path.join(target, 'index.html');
      if (isFile(index)) send(res, 200, index, method);
      else notFound(res, method);
      return;
    }
    if (isFile(target)) {
      send(res, 200, target, method);
      return;
    }
    if (isDir(target) && isFile(path.join(target, 'index.html'))) {
      const search = new URL(req.url ?? '/', `http://${host}`).search;
      res.writeHead(301, { Location: pathname + '/' + search });
      res.end();
      return;
    }
    notFound(res, method);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
