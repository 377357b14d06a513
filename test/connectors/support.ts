/** What every connector spec needs: a valid store, the runtime's call without quotas, a failure. */
import { expect } from 'vitest';
import type { CallOptions, Connector, PlatformCall } from '../../connectors/runtime/connector.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import type { LocationData } from '../../src/locations/model.ts';
import { validateLocation } from '../../src/locations/validate.ts';
import { tokyoStore } from '../support/fixtures.ts';

/** A validated location: the Tokyo fixture with `overrides` (GraphQL input shape). */
export function location(overrides: Record<string, unknown> = {}): LocationData {
  const result = validateLocation(tokyoStore('TKY-001', overrides));
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export interface TestCall {
  call: PlatformCall;
  /** The options of every call made, in order. */
  readonly options: CallOptions[];
}

/** The runtime's contract without quotas: run `fn` with a timeout, classify what it throws. */
export function testCall(conn: Pick<Connector, 'classifyError'>, timeoutMs = 5000): TestCall {
  const options: CallOptions[] = [];
  const call = (async (opts: CallOptions, fn: Parameters<PlatformCall>[1]) => {
    options.push(opts);
    try {
      return await fn({ signal: AbortSignal.timeout(timeoutMs), timeoutMs });
    } catch (e) {
      throw conn.classifyError(e);
    }
  }) as PlatformCall;
  return { call, options };
}

/** The PlatformError a promise must reject with. */
export async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const e = await p.then(
    () => new Error('expected a failure'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PlatformError);
  return e as PlatformError;
}
