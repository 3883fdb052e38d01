/**
 * The parts of a write shared by the writer and `deleteArticle`: detaching an article's
 * mentions and statements, bringing the aggregate typed edges up to date (adding new
 * statements to them, or recounting them from the statements that remain), and removing
 * entities nothing refers to any more.
 *
 * The relationship type of an edge is its predicate. Recounts give it as a value to Neo4j
 * 5.26's dynamic type syntax `$(...)`, so one query serves every predicate; the hot path,
 * adding to edges, writes each type out in its own subquery (see ADD_TO_EDGES). Either way
 * each predicate is checked against the ontology's PREDICATES before it is sent.
 */
import { isPredicate, PREDICATES } from '../model.ts';
import type { ManagedTransaction } from './driver.ts';
import { identifier } from './identifier.ts';
import { planOnce } from './planOnce.ts';
import { toColumns } from './columns.ts';
import { distinctTriples, edgeKey, type EdgeIncrement, type Triple } from './rows.ts';

/** What ADD_TO_EDGES reads of each increment, sent as columns (columns.ts). */
const INCREMENT_COLUMNS = [
  'subject', 'object', 'support', 'statements', 'confidence', 'firstSeen', 'lastSeen', 'role', 'roleConfidence', 'roleStatement',
] as const satisfies readonly (keyof EdgeIncrement)[];

export interface Detached {
  /** Every (subject, predicate, object) the detached statements supported. */
  triples: Triple[];
  /**
   * Every entity the detached mentions pointed at (orphan candidates); a statement's ends are
   * among its article's mentions, so these cover them.
   */
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
  const deleted = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})-[:STATES]->(st:Statement)
     WITH st, st.subject AS subject, st.predicate AS predicate, st.object AS object
     DETACH DELETE st
     RETURN DISTINCT subject, predicate, object`,
    { ids: articleIds },
  );
  const triples: Triple[] = [];
  for (const record of deleted.records) {
    const predicate = record.get('predicate') as string;
    if (isPredicate(predicate)) triples.push({ subject: record.get('subject') as string, predicate, object: record.get('object') as string });
  }
  const mentioned = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})-[m:MENTIONS]->(e:Entity)
     DELETE m
     RETURN DISTINCT e.id AS entity`,
    { ids: articleIds },
  );
  const entityIds = mentioned.records.map((record) => record.get('entity') as string);
  if (deleteArticles) {
    await tx.run('UNWIND $ids AS id MATCH (a:Article {id: id}) DETACH DELETE a', { ids: articleIds });
  }
  return { triples, entityIds };
}

/**
 * Deletes the edge of each triple that no statement supports any more. The two ends are
 * sought first and the edge between them expanded into, so a busy entity is never scanned.
 */
const PRUNE_EDGES = `
  UNWIND $triples AS t
  MATCH (s:Entity {id: t.subject})
  MATCH (o:Entity {id: t.object})
  WITH t, s, o WHERE NOT EXISTS { MATCH (:Statement {edgeKey: t.key}) }
  CALL { WITH s, o, t MATCH (s)-[r]->(o) WHERE type(r) = t.predicate RETURN r }
  DELETE r`;

/**
 * Creates or updates the edge of each triple from all its statements, found by their indexed
 * `edgeKey`: the cost is the number of statements of that one edge, not of everything its
 * two entities ever said (a country can have tens of thousands).
 */
const RECOUNT_EDGES = `
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
       [x IN collect({role: st.role, confidence: st.confidence, id: st.id}) WHERE x.role IS NOT NULL][0] AS best
  MATCH (s:Entity {id: t.subject})
  MATCH (o:Entity {id: t.object})
  MERGE (s)-[r:$(t.predicate)]->(o)
  SET r.support = support,
      r.statements = statements,
      r.confidence = confidence,
      r.firstSeen = firstSeen,
      r.lastSeen = lastSeen,
      r.role = best.role,
      r.roleConfidence = best.confidence,
      r.roleStatement = best.id`;

/**
 * Adds new statements' share to each edge without reading the statements it already has.
 * Each right-hand side reads the property it sets, so Cypher locks the edge before reading
 * and concurrent ingests never lose an update. The role follows the statement first in role
 * order (comesFirstInRoleOrder in rows.ts), whose confidence and id the edge keeps; an edge
 * stored before it kept them keeps its role until it is recounted.
 */
