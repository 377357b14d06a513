import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../../src/dashboard/serve.ts';

const INDEX = '<!doctype html><title>Tenpo</title><script type="module" src="/assets/app-abc123.js"></script>';
const APP_JS = `console.log(${JSON.stringify('x'.repeat(2000))});`;
const SECRET = 'top secret, outside the build';

let root: string;
let dir: string;
let server: Server;
let port: number;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Raw paths on purpose: fetch and URL would resolve the "..", which is what is being tested. */
function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tenpo-dashboard-'));
  dir = join(root, 'dashboard');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), APP_JS);
  writeFileSync(join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(APP_JS));
  writeFileSync(join(dir, 'assets', 'style-def456.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'assets', 'logo-789.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.stamp'), 'build stamp');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(dir, 'assets', 'linked.txt'));

  server = createServer((req, res) => {
    if (serveDashboard(req, res, dir)) return;
    res.writeHead(418, { 'content-type': 'text/plain' });
    res.end('not the dashboard');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('serveDashboard', () => {
  it('serves index.html at / with no-cache and the security headers', async () => {
    const res = await send('/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it('answers any path that is not a file with index.html, so app routes survive a reload', async () => {
    for (const path of ['/stores', '/stores/TG9jYXRpb246MQ%3D%3D', '/stores/id.with.dots', '/insights?range=90', '/index.html']) {
      const res = await send(path);
      expect(res.status, path).toBe(200);
      expect(res.body.toString(), path).toBe(INDEX);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable with their content types', async () => {
    const js = await send('/assets/app-abc123.js');
    expect(js.status).toBe(200);
    expect(js.body.toString()).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)));
    expect((await send('/assets/style-def456.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send('/assets/logo-789.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('answers 304 to a matching If-None-Match, and 200 to a stale one', async () => {
    const first = await send('/assets/app-abc123.js');
    const etag = String(first.headers.etag);
    const again = await send('/assets/app-abc123.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await send('/', { headers: { 'if-none-match': `"other", W/${String((await send('/')).headers.etag)}` } })).status).toBe(304);
    expect((await send('/assets/app-abc123.js', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await send('/assets/app-abc123.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)));
    expect(res.body.length).toBe(0);
    const index = await send('/stores', { method: 'HEAD' });
    expect(index.status).toBe(200);
    expect(index.body.length).toBe(0);
  });

  it('serves the precompressed copy the client accepts, varying on Accept-Encoding', async () => {
    const br = await send('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.body.equals(brotliCompressSync(APP_JS))).toBe(true);
    const gz = await send('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await send('/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_JS);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
  });

  it('answers 404 for a missing asset, never index.html', async () => {
    for (const path of ['/assets/missing-000.js', '/assets/nothing', '/favicon.ico', '/assets/']) {
      const res = await send(path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString(), path).not.toContain('<!doctype');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('never serves a file outside the build, whatever the path says', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..\\..\\secret.txt',
      '//secret.txt',
      '/assets/linked.txt',
      '/assets/app-abc123.js%00.txt',
      `/${encodeURIComponent(join(root, 'secret.txt'))}`,
    ];
    for (const path of attempts) {
      const res = await send(path);
      expect(res.body.toString(), path).not.toContain(SECRET);
      expect([200, 400, 404], path).toContain(res.status);
      if (res.status === 200) expect(res.body.toString(), path).toBe(INDEX);
    }
    const parent = await send('/../');
    expect(parent.body.toString()).not.toContain(SECRET);
  });

  it('keeps dotfiles such as the build stamp private', async () => {
    expect((await send('/.stamp')).status).toBe(404);
  });

  it('answers 400 to a path that is not valid percent-encoding', async () => {
    expect((await send('/assets/%E0%A4%A.js')).status).toBe(400);
  });

  it('leaves other methods, and a missing build, to the caller', async () => {
    expect((await send('/', { method: 'POST' })).status).toBe(418);
    expect((await send('/assets/app-abc123.js', { method: 'DELETE' })).status).toBe(418);
    const missing = createServer((req, res) => {
      res.writeHead(serveDashboard(req, res, join(root, 'not-built')) ? 500 : 418);
      res.end();
    });
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
    const answer = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: (missing.address() as AddressInfo).port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    await new Promise<void>((resolve) => missing.close(() => resolve()));
    expect(answer).toBe(418);
  });

  it('picks up a new build without a restart', async () => {
    const next = '<!doctype html><title>Tenpo v2</title>';
    writeFileSync(join(dir, 'index.html'), next);
    const res = await send('/');
    expect(res.body.toString()).toBe(next);
  });
});
