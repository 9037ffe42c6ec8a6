/**
 * A tiny static file server for the built viewer (node:http, no
 * dependencies): serves `root` on 127.0.0.1, with optional overrides that
 * map a URL path to a file elsewhere (e.g. `/analysis.json`) and mounts that
 * map a URL prefix to a folder elsewhere (e.g. `/data/`). GET and HEAD
 * only; paths are confined to `root` or the mounted folder.
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The web/ folder. */
export const WEB_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the viewer with web/'s own vite (spawned, so callers outside the
 * package need no vite of their own) into `outDir` (default web/dist).
 */
export async function buildViewer(outDir = join(WEB_DIR, 'dist')): Promise<string> {
  const vite = join(WEB_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: WEB_DIR,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  root: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  overrides?: Record<string, string>;
  /** URL prefix (ending in '/') → folder served under it. */
  mounts?: Record<string, string>;
}

/** Starts the server; resolves once it listens. */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = options.overrides?.[path];
    if (!file) {
      const mount = Object.keys(options.mounts ?? {}).find((prefix) => path.startsWith(prefix));
      const base = mount ? resolve(options.mounts![mount]!) : root;
      const rel = normalize(mount ? path.slice(mount.length) : path).replace(/^([/\\])+/, '');
      file = join(base, rel.endsWith('/') || rel === '' ? join(rel, 'index.html') : rel);
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