const ADD_TO_EDGE = `
  ON CREATE SET r.support = c.support,
      r.statements = c.statements,
      r.confidence = c.confidence,
      r.firstSeen = c.firstSeen,
      r.lastSeen = c.lastSeen,
      r.role = c.role,
      r.roleConfidence = c.roleConfidence,
      r.roleStatement = c.roleStatement
  ON MATCH SET r.support = r.support + c.support,
      r.statements = r.statements + c.statements,
      r.confidence = CASE WHEN c.confidence > r.confidence THEN c.confidence ELSE r.confidence END,
      r.firstSeen = CASE WHEN r.firstSeen IS NULL OR c.firstSeen < r.firstSeen THEN coalesce(c.firstSeen, r.firstSeen) ELSE r.firstSeen END,
      r.lastSeen = CASE WHEN r.lastSeen IS NULL OR c.lastSeen > r.lastSeen THEN coalesce(c.lastSeen, r.lastSeen) ELSE r.lastSeen END,
      r += CASE
        WHEN c.role IS NOT NULL AND (r.role IS NULL OR c.roleConfidence > r.roleConfidence
             OR (c.roleConfidence = r.roleConfidence AND c.roleStatement < r.roleStatement))
        THEN {role: c.role, roleConfidence: c.roleConfidence, roleStatement: c.roleStatement}
        ELSE {} END`;

/**
 * ADD_TO_EDGE for every predicate, each in its own subquery over the parameter named after
 * it (that predicate's increments as columns, columns.ts), with the type written out: a
 * MERGE on a static type expands only that type's relationships between the two ends,
 * where the dynamic `$(...)` form expands them all.
 * The text is built once from the ontology's PREDICATES, never from input. Planned once per
 * server (planOnce.ts): planning it takes most of a second.
 */
const ADD_TO_EDGES = planOnce(PREDICATES.map(identifier).map((predicate) => `CALL {
    UNWIND range(0, size($${predicate}.subject) - 1) AS i
    WITH {${INCREMENT_COLUMNS.map((k) => `${k}: $${predicate}.${k}[i]`).join(', ')}} AS c
    MATCH (s:Entity {id: c.subject})
    MATCH (o:Entity {id: c.object})
    MERGE (s)-[r:${predicate}]->(o)${ADD_TO_EDGE}
  }`).join('\n'));

/** Throws unless every triple's predicate is one of PREDICATES (it becomes a relationship type). */
function checkPredicates(triples: readonly { predicate: string }[]): void {
  const bad = triples.find((t) => !isPredicate(t.predicate));
  if (bad) throw new Error(`not a predicate: ${String(bad.predicate)}`);
}

/**
 * Makes the typed edge of every triple agree with its statements: `support` = distinct
 * articles, `confidence` = max, `firstSeen`/`lastSeen` = min/max article `published`,
 * `role` = that of the most confident statement with one (the lower id on a tie); no
 * statement left, no edge.
 */
export async function recomputeEdges(tx: ManagedTransaction, triples: readonly Triple[]): Promise<void> {
  const distinct = distinctTriples(triples);
  if (distinct.length === 0) return;
  checkPredicates(distinct);
  const params = { triples: distinct.map((t) => ({ ...t, key: edgeKey(t.subject, t.predicate, t.object) })) };
  await tx.run(PRUNE_EDGES, params);
  await tx.run(RECOUNT_EDGES, params);
}

/**
 * Adds `increments` (statements new to their edges) to the edges, with the same result as
 * `recomputeEdges` over all of each edge's statements.
 */
export async function addToEdges(tx: ManagedTransaction, increments: readonly EdgeIncrement[]): Promise<void> {
  if (increments.length === 0) return;
  checkPredicates(increments);
  const byPredicate = new Map<string, EdgeIncrement[]>(PREDICATES.map((p) => [p, []]));
  for (const increment of increments) byPredicate.get(increment.predicate)?.push(increment);
  const params = Object.fromEntries([...byPredicate].map(([predicate, list]) => [predicate, toColumns(list, INCREMENT_COLUMNS)]));
  await tx.run(ADD_TO_EDGES, params);
}

/**
 * Deletes those of `entityIds` that no article mentions; returns how many. A statement's two
 * entities are always among those its own article mentions, so an entity no article
 * mentions is named by no statement either.
 */
export async function removeOrphans(tx: ManagedTransaction, entityIds: readonly string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     WHERE NOT EXISTS { (e)<-[:MENTIONS]-(:Article) }
     DETACH DELETE e
     RETURN count(*) AS removed`,
    { ids: [...new Set(entityIds)] },
  );
  return (result.records[0]?.get('removed') as number | undefined) ?? 0;
}
