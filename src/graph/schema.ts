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
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)',
  'CREATE INDEX statement_edge_key IF NOT EXISTS FOR (n:Statement) ON (n.edgeKey)',
  'CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]',
  // Earlier versions indexed Statement.predicate and made Statement.id unique. No query seeks
  // by either, and every write paid for both; a statement's id is unique by construction (a
  // hash over its article, predicate, ends and span, written once under the article's lock).
  'DROP INDEX statement_predicate IF EXISTS',
  'DROP CONSTRAINT statement_id IF EXISTS',
];

/**
 * Brings statements stored by earlier versions, which linked their ends with SUBJECT and
 * OBJECT relationships (and, earlier still, had no edgeKey), to the current model: ends as
 * `subject`/`object` ids, the links removed. Found through the relationship type index, so
 * with nothing left to migrate it costs one index lookup.
 */
const MIGRATE_STATEMENT_ENDS = `
  MATCH (st:Statement)-[:SUBJECT]->(:Entity)
  CALL (st) {
    MATCH (x:Entity)<-[rs:SUBJECT]-(st)-[ro:OBJECT]->(y:Entity)
    SET st.subject = x.id, st.object = y.id, st.edgeKey = x.id + '|' + st.predicate + '|' + y.id
    DELETE rs, ro
  } IN TRANSACTIONS OF 5000 ROWS`;

/** How long to wait for new indexes to come online, in seconds. */
const AWAIT_INDEXES_SECONDS = 300;

/**
 * Creates the constraints and indexes if missing, waits until all indexes are online, and
 * migrates statements stored in an earlier model.
 */
export async function applySchema(driver: Driver, database: string): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await runAutoCommit(driver, database, statement);
  }
  await runAutoCommit(driver, database, `CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})`, {}, {
    timeoutMs: (AWAIT_INDEXES_SECONDS + 10) * 1000,
  });
  await runAutoCommit(driver, database, MIGRATE_STATEMENT_ENDS, {}, { timeoutMs: 600_000 });
}
