import { randomBytes } from 'node:crypto';
import { insertApiKey } from '../auth/service.ts';
import { encodeGlobalID } from '../graphql/ids.ts';
import { addOwner, createOrganization } from '../orgs/service.ts';
import { withDatabase } from './database.ts';

export async function orgCreate(opts: { name: string; agency?: boolean; agencyId?: string; ownerEmail: string }): Promise<void> {
  await withDatabase(async ({ db }) => {
    const org = await createOrganization(db, { name: opts.name, kind: opts.agency ? 'AGENCY' : 'BRAND', agencyId: opts.agencyId ?? null });
    if (!org.ok) {
      process.stderr.write(`${org.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    const password = randomBytes(12).toString('base64url');
    const owner = await addOwner(db, org.value.id, opts.ownerEmail, password);
    if (!owner.ok) {
      process.stderr.write(`${owner.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    const { key } = await insertApiKey(db, { orgId: org.value.id, name: 'created by tenpo org:create', role: 'OWNER', createdBy: owner.value.id });
    process.stdout.write(
      [
        `Organisation ${org.value.name} (${org.value.kind})`,
        `  id:        ${encodeGlobalID('Organization', org.value.id)}  (uuid ${org.value.id})`,
        `  owner:     ${owner.value.email}${owner.created ? ` / initial password ${password}` : ' (existing user)'}`,
        `  API key:   ${key}   (shown once)`,
        '',
      ].join('\n'),
    );
  });
}
