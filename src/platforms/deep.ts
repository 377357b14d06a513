import type { ConnectorManifest } from '../../connectors/runtime/manifest.ts';
import { googleManifest } from '../../connectors/google/manifest.ts';

/** The manifests of the platforms with a connector of their own, configured here or not. */
export function deepManifests(): ConnectorManifest[] {
  return [googleManifest];
}
