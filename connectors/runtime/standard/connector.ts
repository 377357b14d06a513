import { z } from 'zod';
import type { LocationData } from '../../../src/locations/model.ts';
import type {
  Connector,
  Credentials,
  DeliverRequest,
  DeliverResult,
  JsonValue,
  PlatformCall,
  PlatformListingSummary,
  ReadBackResult,
  SessionInput,
  VerifiedAccount,
} from '../connector.ts';
import { PlatformError } from '../errors.ts';
import type { ConnectorManifest } from '../manifest.ts';
import { classifyPublisherError, publisherRequest, type PublisherEndpoint } from '../publisher/http.ts';
import { csvFeed } from './feed.ts';
import { projectStandard, standardFields } from './project.ts';

/**
 * A connector made from a manifest alone: the runtime's standard projection and rules, and the
 * delivery the manifest names (publisher protocol, CSV feed, an aggregator, or a person).
 */

const keyCredentials = z.strictObject({ apiKey: z.string().min(8) });
const noCredentials = z.strictObject({});

export interface StandardSession {
  readonly platform: ConnectorManifest;
  /** Present for publisher and feed delivery. */
  readonly target: PublisherEndpoint | null;
}

function needsKey(manifest: ConnectorManifest): boolean {
  return manifest.delivery.kind === 'publisher' || manifest.delivery.kind === 'feed';
}

function endpointOf(manifest: ConnectorManifest, settings: SessionInput['settings']): string {
  const endpoint = settings.endpoint;
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) {
    throw new PlatformError('INVALID', `Set the ${manifest.name} endpoint from your partner agreement in the connection settings ("endpoint": "https://…").`, {
      rule: `${manifest.id}.settings.endpoint`,
    });
  }
  return endpoint;
}

const stateOf = (body: JsonValue): { id: string; state: string; url: string | null } => {
  const o = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, JsonValue>;
  if (typeof o.id !== 'string' || (o.state !== 'LIVE' && o.state !== 'IN_REVIEW')) {
    throw new PlatformError('PERMANENT', 'The partner answered without a listing id and state (tenpo-publisher/1).', { platformMessage: JSON.stringify(body).slice(0, 200) });
  }
  return { id: o.id, state: o.state, url: typeof o.url === 'string' ? o.url : null };
};

export function createManifestConnector(manifest: ConnectorManifest): Connector<StandardSession> {
  if (manifest.delivery.kind === 'connector') throw new Error(`${manifest.id} is delivered by its own connector code, not from its manifest`);
  const fields = standardFields(manifest);
  const classifyError = (error: unknown) => classifyPublisherError(manifest, error);
  const target = (session: StandardSession): PublisherEndpoint => {
    if (!session.target) throw new PlatformError('PERMANENT', `${manifest.name} is not reached over HTTP.`);
    return session.target;
  };

  const connector: Connector<StandardSession> = {
    manifest,
    fields,
    parseCredentials(input: unknown): Credentials {
      const schema = needsKey(manifest) ? keyCredentials : noCredentials;
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) {
        const expected = needsKey(manifest) ? 'an "apiKey" of at least 8 characters' : 'no credentials';
        throw new PlatformError('INVALID', `${manifest.name} takes ${expected}.`, { rule: `${manifest.id}.credentials.shape` });
      }
      return parsed.data;
    },
    openSession({ credentials, settings }) {
      if (!needsKey(manifest)) return { platform: manifest, target: null };
      return { platform: manifest, target: { endpoint: endpointOf(manifest, settings), apiKey: String(credentials.apiKey) } };
    },
    async verify(session, call): Promise<VerifiedAccount> {
      if (!session.target) return { externalAccount: manifest.id, displayName: manifest.name };
      const body = await call({ kind: 'read' }, ({ signal }) => publisherRequest(target(session), { method: 'GET', path: '/v1/account', signal }));
      const o = (body ?? {}) as Record<string, JsonValue>;
      if (typeof o.id !== 'string') throw new PlatformError('INVALID', `${manifest.name} did not say which account the key belongs to.`);
      return { externalAccount: o.id, displayName: typeof o.name === 'string' ? o.name : manifest.name };
    },
    project: (location: LocationData) => projectStandard(manifest, location),
    toLocationPatch(key, value) {
      if (key === 'name' && typeof value === 'string') return { name: value };
      if (key === 'website') return { website: typeof value === 'string' ? value : null };
      if (key === 'description') return { description: typeof value === 'string' ? value : null };
      return null;
    },
    classifyError,
  };

  if (manifest.delivery.kind === 'publisher') {
    connector.discover = async function* (session: StandardSession, call: PlatformCall): AsyncIterable<PlatformListingSummary> {
      let cursor: string | null = '';
      while (cursor !== null) {
        const path = `/v1/listings${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = (await call({ kind: 'read' }, ({ signal }) => publisherRequest(target(session), { method: 'GET', path, signal }))) as {
          items?: { id: string; storeCode: string | null; name: string; url: string | null }[];
          nextCursor?: string | null;
        };
        for (const item of page.items ?? []) yield { platformListingId: item.id, storeCode: item.storeCode, title: item.name, publicUrl: item.url };
        cursor = page.nextCursor ?? null;
      }
    };
    connector.deliver = async (session: StandardSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> => {
      const storeCode = req.storeCode;
      const body = req.platformListingId
        ? await call({ kind: 'edit', listingKey: req.platformListingId }, ({ signal }) =>
            publisherRequest(target(session), {
              method: 'PATCH',
              path: `/v1/listings/${encodeURIComponent(req.platformListingId!)}`,
              json: Object.fromEntries(req.changed.map((k) => [k, req.projection[k] ?? null])),
              signal,
            }),
          )
        : await call({ kind: 'create' }, ({ signal }) =>
            publisherRequest(target(session), {
              method: 'PUT',
              path: `/v1/listings/by-store-code/${encodeURIComponent(storeCode)}`,
              json: { listing: req.projection },
              headers: { 'idempotency-key': req.requestId },
              signal,
            }),
          );
      const state = stateOf(body);
      return { platformListingId: state.id, publicUrl: state.url, status: state.state === 'LIVE' ? 'IN_SYNC' : 'SUBMITTED' };
    };
    connector.readBack = async (session: StandardSession, call: PlatformCall, platformListingId: string): Promise<ReadBackResult> => {
      const body = await call({ kind: 'read' }, ({ signal }) =>
        publisherRequest(target(session), { method: 'GET', path: `/v1/listings/${encodeURIComponent(platformListingId)}`, signal }),
      );
      const state = stateOf(body);
      const o = body as { listing?: Record<string, JsonValue>; pendingEdits?: Record<string, JsonValue> };
      return { current: o.listing ?? {}, platformEdits: o.pendingEdits ?? {}, publicUrl: state.url, status: state.state === 'LIVE' ? 'IN_SYNC' : 'SUBMITTED' };
    };
  }
  if (manifest.delivery.kind === 'feed') connector.feed = csvFeed(manifest, manifest.delivery, target);
  return connector;
}
