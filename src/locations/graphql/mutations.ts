import { builder } from '../../graphql/builder.ts';
import { requireCaller } from '../../graphql/auth.ts';
import { UserErrorRef } from '../../graphql/errors.ts';
import { idOf } from '../../graphql/ids.ts';
import { payloadType, toPayload, type Payload } from '../../graphql/payload.ts';
import { LocationGroupRef, LocationRef } from '../../graphql/refs.ts';
import { bulkUpsertLocations, MAX_BULK_ROWS, type BulkRowResult } from '../bulk.ts';
import { organizationNotFound, type FieldError } from '../model.ts';
import type { LocationRecord } from '../repository.ts';
import { createLocation, createLocationGroup, notFound, setArchived, updateLocation, type WriteResult } from '../service.ts';
import { LocationInput, LocationPatchInput } from './inputs.ts';

const LocationPayload = payloadType('LocationPayload', 'location', LocationRef);
const LocationGroupPayload = payloadType('LocationGroupPayload', 'group', LocationGroupRef);

function fromWrite(result: WriteResult): Payload<LocationRecord> {
  return toPayload(result.ok ? { ok: true, value: result.location } : result);
}

const missingOrg = (): Payload<never> => ({ value: null, errors: [organizationNotFound()] });

const BulkOutcomeEnum = builder.enumType('BulkOutcome', { values: ['CREATED', 'UPDATED', 'UNCHANGED', 'FAILED'] as const });

const BulkRowResultRef = builder.objectRef<BulkRowResult>('BulkRowResult').implement({
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position of the row in the input, from 0.' }),
    storeCode: t.exposeString('storeCode', { nullable: true }),
    outcome: t.field({ type: BulkOutcomeEnum, resolve: (r) => r.outcome }),
    location: t.field({ type: LocationRef, nullable: true, resolve: (r) => r.location }),
    errors: t.field({ type: [UserErrorRef], resolve: (r) => r.errors }),
  }),
});

interface BulkPayloadShape {
  rows: BulkRowResult[];
  errors: FieldError[];
}

const count = (rows: BulkRowResult[], outcome: BulkRowResult['outcome']) => rows.filter((r) => r.outcome === outcome).length;

const BulkPayloadRef = builder.objectRef<BulkPayloadShape>('BulkUpsertLocationsPayload').implement({
  fields: (t) => ({
    results: t.field({ type: [BulkRowResultRef], description: 'One per input row, in order.', resolve: (p) => p.rows }),
    created: t.int({ resolve: (p) => count(p.rows, 'CREATED') }),
    updated: t.int({ resolve: (p) => count(p.rows, 'UPDATED') }),
    unchanged: t.int({ resolve: (p) => count(p.rows, 'UNCHANGED') }),
    failed: t.int({ resolve: (p) => count(p.rows, 'FAILED') }),
    errors: t.field({ type: [UserErrorRef], description: 'Failures of the whole call (permission, size).', resolve: (p) => p.errors }),
  }),
});

const BulkRowInput = builder.inputType('BulkLocationRowInput', {
  fields: (f) => ({
    location: f.field({ type: LocationInput }),
    groups: f.stringList({ required: false, description: 'Group names; omitted leaves groups as they are.' }),
  }),
});

builder.mutationFields((t) => ({
  createLocation: t.field({
    type: LocationPayload,
    args: {
      input: t.arg({
        type: builder.inputType('CreateLocationInput', {
          fields: (f) => ({
            organizationId: f.id(),
            location: f.field({ type: LocationInput }),
            groups: f.stringList({ required: false, description: 'Group names; missing groups are created.' }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const orgId = idOf(String(input.organizationId), 'Organization');
      if (!orgId) return missingOrg();
      return fromWrite(await createLocation(ctx.db, ctx.access, { orgId, input: input.location, groups: input.groups ?? null }));
    },
  }),
  updateLocation: t.field({
    type: LocationPayload,
    description: 'Changes only the given fields, if the location is still at expectedVersion.',
    args: {
      input: t.arg({
        type: builder.inputType('UpdateLocationInput', {
          fields: (f) => ({
            id: f.id(),
            expectedVersion: f.int(),
            patch: f.field({ type: LocationPatchInput }),
            groups: f.stringList({ required: false }),
          }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const id = idOf(String(input.id), 'Location');
      if (!id) return { value: null, errors: [notFound()] };
      return fromWrite(
        await updateLocation(ctx.db, ctx.access, {
          id,
          expectedVersion: input.expectedVersion,
          patch: input.patch,
          groups: input.groups ?? null,
        }),
      );
    },
  }),
  bulkUpsertLocations: t.field({
    type: BulkPayloadRef,
    description: `Creates or updates up to ${MAX_BULK_ROWS} locations keyed by store code; each row is whole or not at all.`,
    args: {
      input: t.arg({
        type: builder.inputType('BulkUpsertLocationsInput', {
          fields: (f) => ({ organizationId: f.id(), rows: f.field({ type: [BulkRowInput] }) }),
        }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const orgId = idOf(String(input.organizationId), 'Organization');
      if (!orgId) return { rows: [], errors: missingOrg().errors };
      const result = await bulkUpsertLocations(
        ctx.db,
        ctx.access,
        orgId,
        input.rows.map((r) => ({ input: r.location, groups: r.groups ?? null })),
      );
      return result.ok ? { rows: result.rows, errors: [] } : { rows: [], errors: result.errors };
    },
  }),
  createLocationGroup: t.field({
    type: LocationGroupPayload,
    args: {
      input: t.arg({
        type: builder.inputType('CreateLocationGroupInput', { fields: (f) => ({ organizationId: f.id(), name: f.string() }) }),
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      requireCaller(ctx);
      const orgId = idOf(String(input.organizationId), 'Organization');
      if (!orgId) return missingOrg();
      return toPayload(await createLocationGroup(ctx.db, ctx.access, { orgId, name: input.name }));
    },
  }),
}));

function archiveField(archived: boolean): void {
  builder.mutationField(archived ? 'archiveLocation' : 'restoreLocation', (t) =>
    t.field({
      type: LocationPayload,
      description: archived ? 'Hides a location from lists and stops its syncing; restorable.' : 'Undoes archiveLocation.',
      args: {
        input: t.arg({
          type: builder.inputType(archived ? 'ArchiveLocationInput' : 'RestoreLocationInput', {
            fields: (f) => ({ id: f.id(), expectedVersion: f.int({ required: false }) }),
          }),
        }),
      },
      resolve: async (_r, { input }, ctx) => {
        requireCaller(ctx);
        const id = idOf(String(input.id), 'Location');
        if (!id) return { value: null, errors: [notFound()] };
        return fromWrite(await setArchived(ctx.db, ctx.access, { id, archived, expectedVersion: input.expectedVersion ?? null }));
      },
    }),
  );
}

archiveField(true);
archiveField(false);
