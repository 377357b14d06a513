/**
 * The long tail of the platform network: one validated JSON manifest per platform in this
 * folder, named by its id (the ids of ../shared/platforms.csv), run by the runtime
 * (connectors/runtime/standard). Deep connectors keep their manifests in their own folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestError, parseManifest, type ConnectorManifest } from '../runtime/manifest.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));

let cached: readonly ConnectorManifest[] | null = null;

/** Every catalog manifest, validated; throws ManifestError listing every bad file at once. */
export function catalogManifests(): readonly ConnectorManifest[] {
  if (cached) return cached;
  const manifests: ConnectorManifest[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    try {
      const manifest = parseManifest(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
      if (`${manifest.id}.json` !== file) problems.push(`${file}: holds "${manifest.id}"; name the file after the id`);
      manifests.push(manifest);
    } catch (err) {
      if (!(err instanceof ManifestError) && !(err instanceof SyntaxError)) throw err;
      problems.push(`${file}: ${err.message}`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid platform catalog:\n${problems.join('\n')}`);
  cached = manifests;
  return manifests;
}
