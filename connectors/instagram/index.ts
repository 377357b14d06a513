/**
 * The Instagram connector: an Instagram professional account's contact options and location
 * come from its linked Facebook Page, so this connector writes that Page with the Facebook
 * connector's modules (imported, not copied) and reads the Instagram profile to link and confirm
 * the account. See project.ts for what can and cannot reach Instagram.
 */
import type { ConnectorWith } from '../runtime/connector.ts';
import { makeClassifyError } from '../facebook/errors.ts';
import { verify } from '../facebook/readBack.ts';
import { toLocationPatch as pageToLocationPatch } from '../facebook/reversePatch.ts';
import { GraphSession, openGraphSession, parseFacebookCredentials } from '../facebook/session.ts';
import type { FacebookConfig } from '../facebook/session.ts';
import { deliver, discover, readBack } from './listing.ts';
import { instagramManifest } from './manifest.ts';
import { FIELDS, INSTAGRAM_KEYS, project } from './project.ts';

export type InstagramConfig = Omit<FacebookConfig, 'ratingsApiVersion'>;
export { instagramManifest } from './manifest.ts';

export function createInstagramConnector(config: InstagramConfig = {}): ConnectorWith<GraphSession, 'deliver' | 'readBack' | 'discover'> {
  return {
    manifest: instagramManifest,
    fields: FIELDS,
    parseCredentials: (input) => ({ ...parseFacebookCredentials(input, 'Instagram') }),
    openSession: (input) => openGraphSession(config, instagramManifest.baseUrl as string, input, 'Instagram'),
    verify: (session, call, account) => verify(session, call, account, 'Instagram'),
    discover,
    project,
    deliver,
    readBack,
    toLocationPatch: (key, value, current) => ((INSTAGRAM_KEYS as readonly string[]).includes(key) ? pageToLocationPatch(key, value, current) : null),
    classifyError: makeClassifyError('Instagram'),
  };
}
