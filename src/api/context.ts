/** The per-request GraphQL context: where to read, and that request's loaders. */
import type { Driver } from 'neo4j-driver';
import { API_TX_TIMEOUT_MS, type ReadDb } from './queries/cypher.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface ApiContext {
  db: ReadDb;
  loaders: Loaders;
}

/** A fresh context for one request against `database`. */
export function createContext(driver: Driver, database: string, timeoutMs = API_TX_TIMEOUT_MS): ApiContext {
  const db: ReadDb = { driver, database, timeoutMs };
  return { db, loaders: createLoaders(db) };
}
