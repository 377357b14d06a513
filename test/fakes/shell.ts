/**
 * The HTTP scaffolding the platform fakes share (google keeps its own): a server on 127.0.0.1,
 * port 0, that reads each request's body whole, answers a fault a test injected before the
 * platform does, turns an exception in a route into a 500 kept in `serverErrors`, and records
 * each call with the status it was answered. What a platform says stays in its fake: its routes,
 * how it words a failure, what a recorded call holds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request, its body read whole. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly url: URL;
  readonly body: Buffer;
}

/** The answer a test injected in place of the platform's. */
export interface InjectedFault {
  status: number;
  /** Sent as given; the platform's own wording of a failure when absent. */
  body?: unknown;
  headers: Record<string, string>;
}

export interface ShellOptions<C> {
  /** Bugs in the fake land here; tests expect it to stay empty. */
  serverErrors: string[];
  /** On arrival: what the fake keeps of the request (the call it records, a body its routes read once). */
  open(ex: Exchange): C;
  /** The fault injected for this request, if any; taking it counts it down. */
  fault?(ex: Exchange, call: C): InjectedFault | undefined;
  /** The platform: answers the request and returns the status it sent. */
  route(ex: Exchange, call: C): number | Promise<number>;
  /** Answers an error a route throws on purpose (the platform refusing); undefined for a bug. */
  refuse?(ex: Exchange, err: unknown): number | undefined;
  record(call: C, status: number): void;
  /** Writes an answer as the platform does (its content type, headers it always sends). */
  send(ex: Exchange, status: number, body: unknown, headers: Record<string, string>): void;
  /** The platform's body for an injected fault that brings none. */
  faultBody(status: number): unknown;
  /** The platform's body for a 500; a bare 500 when absent. */
  crashBody?: unknown;
}

export interface Shell {
  url: string;
  close(): Promise<void>;
}

export async function startShell<C>(o: ShellOptions<C>): Promise<Shell> {
  async function answer(ex: Exchange): Promise<void> {
    let opened: { call: C } | undefined;
    let status: number;
    try {
      opened = { call: o.open(ex) };
      const fault = o.fault?.(ex, opened.call);
      if (fault) {
        o.send(ex, fault.status, fault.body ?? o.faultBody(fault.status), fault.headers);
        status = fault.status;
      } else status = await o.route(ex, opened.call);
    } catch (err) {
      status = o.refuse?.(ex, err) ?? crash(ex, err);
    }
    if (opened) o.record(opened.call, status);
  }

  function crash(ex: Exchange, err: unknown): number {
    o.serverErrors.push(`${ex.method} ${ex.url.pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    // A route that failed after it began answering: cut that answer short.
    if (ex.res.headersSent) ex.res.end();
    else if (o.crashBody === undefined) ex.res.writeHead(500).end();
    else o.send(ex, 500, o.crashBody, {});
    return 500;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void answer({ req, res, method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://fake'), body: Buffer.concat(chunks) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    // The only error close reports is a server closed already: a test may close a fake to make
    // the platform unreachable, and its cleanup closes it again.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Clients keep sockets alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** A fault in a fake's `faults` list: answers the next `times` requests whose key matches. */
export interface ListedFault<B = unknown> {
  /** Matched against "METHOD /path" unless the fake says otherwise. */
  match: RegExp;
  status: number;
  times: number;
  body?: B;
  retryAfter?: string;
}

export function takeListed(faults: ListedFault[], key: string): InjectedFault | undefined {
  const f = faults.find((x) => x.times > 0 && x.match.test(key));
  if (!f) return undefined;
  f.times -= 1;
  return { status: f.status, body: f.body, headers: f.retryAfter ? { 'retry-after': f.retryAfter } : {} };
}

/** A fault queued by a fake's `failNext(times, fault, match?)`. */
export interface NextFault {
  status: number;
  body?: unknown;
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
}

/** The faults `failNext` queued, each for the next requests its `match` accepts (all without one). */
export class FaultQueue<A extends unknown[]> {
  readonly #queued: { left: number; fault: NextFault; match?: (...args: A) => boolean }[] = [];

  add(times: number, fault: NextFault, match?: (...args: A) => boolean): void {
    this.#queued.push({ left: times, fault, match });
  }

  take(...args: A): InjectedFault | undefined {
    const q = this.#queued.find((f) => f.left > 0 && (!f.match || f.match(...args)));
    if (!q) return undefined;
    q.left -= 1;
    const { status, body, retryAfterSeconds, headers } = q.fault;
    return { status, body, headers: { ...headers, ...(retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {}) } };
  }
}
