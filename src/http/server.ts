import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import { askForAdminCredentials, isAdmin } from '../admin/auth.ts';
import { createQueuesBoard, QUEUES_BOARD_PATH } from '../admin/queuesBoard.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { createGraphQL } from '../graphql/yoga.ts';
import { collectorScript } from '../fraud/collector/serve.ts';
import { serveDashboard } from '../dashboard/serve.ts';
import type { FraudEngine } from '../fraud/engine.ts';
import type { Engine } from '../listings/engine.ts';

export interface HttpOptions {
  db: Db;
  log: Logger;
  production: boolean;
  maxBodyBytes: number;
  /** Serves GET /metrics and times every request; without it /metrics answers 404. */
  metrics?: Metrics;
  /** Serve /metrics without credentials, for a scraper on a port only the internal network reaches. */
  metricsPublic?: boolean;
  /** Operator tools (the queues board, and /metrics unless public); without it they answer 404. */
  admin?: { token: string; queues: () => readonly Queue[] };
  /** The sync engine, for the mutations that connect platforms and start syncs. */
  engine?: Engine;
  /** The fraud engine, for the screening mutations. */
  fraud?: FraudEngine;
  /** The built dashboard (src/dashboard/build.ts), served at `/`; without it `/` answers 404. */
  dashboardDir?: string;
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

/**
 * Who may read /metrics. It shows queue names, traffic and error rates, not data, but that is
 * still an operator's view, so: open when `metricsPublic` says the port is internal; behind the
 * admin token when one is configured (Prometheus sends it as `authorization: credentials`); with
 * neither, open in development so it works out of the box, and off in production, never open
 * by accident.
 */
function metricsAccess(options: HttpOptions): 'open' | 'off' | { adminToken: string } {
  if (!options.metrics) return 'off';
  if (options.metricsPublic) return 'open';
  if (options.admin) return { adminToken: options.admin.token };
  return options.production ? 'off' : 'open';
}

const COLLECTOR_PATH = '/fraud/collector.js';
const FIXED_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', COLLECTOR_PATH]);

const isBoardPath = (path: string) => path === QUEUES_BOARD_PATH || path.startsWith(`${QUEUES_BOARD_PATH}/`);

/** The `route` label: a fixed path, never the raw URL, so scanners cannot grow the label set. */
function routeLabel(path: string): string {
  if (FIXED_ROUTES.has(path)) return path;
  return isBoardPath(path) ? QUEUES_BOARD_PATH : 'other';
}

export function createHttpServer(options: HttpOptions): Server {
  const { db, log, metrics, admin } = options;
  const yoga = createGraphQL({ db, log, production: options.production, engine: options.engine, fraud: options.fraud });
  const board = admin ? createQueuesBoard({ ...admin, log }) : undefined;
  const metricsAccessRule = metricsAccess(options);
  if (metrics && metricsAccessRule === 'off') {
    log.warn('metrics are collected but /metrics is off: configure an admin token or make metrics public');
  }
  return createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (metrics) {
      const stopTimer = metrics.apiRequestSeconds.startTimer();
      res.once('close', () => {
        // A client that hung up before the answer was complete is counted apart from real statuses.
        const status = res.writableFinished ? String(res.statusCode) : 'aborted';
        stopTimer({ route: routeLabel(path), method: req.method ?? 'other', status });
      });
    }
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
      if (path === COLLECTOR_PATH) {
        // Merchants embed it in their own sign-up and login pages, so it is served cross-origin.
        const script = collectorScript();
        if (req.headers['if-none-match'] === script.etag) {
          res.writeHead(304, { etag: script.etag });
          res.end();
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'content-length': Buffer.byteLength(script.body),
          'cache-control': 'public, max-age=3600',
          'access-control-allow-origin': '*',
          etag: script.etag,
        });
        res.end(script.body);
        return;
      }
      if (path === '/metrics' && metrics && metricsAccessRule !== 'off') {
        if (metricsAccessRule !== 'open' && !isAdmin(req, metricsAccessRule.adminToken)) return askForAdminCredentials(res);
        const text = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      if (board && isBoardPath(path)) {
        if (bodyTooLarge(req, res, options.maxBodyBytes)) return;
        return await board(req, res);
      }
      if (options.dashboardDir && serveDashboard(req, res, options.dashboardDir)) return;
      sendJson(res, 404, { error: 'not found', see: '/graphql' });
    } catch (err) {
      log.error({ err, path }, 'unhandled error serving a request');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    }
  });
}
