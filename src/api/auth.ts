/**
 * Who may change the graph: a caller presenting the server's API key, in the `x-api-key`
 * header or as `Authorization: Bearer <key>`. Keys are compared in constant time (over
 * their SHA-256 digests, so lengths leak nothing either). Without a configured key no one
 * may write.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

/** The outcome of checking a request's key. */
export type WriteAccess = 'granted' | 'no-key-configured' | 'missing' | 'invalid';

/** Request headers as Node's http module gives them (names lower-case). */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Name of the environment variable holding the API key. */
export const API_KEY_ENV = 'GOVGRAPH_API_KEY';

function firstHeader(headers: RequestHeaders, name: string): string | null {
  const value = headers[name];
  const text = typeof value === 'string' ? value : value?.[0];
  return text === undefined || text.trim() === '' ? null : text.trim();
}

/** The key a request presents: `x-api-key`, else a Bearer token; null when none. */
export function presentedKey(headers: RequestHeaders): string | null {
  const direct = firstHeader(headers, 'x-api-key');
  if (direct !== null) return direct;
  const bearer = /^Bearer\s+(\S+)$/i.exec(firstHeader(headers, 'authorization') ?? '');
  return bearer?.[1] ?? null;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Checks the key a request presents against the configured one (null or empty: none). */
export function checkWriteAccess(configured: string | null | undefined, headers: RequestHeaders): WriteAccess {
  if (!configured) return 'no-key-configured';
  const presented = presentedKey(headers);
  if (presented === null) return 'missing';
  return timingSafeEqual(digest(presented), digest(configured)) ? 'granted' : 'invalid';
}

/** Throws the error a mutation answers with unless access is granted. */
export function requireWriteAccess(access: WriteAccess): void {
  if (access === 'granted') return;
  if (access === 'no-key-configured') {
    throw new GraphQLError(
      `Mutations are disabled on this server: it has no API key. Start it with ${API_KEY_ENV} set to enable them.`,
      { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
    );
  }
  const what = access === 'missing' ? 'needs an API key' : 'was given an API key that is not valid';
  throw new GraphQLError(
    `This mutation ${what}: send the server's key in the "x-api-key" header or as "Authorization: Bearer <key>".`,
    { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
  );
}
