import { GraphQLError } from 'graphql';
import { findOrganization, visibleOrganizations } from '../orgs/service.ts';
import type { Context } from './context.ts';
import { idOf } from './ids.ts';

/** The organisation a top-level call means: the one named, or the caller's only one. */
export async function targetOrganization(ctx: Context, organizationId: string | null | undefined): Promise<{ id: string } | null> {
  const p = ctx.access.principal;
  // A brand's API key has exactly one organisation: no need to ask the database which.
  if (!organizationId && p.kind === 'API_KEY' && p.orgKind === 'BRAND') return { id: p.orgId };
  if (organizationId) {
    const id = idOf(organizationId, 'Organization');
    const org = id ? await findOrganization(ctx.db, id) : null;
    return org && (await ctx.access.roleIn(org.id)) ? org : null;
  }
  const orgs = await visibleOrganizations(ctx.db, ctx.access);
  if (orgs.length === 1) return orgs[0]!;
  throw new GraphQLError('You belong to several organisations: pass organizationId.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
