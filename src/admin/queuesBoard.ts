/**
 * bull-board, the BullMQ dashboard, for operators at /admin/queues behind the admin token.
 *
 * Adapter: @bull-board/hono run through @hono/node-server's getRequestListener. Our server is a
 * plain node:http handler that routes by path, and getRequestListener turns a fetch-style app
 * into exactly such a handler, so the board mounts on one path prefix with no framework around
 * the rest of the API. hono and @hono/node-server have no dependencies of their own; the express
 * adapter would bring express 5 and its ~30 packages to serve one sub-path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import type { Logger } from '../log.ts';
import { askForAdminCredentials, assertAdminToken, isAdmin } from './auth.ts';

export const QUEUES_BOARD_PATH = '/admin/queues';

export interface QueuesBoardOptions {
  token: string;
  /** Read on every request, so queues created after start appear without a restart. */
  queues: () => readonly Queue[];
  log: Logger;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * A browser sends remembered Basic credentials with requests that other sites trigger, and the
 * board's API can retry, clean or obliterate queues. So a state-changing request that a browser
 * marks as coming from elsewhere is refused; clients that send neither header (curl, scripts)
 * carry no ambient credentials and pass.
 */
function crossSite(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const site = req.headers['sec-fetch-site'];
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** The board as a node:http handler for every path under QUEUES_BOARD_PATH; it checks the token itself. */
export function createQueuesBoard(options: QueuesBoardOptions): RequestHandler {
  assertAdminToken(options.token);
  const { token, log } = options;

  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(QUEUES_BOARD_PATH);
  const board = createBullBoard({ queues: [], serverAdapter, options: { uiConfig: { boardTitle: 'Tenpo queues' } } });
  let shown: readonly Queue[] = [];
  const syncQueues = () => {
    const current = options.queues();
    if (current.length === shown.length && current.every((q, i) => q === shown[i])) return;
    board.replaceQueues(current.map((q) => new BullMQAdapter(q)));
    shown = [...current];
  };

  // Not strict: the page's <base href> ends in a slash, so the UI links to /admin/queues/ too.
  const app = new Hono({ strict: false });
  app.route(QUEUES_BOARD_PATH, serverAdapter.registerPlugin());
  app.onError((err, c) => {
    log.error({ err, path: c.req.path }, 'unhandled error in the queues board');
    return c.json({ error: 'internal error' }, 500);
  });
  // overrideGlobalObjects: false keeps hono from swapping the process-wide Request and Response,
  // which graphql-yoga in the same process relies on.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });

  return async (req, res) => {
    if (!isAdmin(req, token)) return askForAdminCredentials(res);
    if (crossSite(req)) {
      res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'cross-site request refused' }));
      return;
    }
    syncQueues();
    await listener(req, res);
  };
}
