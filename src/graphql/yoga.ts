import { randomUUID } from 'node:crypto';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { Access } from '../auth/access.ts';
import { authenticate } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { Context } from './context.ts';
import type { FraudEngine } from '../fraud/engine.ts';
import type { Engine } from '../listings/engine.ts';
import { createLoaders } from './loaders.ts';
import { schema } from './schema.ts';

/** Limits that keep one request from costing the server more than a page of real work. */
export const QUERY_LIMITS = { depth: 12, aliases: 30, tokens: 3000, cost: 20_000 } as const;

const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

export interface ServerContext {
  requestId?: string;
}

export function createGraphQL(options: { db: Db; log: Logger; production: boolean; engine?: Engine | undefined; fraud?: FraudEngine | undefined }): YogaServerInstance<ServerContext, Context> {
  const { db, log, production, engine, fraud } = options;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: production ? false : { title: 'Tenpo GraphQL', defaultQuery: '{ viewer { kind organizations { id name } } }' },
    logging: false,
    maskedErrors: {
      // Errors we throw on purpose (GraphQLError) pass through; anything else is logged with an
      // id the client can quote, and shown only as that id.
      maskError(error, message, isDev) {
        const masked = maskError(error, message, isDev);
        if (masked === error) return masked;
        const errorId = randomUUID();
        log.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error, errorId }, 'unexpected error in a GraphQL request');
        return new GraphQLError(`${message} (error id ${errorId})`, {
          path: error instanceof GraphQLError ? error.path : undefined,
          extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
        });
      },
    },
    plugins: [
      // graphql-jit hands a subscription's `subscribe` the variables instead of its arguments;
      // subscriptions are long-lived, so compiling them gains nothing anyway.
      useGraphQlJit({}, { enableIf: ({ document }) => !document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'subscription') }),
      maxTokensPlugin({ n: QUERY_LIMITS.tokens }),
      maxDepthPlugin({ n: QUERY_LIMITS.depth, ignoreIntrospection: true }),
      maxAliasesPlugin({ n: QUERY_LIMITS.aliases }),
      costLimitPlugin({ maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true }),
      ...(production ? [noIntrospection] : []),
    ],
    context: async ({ request, requestId }) => {
      const id = requestId ?? randomUUID();
      const requestLog = log.child({ requestId: id });
      const principal = await authenticate(db, request.headers.get('authorization'), requestLog);
      if ('failure' in principal) {
        throw new GraphQLError(
          principal.failure === 'MALFORMED'
            ? 'The Authorization header must be "Bearer <API key or session token>".'
            : 'The API key or session token is not valid (revoked, expired or unknown).',
          { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
        );
      }
      return { db, access: new Access(db, principal), log: requestLog, requestId: id, loaders: createLoaders(db), engine, fraud };
    },
  });
}
