/**
 * Every request the fake received, in arrival order, with how it was answered. Tests query it to
 * assert what a client sent (masks, bodies, paging) and in what order.
 */
import { parseMask } from './fieldMask.ts';

export type Outcome = 'ok' | 'error' | 'quota' | 'fault' | 'hang' | 'reset';

export interface RecordedCall {
  /** 1-based arrival number. */
  seq: number;
  /** Fake-clock time (epoch ms) of arrival. */
  at: number;
  method: string;
  /** Decoded path without the query, e.g. `/v1/locations/123`. */
  path: string;
  query: Record<string, string>;
  /** `query.updateMask` split into paths, for PATCH calls. */
  updateMask?: string[];
  /** Parsed JSON body, the form fields of a token request, or undefined. */
  body: unknown;
  api: string;
  /** HTTP status answered; undefined while pending, and for hang/reset. */
  status?: number;
  outcome?: Outcome;
}

export interface CallFilter {
  method?: string;
  path?: string | RegExp;
  api?: string;
  outcome?: Outcome;
}

export class Recorder {
  readonly calls: RecordedCall[] = [];
  private seq = 0;

  start(call: Omit<RecordedCall, 'seq' | 'updateMask'>): RecordedCall {
    const recorded: RecordedCall = { seq: ++this.seq, ...call };
    if (call.query.updateMask !== undefined) recorded.updateMask = parseMask(call.query.updateMask);
    this.calls.push(recorded);
    return recorded;
  }

  find(filter: CallFilter = {}): RecordedCall[] {
    return this.calls.filter(
      (c) =>
        (filter.method === undefined || c.method === filter.method.toUpperCase()) &&
        (filter.api === undefined || c.api === filter.api) &&
        (filter.outcome === undefined || c.outcome === filter.outcome) &&
        (filter.path === undefined || (typeof filter.path === 'string' ? c.path === filter.path : filter.path.test(c.path))),
    );
  }

  clear(): void {
    this.calls.length = 0;
  }
}
