/**
 * The Tripadvisor connector: `createTripadvisorConnector(config)`. The listing half (credentials,
 * verify, discover, project, deliver, read-back) is the runtime's standard connector on the
 * publisher protocol with this manifest's rules; what is Tripadvisor's own is the Content API
 * reviews half and its errors.
 */
import type { ConnectorWith, JsonValue } from '../runtime/connector.ts';
import { createManifestConnector } from '../runtime/standard/connector.ts';
import { classifyContentError, ContentApiError } from './content.ts';
import { tripadvisorManifest } from './manifest.ts';
import { project } from './project.ts';
import { tripadvisorReviews } from './reviews.ts';
import { TripadvisorSession, type TripadvisorConfig } from './session.ts';

export type { TripadvisorConfig } from './session.ts';
export { TripadvisorSession } from './session.ts';
export { tripadvisorManifest } from './manifest.ts';

const languageOf = (settings: Readonly<Record<string, JsonValue>>): string => (typeof settings.language === 'string' && /^[a-z]{2}(?:_[A-Z]{2})?$/.test(settings.language) ? settings.language : 'en');

export function createTripadvisorConnector(config: TripadvisorConfig): ConnectorWith<TripadvisorSession, 'deliver' | 'readBack' | 'reviews' | 'discover'> {
  const base = createManifestConnector(tripadvisorManifest);
  const { deliver, readBack, discover } = base;
  if (!deliver || !readBack || !discover) throw new Error('the publisher protocol delivers, reads back and discovers');
  const content = { baseUrl: config.baseUrl ?? tripadvisorManifest.baseUrl ?? 'https://api.content.tripadvisor.com/api/v1', key: config.contentApiKey };
  return {
    manifest: tripadvisorManifest,
    fields: base.fields,
    parseCredentials: base.parseCredentials,
    openSession: (input) => new TripadvisorSession(base.openSession(input), content, languageOf(input.settings)),
    verify: (session, call, account) => base.verify(session.listings, call, account),
    discover: (session, call, account) => discover(session.listings, call, account),
    project,
    deliver: (session, call, req) => deliver(session.listings, call, req),
    readBack: (session, call, id) => readBack(session.listings, call, id),
    toLocationPatch: base.toLocationPatch,
    classifyError: (err) => (err instanceof ContentApiError ? classifyContentError(err) : base.classifyError(err)),
    reviews: tripadvisorReviews,
  };
}
