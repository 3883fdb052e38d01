/**
 * Writes a generated graph (bench/seedGraph.ts) into Neo4j fast: the same graph model as
 * src/graph/writer.ts, but CREATE in batched `UNWIND $rows` transactions on an empty
 * database instead of the writer's per-article MERGE and recompute. A marker node records
 * the configuration, so a second run on the same data dir reuses the graph.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { applySchema } from '../src/graph/schema.ts';
import { PREDICATES, isPredicate } from '../src/model.ts';
import { generateArticles, generateEntities, generateRelations, type SeedConfig } from './seedGraph.ts';

/** Rows per write transaction. */
const BATCH = 10_000;

export interface SeedReport {
  reused: boolean;
  seconds: number;
  nodes: number;
  relationships: number;
  /** Of which typed (ontology) relations. */
  typedRelationships: number;
}

type Log = (line: string) => void;

async function write(driver: Driver, database: string, cypher: string, params: Record<string, unknown>): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite((tx) => tx.run(cypher, params), { timeout: 300_000 });
  } finally {
    await session.close();
  }
}

async function inBatches<T>(rows: readonly T[], each: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await each(rows.slice(i, i + BATCH));
}

async function readOne(driver: Driver, database: string, cypher: string): Promise<Record<string, unknown> | undefined> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.run(cypher)).records[0]?.toObject();
  } finally {
    await session.close();
  }
}

/** Deletes everything, relationships first, in bounded transactions. */
async function clear(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS');
  } finally {
    await session.close();
  }
}

/** The graph model the seeded data follows; a graph seeded under another one is reseeded. */
const SEED_MODEL = 2;

/** Seeds `database` with the generated graph of `config` unless it already holds exactly that. */
export async function seedGraph(driver: Driver, database: string, config: SeedConfig, log: Log, force = false): Promise<SeedReport> {
  const key = JSON.stringify({ model: SEED_MODEL, ...config });
  const counts = async (): Promise<Pick<SeedReport, 'nodes' | 'relationships' | 'typedRelationships'>> => {
    const row = await readOne(driver, database, `CALL () { MATCH (n) RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
      ${PREDICATES.map((p, i) => `CALL () { MATCH ()-[r:${p}]->() RETURN count(r) AS c${i} }`).join('\n')}
      RETURN nodes, relationships, ${PREDICATES.map((_, i) => `c${i}`).join(' + ')} AS typed`);
    return { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0), typedRelationships: Number(row?.typed ?? 0) };
  };
  const meta = await readOne(driver, database, "MATCH (m:BenchMeta {key: 'seed'}) RETURN m.config AS config");
  if (!force && meta?.config === key) return { reused: true, seconds: 0, ...(await counts()) };

  const started = performance.now();
  log('seed: clearing the bench database...');
  await clear(driver, database);
  await applySchema(driver, database);
  const entities = generateEntities(config);
  const relations = generateRelations(config, entities);
  const articles = generateArticles(config, entities, relations);
  log(`seed: generated in ${((performance.now() - started) / 1000).toFixed(1)} s; writing...`);

  const writeStart = performance.now();
  await inBatches(entities.map((e) => ({ ...e, aliasText: e.aliases.join(' | ') })), (rows) =>
    write(driver, database, `UNWIND $rows AS r
      CREATE (e:Entity {id: r.id, name: r.name, type: r.type, aliases: r.aliases, aliasText: r.aliasText, code: r.code})
      SET e:$(r.type)`, { rows }),
  );
  log(`seed: ${entities.length} entities`);
  for (const [predicate, list] of relations) {
    if (!isPredicate(predicate)) continue;
    await inBatches(list, (rows) =>
      write(driver, database, `UNWIND $rows AS r
        MATCH (s:Entity {id: r.s}) MATCH (o:Entity {id: r.o})
        CREATE (s)-[:${predicate} {support: r.support, statements: r.statements, confidence: r.confidence,
                                   firstSeen: r.firstSeen, lastSeen: r.lastSeen}]->(o)`, { rows }),
    );
    log(`seed: ${list.length} ${predicate}`);
  }
  await inBatches(articles, (rows) =>
    write(driver, database, `UNWIND $rows AS r
      CREATE (a:Article {id: r.id, title: r.title, url: r.url, source: r.source, published: r.published, contentHash: r.id})
      WITH a, r
      UNWIND r.mentions AS m
      MATCH (e:Entity {id: m.entity})
      CREATE (a)-[:MENTIONS {count: m.count, offsets: [0, 1]}]->(e)`, { rows }),
  );
  await inBatches(articles.flatMap((a) => a.statements), (rows) =>
    write(driver, database, `UNWIND $rows AS r
      MATCH (a:Article {id: r.article})
      CREATE (a)-[:STATES]->(:Statement {id: r.id, predicate: r.predicate, subject: r.subject, object: r.object,
                                         confidence: r.confidence, start: 0, end: size(r.sentence), sentence: r.sentence,
                                         role: null, edgeKey: r.subject + '|' + r.predicate + '|' + r.object})`, { rows }),
  );
  log(`seed: ${articles.length} articles with mentions and statements`);
  await write(driver, database, "MERGE (m:BenchMeta {key: 'seed'}) SET m.config = $key", { key });
  const seconds = (performance.now() - started) / 1000;
  const result = { reused: false, seconds, ...(await counts()) };
  const writeSeconds = (performance.now() - writeStart) / 1000;
  log(`seed: wrote ${result.nodes} nodes and ${result.relationships} relationships in ${writeSeconds.toFixed(1)} s ` +
    `(${Math.round(result.relationships / writeSeconds)} relationships/s)`);
  return result;
}
