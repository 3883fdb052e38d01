/**
 * Test-side access to the Neo4j that test/globalSetup.ts started (or the external one named
 * by NEO4J_URI): the connection comes from vitest's inject('neo4j').
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { coalesceBoltWrites } from '../../../src/graph/coalesceWrites.ts';
import type { ConnectionConfig } from '../../../src/neo4j/config.ts';

/** The connection provided by the integration project's globalSetup. */
export function testConnection(): ConnectionConfig {
  return inject('neo4j');
}

/** The database the tests use (`neo4j` unless NEO4J_DATABASE says otherwise). */
export function testDatabase(): string {
  return testConnection().database;
}

/**
 * Opens a driver to the test server (integers as JS numbers and coalesced socket writes, like
 * src/graph's driver); close it in afterAll.
 */
export function testDriver(): Driver {
  coalesceBoltWrites();
  const conn = testConnection();
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 30_000,
    userAgent: 'govgraph-tests',
  });
}

/** Deletes every node and relationship in the test database, in batches (schema is kept). */
export async function clearDatabase(driver: Driver, database: string = testDatabase()): Promise<void> {
  // CALL { ... } IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** `driver` wrapped to count the sessions it opens and the Cypher queries they run (auto-commit, or in managed read transactions). */
export function countingDriver(driver: Driver): { driver: Driver; sessions: () => number; queries: () => number } {
  let sessions = 0;
  let queries = 0;
  const bind = (target: object, value: unknown): unknown =>
    typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  const countRuns = (tx: object): object =>
    new Proxy(tx, {
      get(t, prop) {
        const value: unknown = Reflect.get(t, prop);
        if (prop !== 'run' || typeof value !== 'function') return bind(t, value);
        return (...args: unknown[]) => {
          queries += 1;
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  // Queries run in managed read transactions, and auto-commit queries on the session itself.
  const countReads = (session: object): object =>
    countRuns(new Proxy(session, {
      get(s, prop) {
        const value: unknown = Reflect.get(s, prop);
        if (prop !== 'executeRead' || typeof value !== 'function') return bind(s, value);
        return (work: (tx: object) => unknown, config: unknown) =>
          (value as (w: unknown, c: unknown) => unknown).call(s, (tx: object) => work(countRuns(tx)), config);
      },
    }));
  const counting = new Proxy(driver, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop !== 'session' || typeof value !== 'function') return bind(target, value);
      return (...args: unknown[]) => {
        sessions += 1;
        return countReads((value as (...a: unknown[]) => object).apply(target, args));
      };
    },
  });
  return { driver: counting, sessions: () => sessions, queries: () => queries };
}
