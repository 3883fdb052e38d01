/**
 * Driver lifecycle and transaction helpers. Every transaction names its database and
 * carries a timeout, so a stuck query fails instead of holding locks forever; the managed
 * `executeRead`/`executeWrite` retry transient errors (deadlocks, leader switches).
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { ConnectionConfig } from '../neo4j/config.ts';
import { coalesceBoltWrites } from './coalesceWrites.ts';

export type { ConnectionConfig };

export type { Driver, ManagedTransaction };

/** Default transaction timeout; a batch of 50 articles takes well under a second. */
export const DEFAULT_TX_TIMEOUT_MS = 60_000;

export interface TxOptions {
  /** Server-side transaction timeout in milliseconds. */
  timeoutMs?: number;
}

/**
 * Opens a driver for `conn`. Integers come back as JS numbers (`disableLosslessIntegers`):
 * every count and offset in this graph is far below 2^53. Its connections send each flush
 * in one socket write (coalesceWrites.ts).
 */
export function openDriver(conn: ConnectionConfig): Driver {
  coalesceBoltWrites();
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: 30_000,
    connectionTimeout: 30_000,
    userAgent: 'govgraph',
  });
}

/** Runs `work` in a managed read transaction on `database`, with a timeout. */
export async function readTx<T>(
  driver: Driver,
  database: string,
  work: (tx: ManagedTransaction) => Promise<T>,
  options: TxOptions = {},
): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: options.timeoutMs ?? DEFAULT_TX_TIMEOUT_MS });
  } finally {
    await session.close();
  }
}

/** Runs `work` in a managed write transaction on `database`, with a timeout; all or nothing. */
export async function writeTx<T>(
  driver: Driver,
  database: string,
  work: (tx: ManagedTransaction) => Promise<T>,
  options: TxOptions = {},
): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work, { timeout: options.timeoutMs ?? DEFAULT_TX_TIMEOUT_MS });
  } finally {
    await session.close();
  }
}

/**
 * Runs one schema or admin statement in an auto-commit transaction (schema commands and
 * `CALL db.awaitIndexes()` cannot share a transaction with data writes).
 */
export async function runAutoCommit(
  driver: Driver,
  database: string,
  cypher: string,
  params: Record<string, unknown> = {},
  options: TxOptions = {},
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(cypher, params, { timeout: options.timeoutMs ?? DEFAULT_TX_TIMEOUT_MS });
  } finally {
    await session.close();
  }
}
