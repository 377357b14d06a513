import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { createGraphQL } from '../graphql/yoga.ts';

export interface HttpOptions {
  db: Db;
  log: Logger;
  production: boolean;
  maxBodyBytes: number;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Refuses bodies over the limit: by Content-Length before reading, and by counting for a
 * chunked body, which is cut off as soon as it passes the limit.
 */
function bodyTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    sendJson(res, 413, { errors: [{ message: `Request body over ${limit} bytes.` }] });
    req.resume();
    return true;
  }
  if (req.headers['transfer-encoding']) {
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit && !res.headersSent) {
        sendJson(res, 413, { errors: [{ message: `Request body over ${limit} bytes.` }] });
        req.destroy();
      }
    });
  }
  return false;
}

export function createHttpServer(options: HttpOptions): Server {
  const { db, log } = options;
  const yoga = createGraphQL({ db, log, production: options.production });
  return createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (path === '/readyz') {
        try {
          await sql`select 1`.execute(db);
          return sendJson(res, 200, { status: 'ready', database: 'ok' });
        } catch (err) {
          log.warn({ err }, 'readiness check: database unreachable');
          return sendJson(res, 503, { status: 'not ready', database: 'unreachable' });
        }
      }
      if (path === '/graphql') {
        if (bodyTooLarge(req, res, options.maxBodyBytes)) return;
        const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('x-request-id', requestId);
        return await yoga.handle(req, res, { requestId });
      }
      sendJson(res, 404, { error: 'not found', see: '/graphql' });
    } catch (err) {
      log.error({ err, path }, 'unhandled error serving a request');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    }
  });
}
