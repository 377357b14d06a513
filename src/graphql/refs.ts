import type { CatalogView } from '../platforms/catalogView.ts';
import type { ApiKeyRow, LocationGroupRow, OrganizationRow, PlatformConnectionRow, Role, SuggestedEditRow, UserRow } from '../db/schema.ts';
import type { Decision } from '../fraud/model.ts';
import type { FraudCaseRow } from '../fraud/cases.ts';
import type { ListingView } from '../listings/views.ts';
import type { SyncRun } from '../listings/runs.ts';
import type { LocationRecord } from '../locations/repository.ts';
import { builder } from './builder.ts';

// Type references shared across features, declared here so that feature files can point at
// each other's types without importing each other.
export const OrganizationRef = builder.objectRef<OrganizationRow>('Organization');
export const LocationRef = builder.objectRef<LocationRecord>('Location');
export const LocationGroupRef = builder.objectRef<LocationGroupRow>('LocationGroup');
export const UserRef = builder.objectRef<UserRow>('User');
export const ApiKeyRef = builder.objectRef<ApiKeyRow>('ApiKey');
export const MemberRef = builder.objectRef<{ user: UserRow; role: Role }>('Member');

export const RoleEnum = builder.enumType('Role', {
  values: {
    OWNER: { description: 'Everything, including granting OWNER.' },
    ADMIN: { description: 'Everything but granting OWNER: members, API keys, store assignments, client organisations.' },
    EDITOR: { description: 'Create, edit, archive and bulk-import locations.' },
    STORE_MANAGER: { description: 'Read and edit only the locations or location groups assigned to them.' },
    VIEWER: { description: 'Read only.' },
  } as const,
});

export const ApiKeyRoleEnum = builder.enumType('ApiKeyRole', {
  values: ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'] as const,
});

export const PlatformConnectionRef = builder.objectRef<PlatformConnectionRow>('PlatformConnection');
export const PlatformRef = builder.objectRef<CatalogView>('Platform');
export const ListingRef = builder.objectRef<ListingView>('Listing');
export const SuggestedEditRef = builder.objectRef<SuggestedEditRow>('SuggestedEdit');
export const SyncRunRef = builder.objectRef<SyncRun>('SyncRun');

export const FraudDecisionRef = builder.objectRef<Decision>('FraudDecision');
export const FraudCaseRef = builder.objectRef<FraudCaseRow>('FraudCase');
