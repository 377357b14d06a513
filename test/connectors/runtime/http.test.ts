/** exchangeJson against a real HTTP server: what it sends, and how it reads any answer. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeJson } from '../../../connectors/runtime/http.ts';

interface Received {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Each path answers one way; every request is recorded as received. */
const ANSWERS: Record<string, { status: number; headers?: Record<string, string>; body: string }> = {
  '/json': { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"p1","tags":[1,2]}' },
  '/html-error': { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway</body></html>' },
  '/empty': { status: 204, body: '' },
  '/slow-down': { status: 429, headers: { 'retry-after': '30', 'content-type': 'application/json' }, body: '{"error":"too many"}' },
};

let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = ANSWERS[new URL(req.url ?? '/', 'http://x').pathname] ?? { status: 404, body: '' };
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const signal = () => AbortSignal.timeout(5000);
const lastRequest = () => received.at(-1) as Received;

describe('exchangeJson', () => {
  it('parses a JSON answer and asks for JSON', async () => {
    const res = await exchangeJson({ method: 'GET', url: new URL(`${base}/json`), signal: signal(), headers: { authorization: 'Bearer t' } });
    expect([res.ok, res.status, res.body]).toEqual([true, 200, { id: 'p1', tags: [1, 2] }]);
    expect(lastRequest().headers).toMatchObject({ accept: 'application/json', authorization: 'Bearer t' });
    expect(lastRequest().headers['content-type']).toBeUndefined();
  });

  it('keeps an error answer that is not JSON as text, without throwing', async () => {
    const res = await exchangeJson({ method: 'GET', url: `${base}/html-error`, signal: signal() });
    expect([res.ok, res.status, res.body, res.text]).toEqual([false, 502, '<html><body>Bad gateway</body></html>', '<html><body>Bad gateway</body></html>']);
  });

  it('reads an empty answer as null', async () => {
    const res = await exchangeJson({ method: 'POST', url: `${base}/empty`, signal: signal() });
    expect([res.ok, res.status, res.body, res.text]).toEqual([true, 204, null, '']);
  });

  it("leaves a 429's Retry-After readable in the headers", async () => {
    const res = await exchangeJson({ method: 'GET', url: `${base}/slow-down`, signal: signal() });
    expect([res.ok, res.status, res.body, res.headers.get('retry-after')]).toEqual([false, 429, { error: 'too many' }, '30']);
  });

  it('sends a JSON body as application/json, or with the content type given', async () => {
    await exchangeJson({ method: 'POST', url: `${base}/json`, signal: signal(), json: { name: '東京店', open: true } });
    expect(lastRequest()).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"東京店","open":true}' });
    await exchangeJson({ method: 'PATCH', url: `${base}/json`, signal: signal(), json: { a: null }, contentType: 'application/merge-patch+json' });
    expect(lastRequest()).toMatchObject({ method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: '{"a":null}' });
  });

  it('sends a form url-encoded', async () => {
    await exchangeJson({ method: 'POST', url: `${base}/json`, signal: signal(), form: { grant_type: 'client_credentials', scope: 'a b&c' } });
    expect(lastRequest()).toMatchObject({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=a+b%26c' });
  });

  it('sends a raw body with the content type given', async () => {
    await exchangeJson({ method: 'PUT', url: `${base}/json`, signal: signal(), body: new TextEncoder().encode('a,b\n1,2\n'), contentType: 'text/csv' });
    expect(lastRequest()).toMatchObject({ method: 'PUT', headers: { 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' });
  });
});
