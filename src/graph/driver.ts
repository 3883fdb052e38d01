/**
 * Driver lifecycle and transaction helpers. Every transaction names its database and
 * carries a timeout, so a stuck query fails instead of holding locks forever; the managed
 * `executeRead`/`executeWrite` retry transient errors (deadlocks, leader switches), and
 * `readQuery` retries its one auto-commit read a few times.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { isRetryableError, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { ConnectionConfig } from '../neo4j/config.ts';
import { coalesceBoltWrites } from './coalesceWrites.ts';

export type { ConnectionConfig };

export type { Driver, ManagedTransaction, Neo4jRecord };

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

/**
 * Calls `start`, a call that starts a query (`session.run`, `tx.run`), without the
 * driver's capture of the caller's stack trace.
 *
 * neo4j-driver formats the JavaScript stack of every query it starts, to put it on the
 * query's error should one come. Under tsx every frame of that stack is looked up in
 * source maps, and an API request's stack runs through Apollo, graphql-jit and DataLoader.
 * Measured on an entity with 20 relations, the capture took about 0.1 ms per query: 8% of
 * the API process's CPU in a profile, and the driver's round trip in the API was 0.1-0.15 ms
 * shorter without it. The errors of these queries still carry Neo4j's code and message,
 * and the message names the Cypher; only the JavaScript call site is missing.
 */
export function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Delays before each retry of a read query that failed with a retryable error. */
export const READ_RETRY_DELAYS_MS: readonly number[] = [100, 400, 1600];

/**
 * Runs one read query as an auto-commit transaction in READ mode on `database`, with a
 * timeout, and returns its records. The driver pipelines RUN and PULL in one round trip,
 * where a managed transaction adds BEGIN and a COMMIT round trip and its retry machinery
 * (figures in src/graph/README.md). For one query the snapshot is the same.
 * A retryable error (the driver's own test: deadlock, unavailable server) is retried after
 * each delay of `retryDelaysMs`; a read can always be run again.
 */
export async function readQuery(
  driver: Driver,
  database: string,
  cypher: string,
  params: Record<string, unknown> = {},
  options: TxOptions & { retryDelaysMs?: readonly number[] } = {},
): Promise<Neo4jRecord[]> {
  const delays = options.retryDelaysMs ?? READ_RETRY_DELAYS_MS;
  const runOnce = async (): Promise<Neo4jRecord[]> => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return (await withoutCallerStack(() => session.run(cypher, params, { timeout: options.timeoutMs ?? DEFAULT_TX_TIMEOUT_MS }))).records;
    } finally {
      await session.close();
    }
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await runOnce();
    } catch (err) {
      const delay = delays[attempt];
      if (delay === undefined || !isRetryableError(err)) throw err;
      await sleep(delay);
    }
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
