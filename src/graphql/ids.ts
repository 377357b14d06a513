import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { isUuid } from '../lib/ids.ts';

export { encodeGlobalID };

/**
 * The database id behind a Relay global id of the given type, or null for anything else:
 * a malformed id, another type's id, or garbage. Callers answer null with NOT_FOUND, the same
 * answer as for an id that exists in another tenant.
 */
export function idOf(globalId: string, typename: string): string | null {
  try {
    const { typename: actual, id } = decodeGlobalID(globalId);
    return actual === typename && isUuid(id) ? id : null;
  } catch {
    return null;
  }
}
