/** The per-request GraphQL context: where to read and write, that request's loaders, and its access. */
import type { Driver } from 'neo4j-driver';
import type { WriteAccess } from './auth.ts';
import { API_TX_TIMEOUT_MS, type ReadDb } from './queries/cypher.ts';
import { Loaders } from './loaders.ts';

/** Timeout of a mutation's write transaction. */
export const API_WRITE_TIMEOUT_MS = 60_000;

export interface ApiContext {
  db: ReadDb;
  loaders: Loaders;
  /** Whether this request may run mutations. */
  access: WriteAccess;
  /** Server-side timeout of write transactions, in milliseconds. */
  writeTimeoutMs: number;
}

/** A fresh context for one request against `database`. */
export function createContext(
  driver: Driver,
  database: string,
  access: WriteAccess = 'no-key-configured',
  timeoutMs = API_TX_TIMEOUT_MS,
): ApiContext {
  const db: ReadDb = { driver, database, timeoutMs };
  return { db, loaders: new Loaders(db), access, writeTimeoutMs: API_WRITE_TIMEOUT_MS };
}
