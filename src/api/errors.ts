/**
 * What an API client may see of an error. User mistakes (bad arguments, invalid queries)
 * keep their message and code; anything else, including every database error, becomes a
 * generic message so that neither stack traces nor Cypher ever leave the server.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Error codes whose messages are written for the client and safe to pass through. */
const CLIENT_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** A BAD_USER_INPUT error that names the offending argument in message and extensions. */
export function badArgument(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${problem}`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}

/** Where internal errors are reported; Apollo's logger fits. */
export interface ErrorLog {
  error(message: string): void;
}

function neo4jCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Reading `stack` runs Error.prepareStackTrace, which test runners replace and which can throw.
  try {
    return error.stack ?? `${error.name}: ${error.message}`;
  } catch {
    return `${error.name}: ${error.message}`;
  }
}

// Logging must never change what the client gets, so a failing logger is ignored.
function report(log: ErrorLog, formatted: GraphQLFormattedError, original: unknown): void {
  try {
    const where = formatted.path ? ` at ${formatted.path.join('.')}` : '';
    log.error(`GraphQL internal error${where}: ${describe(original)}`);
  } catch {
    // nothing sensible left to do
  }
}

/** Builds Apollo's `formatError`: client errors pass, the rest are logged and masked. */
export function createFormatError(log: ErrorLog): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : '';
    const base = { locations: formatted.locations, path: formatted.path };
    if (CLIENT_CODES.has(code)) {
      const argument = formatted.extensions?.argument;
      return {
        ...base,
        message: formatted.message,
        extensions: typeof argument === 'string' ? { code, argument } : { code },
      };
    }
    const original = unwrapResolverError(error);
    const dbCode = neo4jCode(original);
    report(log, formatted, original);
    if (dbCode === 'ServiceUnavailable' || dbCode === 'SessionExpired') {
      return { ...base, message: 'The graph database is unavailable; try again later.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (dbCode.includes('TransactionTimedOut')) {
      return { ...base, message: 'The query took too long and was stopped; ask for less.', extensions: { code: 'QUERY_TIMEOUT' } };
    }
    return { ...base, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
