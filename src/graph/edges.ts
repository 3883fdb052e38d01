/**
 * The parts of a write shared by the writer and `deleteArticle`: detaching an article's
 * mentions and statements, recomputing the aggregate typed edges from the statements that
 * remain, and removing entities nothing refers to any more.
 *
 * Relationship types cannot be query parameters. Each typed-edge query is a constant
 * template instantiated once per predicate from the fixed PREDICATES list (`edgeQueries`),
 * so a type name never comes from input and the planner sees a static type.
 */
import { PREDICATES, isPredicate, type Predicate } from '../model.ts';
import type { ManagedTransaction } from './driver.ts';
import { distinctTriples, edgeKey, type Triple } from './rows.ts';

export interface Detached {
  /** Every (subject, predicate, object) the detached statements supported. */
  triples: Triple[];
  /** Every entity the detached mentions and statements pointed at (orphan candidates). */
  entityIds: string[];
}

/**
 * Removes the MENTIONS and Statements of `articleIds` (and the Article nodes themselves when
 * `deleteArticles`), returning what they touched so the caller can recompute and clean up.
 */
export async function detachArticles(
  tx: ManagedTransaction,
  articleIds: readonly string[],
  deleteArticles: boolean,
): Promise<Detached> {
  if (articleIds.length === 0) return { triples: [], entityIds: [] };
  const touched = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})-[:STATES]->(st:Statement)
     MATCH (st)-[:SUBJECT]->(s:Entity)
     MATCH (st)-[:OBJECT]->(o:Entity)
     RETURN DISTINCT s.id AS subject, st.predicate AS predicate, o.id AS object`,
    { ids: articleIds },
  );
  const triples: Triple[] = [];
  const entityIds = new Set<string>();
  for (const record of touched.records) {
    const subject = record.get('subject') as string;
    const predicate = record.get('predicate') as string;
    const object = record.get('object') as string;
    entityIds.add(subject).add(object);
    if (isPredicate(predicate)) triples.push({ subject, predicate, object });
  }
  const mentioned = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})-[m:MENTIONS]->(e:Entity)
     DELETE m
     RETURN DISTINCT e.id AS entity`,
    { ids: articleIds },
  );
  for (const record of mentioned.records) entityIds.add(record.get('entity') as string);
  await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})-[:STATES]->(st:Statement)
     DETACH DELETE st`,
    { ids: articleIds },
  );
  if (deleteArticles) {
    await tx.run('UNWIND $ids AS id MATCH (a:Article {id: id}) DETACH DELETE a', { ids: articleIds });
  }
  return { triples: distinctTriples(triples), entityIds: [...entityIds] };
}

interface EdgeQueries {
  /** Deletes the edge of each triple that no statement supports any more. */
  prune: string;
  /** Creates or updates the edge of each triple from its statements. */
  upsert: string;
}

/**
 * The two constant queries for one predicate; `predicate` must be one of PREDICATES.
 * Statements are found by their indexed `edgeKey` ("subject|PREDICATE|object"), so the cost
 * of a recompute is the number of statements of that one edge, not of everything its two
 * entities ever said (a country can have tens of thousands).
 */
function edgeQueries(predicate: Predicate): EdgeQueries {
  if (!isPredicate(predicate)) throw new Error(`not a predicate: ${String(predicate)}`);
  return {
    prune: `
      UNWIND $triples AS t
      MATCH (s:Entity {id: t.subject})-[r:${predicate}]->(o:Entity {id: t.object})
      WHERE NOT EXISTS { MATCH (:Statement {edgeKey: t.key}) }
      DELETE r`,
    upsert: `
      UNWIND $triples AS t
      MATCH (st:Statement {edgeKey: t.key})
      MATCH (a:Article)-[:STATES]->(st)
      WITH t, st, a
      ORDER BY st.confidence DESC, st.id
      WITH t,
           count(DISTINCT a) AS support,
           count(DISTINCT st) AS statements,
           max(st.confidence) AS confidence,
           min(a.published) AS firstSeen,
           max(a.published) AS lastSeen,
           [role IN collect(st.role) WHERE role IS NOT NULL][0] AS role
      MATCH (s:Entity {id: t.subject})
      MATCH (o:Entity {id: t.object})
      MERGE (s)-[r:${predicate}]->(o)
      SET r.support = support,
          r.statements = statements,
          r.confidence = confidence,
          r.firstSeen = firstSeen,
          r.lastSeen = lastSeen,
          r.role = role`,
  };
}

const EDGE_QUERIES: ReadonlyMap<Predicate, EdgeQueries> = new Map(PREDICATES.map((p) => [p, edgeQueries(p)]));

/**
 * Makes the typed edge of every triple agree with its statements: `support` = distinct
 * articles, `confidence` = max, `firstSeen`/`lastSeen` = min/max article `published`,
 * `role` = that of the most confident statement with one; no statement left, no edge.
 */
export async function recomputeEdges(tx: ManagedTransaction, triples: readonly Triple[]): Promise<void> {
  const byPredicate = new Map<Predicate, Triple[]>();
  for (const t of distinctTriples(triples)) {
    const list = byPredicate.get(t.predicate) ?? [];
    list.push(t);
    byPredicate.set(t.predicate, list);
  }
  for (const [predicate, list] of byPredicate) {
    const queries = EDGE_QUERIES.get(predicate);
    if (!queries) continue;
    const params = { triples: list.map(({ subject, object }) => ({ subject, object, key: edgeKey(subject, predicate, object) })) };
    await tx.run(queries.prune, params);
    await tx.run(queries.upsert, params);
  }
}

/** Deletes those of `entityIds` that no article mentions and no statement refers to; returns how many. */
export async function removeOrphans(tx: ManagedTransaction, entityIds: readonly string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     WHERE NOT EXISTS { (e)<-[:MENTIONS]-(:Article) }
       AND NOT EXISTS { (e)<-[:SUBJECT|OBJECT]-(:Statement) }
     DETACH DELETE e
     RETURN count(*) AS removed`,
    { ids: [...new Set(entityIds)] },
  );
  return (result.records[0]?.get('removed') as number | undefined) ?? 0;
}
