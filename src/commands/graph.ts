/**
 * Opens the graph the commands work on: ensures a Neo4j (local, provisioned on demand, or
 * the one NEO4J_URI names), opens a driver and applies the schema.
 */
import type { Driver } from 'neo4j-driver';
import { ensureNeo4j } from '../neo4j/ensure.ts';
import { openDriver } from '../graph/driver.ts';
import { applySchema } from '../graph/schema.ts';

export interface OpenGraph {
  driver: Driver;
  database: string;
  uri: string;
  close(): Promise<void>;
}

/** Ensures Neo4j is up, connects, and applies constraints and indexes (idempotent). */
export async function openGraph(log: (line: string) => void = (l) => console.error(l)): Promise<OpenGraph> {
  const conn = await ensureNeo4j(process.env, log);
  const driver = openDriver(conn);
  try {
    await driver.verifyConnectivity({ database: conn.database });
    await applySchema(driver, conn.database);
  } catch (err) {
    await driver.close();
    throw new Error(`cannot use Neo4j at ${conn.uri}: ${(err as Error).message}`);
  }
  return { driver, database: conn.database, uri: conn.uri, close: () => driver.close() };
}
