/**
 * Every GraphQL document the dashboard sends is valid against schema.graphql and within the
 * server's query limits, so a renamed field or a too-deep selection fails here rather than in
 * a store manager's browser. Documents on the reviews API are checked once the schema has it.
 */
import { readFileSync } from 'node:fs';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { buildSchema, Lexer, parse, Source, TokenKind, validate, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as adminOps from '../../src/dashboard/app/api/adminOps.ts';
import type { Operation } from '../../src/dashboard/app/api/client.ts';
import * as locationOps from '../../src/dashboard/app/api/locationOps.ts';
import * as reviewOps from '../../src/dashboard/app/api/reviewOps.ts';
import * as sessionOps from '../../src/dashboard/app/api/sessionOps.ts';
import { QUERY_LIMITS } from '../../src/graphql/yoga.ts';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const organization = schema.getType('Organization') as GraphQLObjectType;
const hasReviewsApi = 'reviews' in organization.getFields();

function operationsOf(module: Record<string, unknown>): [string, Operation<unknown, unknown>][] {
  return Object.entries(module).filter((entry): entry is [string, Operation<unknown, unknown>] => {
    const value = entry[1];
    return typeof value === 'object' && value !== null && 'source' in value && typeof value.source === 'string';
  });
}

function tokenCount(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

function check(source: string): void {
  expect(tokenCount(source)).toBeLessThanOrEqual(QUERY_LIMITS.tokens);
  const errors = validate(schema, parse(source)).concat(
    validate(schema, parse(source), [
      maxDepthRule({ n: QUERY_LIMITS.depth }),
      maxAliasesRule({ n: QUERY_LIMITS.aliases }),
      costLimitRule({ maxCost: QUERY_LIMITS.cost }),
    ]),
  );
  expect(errors.map((e) => e.message)).toEqual([]);
}

describe('dashboard operations on the existing API', () => {
  for (const [name, operation] of [...operationsOf(sessionOps), ...operationsOf(locationOps)]) {
    it(name, () => check(operation.source));
  }
});

describe.skipIf(!hasReviewsApi)('dashboard operations on the reviews API', () => {
  for (const [name, operation] of [...operationsOf(reviewOps), ...operationsOf(adminOps)]) {
    it(name, () => check(operation.source));
  }
});
