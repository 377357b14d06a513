import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, Role } from '../db/schema.ts';
import type { Principal } from './principal.ts';

export type Permission =
  | 'read'
  /** Edit a location's content (a STORE_MANAGER only for their own stores). */
  | 'editLocation'
  /** Create, archive, restore, bulk upsert, import, manage groups. */
  | 'manageLocations'
  /** Members, API keys, store-manager assignments, client organisations; fraud rules, lists, settings. */
  | 'administer'
  /** Call the screening API (checkout and login flows). */
  | 'screen'
  /** Read fraud decisions, work the case queue, label decisions. */
  | 'reviewFraud'
  /** Write and delete replies to reviews, report fake ones (a STORE_MANAGER only for their own stores). */
  | 'replyReviews'
  /** Approve or reject replies held by the approval rule; reply templates and the rule itself. */
  | 'approveReplies';

const GRANTS: Record<Permission, readonly Role[]> = {
  read: ['OWNER', 'ADMIN', 'EDITOR', 'STORE_MANAGER', 'VIEWER'],
  editLocation: ['OWNER', 'ADMIN', 'EDITOR', 'STORE_MANAGER'],
  manageLocations: ['OWNER', 'ADMIN', 'EDITOR'],
  administer: ['OWNER', 'ADMIN'],
  screen: ['OWNER', 'ADMIN', 'EDITOR'],
  reviewFraud: ['OWNER', 'ADMIN', 'EDITOR'],
  replyReviews: ['OWNER', 'ADMIN', 'EDITOR', 'STORE_MANAGER'],
  approveReplies: ['OWNER', 'ADMIN'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/**
 * What one request's caller may see and do. A role held in an agency applies in each of its
 * client organisations; nothing applies the other way, nor between clients. Answers are
 * memoized for the request, so resolvers can ask freely.
 */
export class Access {
  private memberships: Promise<Map<string, Role>> | undefined;
  private readonly roles = new Map<string, Promise<Role | null>>();

  constructor(
    private readonly db: Db,
    readonly principal: Principal,
  ) {}

  get isAuthenticated(): boolean {
    return this.principal.kind !== 'ANONYMOUS';
  }

  /** The caller's role in an organisation, or null when it may not see it at all. */
  roleIn(orgId: string): Promise<Role | null> {
    let role = this.roles.get(orgId);
    if (!role) {
      role = this.resolveRole(orgId);
      this.roles.set(orgId, role);
    }
    return role;
  }

  async can(orgId: string, permission: Permission): Promise<boolean> {
    const role = await this.roleIn(orgId);
    return role !== null && roleGrants(role, permission);
  }

  /** The user whose store assignments limit what this caller sees in the org, or null when unlimited. */
  async storeManagerIn(orgId: string): Promise<string | null> {
    const role = await this.roleIn(orgId);
    return role === 'STORE_MANAGER' && this.principal.kind === 'USER' ? this.principal.userId : null;
  }

  async canSeeLocation(location: { id: string; org_id: string }): Promise<boolean> {
    const role = await this.roleIn(location.org_id);
    if (!role) return false;
    const managerId = await this.storeManagerIn(location.org_id);
    if (!managerId) return true;
    const row = await this.db
      .selectFrom('locations')
      .select('id')
      .where('id', '=', location.id)
      .where((eb) => assignedTo(eb, managerId))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Organisations the caller belongs to directly, with their roles. */
  directMemberships(): Promise<Map<string, Role>> {
    this.memberships ??= this.loadMemberships();
    return this.memberships;
  }

  private async loadMemberships(): Promise<Map<string, Role>> {
    const p = this.principal;
    if (p.kind === 'API_KEY') return new Map([[p.orgId, p.role]]);
    if (p.kind === 'ANONYMOUS') return new Map();
    const rows = await this.db
      .selectFrom('memberships')
      .select(['org_id', 'role'])
      .where('user_id', '=', p.userId)
      .execute();
    return new Map(rows.map((r) => [r.org_id, r.role]));
  }

  private async resolveRole(orgId: string): Promise<Role | null> {
    const memberships = await this.directMemberships();
    const direct = memberships.get(orgId);
    if (direct) return direct;
    if (memberships.size === 0) return null;
    const org = await this.db
      .selectFrom('organizations')
      .select('agency_id')
      .where('id', '=', orgId)
      .executeTakeFirst();
    return org?.agency_id ? (memberships.get(org.agency_id) ?? null) : null;
  }
}

/** A location filter for a store manager: assigned directly, or through one of its groups. */
export function assignedTo(eb: ExpressionBuilder<Database, 'locations'>, userId: string) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('store_manager_assignments as a')
        .select('a.id')
        .whereRef('a.location_id', '=', 'locations.id')
        .where('a.user_id', '=', userId),
    ),
    eb.exists(
      eb
        .selectFrom('store_manager_assignments as a')
        .innerJoin('location_group_members as m', 'm.group_id', 'a.group_id')
        .select('a.id')
        .whereRef('m.location_id', '=', 'locations.id')
        .where('a.user_id', '=', userId),
    ),
  ]);
}
