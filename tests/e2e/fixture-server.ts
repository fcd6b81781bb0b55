/**
 * A tiny static server for tests/fixtures on 127.0.0.1 (random port) that is also the browsers'
 * HTTP proxy. Routing every request of the browser through it (pages, the extension's background,
 * its content scripts) makes "the extension makes no network requests" observable in Chromium and
 * Firefox alike: anything that is not a fixture of this server is recorded and refused, so no test
 * can reach the network even by mistake.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** tests/fixtures, the default document root. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running fixture server. */
export interface FixtureServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  port: number;
  /** Absolute URL of a fixture, e.g. `url('article.html')`. */
  url(path: string): string;
  /**
   * Every URL the browser asked for, in order: fixtures served here, and (when the browser uses
   * this server as its proxy) every other http URL or `https://host:port` CONNECT target, refused.
   */
  requests: string[];
  /** The recorded requests that were not for this server's own fixtures. */
  foreignRequests(): string[];
  close(): Promise<void>;
}

/** Starts the server; `root` defaults to tests/fixtures. */
export async function startFixtureServer(options: { root?: string } = {}): Promise<FixtureServer> {
  const root = normalize(options.root ?? FIXTURES_DIR);
  const requests: string[] = [];
  let origin = '';

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Proxied requests carry an absolute URL; direct ones a path.
    const target = new URL(req.url ?? '/', origin);
    requests.push(target.href);
    if (target.origin !== origin) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('fixture server: outside request refused\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const path = normalize(join(root, decodeURIComponent(target.pathname)));
    if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path.endsWith(sep) ? join(path, 'index.html') : path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  }

  // HTTPS through a proxy starts with CONNECT host:port; record the host and refuse the tunnel.
  // Node leaves a CONNECT socket without an error listener: a browser that resets it (it often
  // does, on a refused tunnel) would otherwise crash the test run or the bench with ECONNRESET.
  server.on('connect', (req, socket) => {
    socket.on('error', () => socket.destroy());
    requests.push(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (path) => new URL(path.replace(/^\//, ''), `${origin}/`).href,
    requests,
    foreignRequests: () => requests.filter((url) => !url.startsWith(`${origin}/`)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
