/**
 * Constraints and indexes of the graph. Every statement is `IF NOT EXISTS`, so applying
 * the schema again is a no-op. The unique constraints are what make the writer's MERGEs
 * safe under concurrent ingest: two transactions cannot both create `country:cn`.
 */
import { runAutoCommit, type Driver } from './driver.ts';

/** The schema statements, in the order they are applied. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)',
  'CREATE INDEX statement_edge_key IF NOT EXISTS FOR (n:Statement) ON (n.edgeKey)',
  'CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]',
  // Earlier versions indexed Statement.predicate; no query seeks by it, and every write paid for it.
  'DROP INDEX statement_predicate IF EXISTS',
];

/** How long to wait for new indexes to come online, in seconds. */
const AWAIT_INDEXES_SECONDS = 300;

/** Creates the constraints and indexes if missing and waits until all indexes are online. */
export async function applySchema(driver: Driver, database: string): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await runAutoCommit(driver, database, statement);
  }
  await runAutoCommit(driver, database, `CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})`, {}, {
    timeoutMs: (AWAIT_INDEXES_SECONDS + 10) * 1000,
  });
  // Statements stored before edge keys existed get theirs, in rows.ts's edgeKey() format
  // (none missing: an index lookup, no work).
  await runAutoCommit(
    driver,
    database,
    `MATCH (st:Statement) WHERE st.edgeKey IS NULL
     CALL { WITH st MATCH (x:Entity)<-[:SUBJECT]-(st)-[:OBJECT]->(y:Entity)
            SET st.edgeKey = x.id + '|' + st.predicate + '|' + y.id } IN TRANSACTIONS OF 10000 ROWS`,
    {},
    { timeoutMs: 600_000 },
  );
}
