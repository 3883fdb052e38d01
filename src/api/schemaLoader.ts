/** Loads schema.graphql (the API contract at the repository root) and binds the resolvers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.ts';

/** Absolute path of schema.graphql. */
export const SCHEMA_PATH: string = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/** The SDL text of schema.graphql. */
export function loadTypeDefs(path: string = SCHEMA_PATH): string {
  return readFileSync(path, 'utf8');
}

/**
 * The executable schema. Resolvers for fields missing from the SDL are an error, so the
 * contract and the code cannot drift apart silently.
 */
export function buildApiSchema(typeDefs: string = loadTypeDefs()): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
