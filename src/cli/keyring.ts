import { randomBytes } from 'node:crypto';
import { generateKeySpec, needsRotation, reseal } from '../crypto/keyring.ts';
import { env, keyring } from '../env.ts';
import { withDatabase } from './database.ts';

/** `tenpo keyring:new`: a fresh key entry; prepend it to TENPO_KEYRING to rotate. */
export function keyringNew(): void {
  process.stdout.write(`${generateKeySpec(`k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(2).toString('hex')}`)}\n`);
}

/** `tenpo keyring:reseal`: re-encrypts every stored credential with the current key, so older keys can be dropped. */
export async function keyringReseal(): Promise<void> {
  const ring = keyring(env());
  await withDatabase(async ({ db }) => {
    const rows = await db.selectFrom('platform_connections').select(['id', 'credentials']).execute();
    let resealed = 0;
    for (const row of rows) {
      if (!needsRotation(ring, row.credentials)) continue;
      const sealed = reseal(ring, row.credentials, `platform_connections:${row.id}`);
      await db.updateTable('platform_connections').set({ credentials: sealed }).where('id', '=', row.id).where('credentials', '=', row.credentials).execute();
      resealed += 1;
    }
    process.stdout.write(`${resealed} of ${rows.length} credentials resealed with key "${ring.currentKid}"\n`);
  });
}
