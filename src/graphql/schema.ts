import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './errors.ts';
import './node.ts';
import '../orgs/graphql.ts';
import '../auth/graphql.ts';
import '../locations/graphql/types.ts';
import '../locations/graphql/queries.ts';
import '../locations/graphql/mutations.ts';
import '../locations/graphql/vocabulary.ts';
import '../platforms/graphql.ts';
import '../platforms/catalogGraphql.ts';
import '../listings/graphql/types.ts';
import '../listings/graphql/mutations.ts';
import '../listings/graphql/network.ts';
import '../fraud/graphql/types.ts';
import '../fraud/graphql/screening.ts';
import '../fraud/graphql/cases.ts';
import '../fraud/graphql/admin.ts';
import '../reviews/graphql/types.ts';
import '../reviews/graphql/inbox.ts';
import '../reviews/graphql/mutations.ts';
import '../reviews/graphql/subscription.ts';

export const schema: GraphQLSchema = builder.toSchema();

/** The SDL checked in as schema.graphql, sorted so that diffs show only real changes. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
