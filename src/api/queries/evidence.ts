/**
 * Read queries for Statement nodes: the evidence behind a relation, and everything one
 * article states. A symmetric relation's statements may name its ends in either order.
 */
import { PREDICATES, type Predicate } from '../../model.ts';
import { edgeKey } from '../../graph/rows.ts';
import { checkedPredicate } from './relations.ts';
import type { EvidenceRow } from '../rows.ts';
import { articleProjection, entityProjection, readRows, type ReadDb } from './cypher.ts';
import { overlapCondition } from './dates.ts';
import { articleRow, cypherInt, entityRow, num, optStr } from './values.ts';

export interface EvidenceKey {
  subject: string;
  predicate: Predicate;
  object: string;
  /** Also match statements that name subject and object the other way round. */
  symmetric: boolean;
  limit: number;
}

export interface ArticleStatementsKey {
  id: string;
  limit: number;
}

/** One page of an entity's timeline (field order fixed: it is the loader's cache key). */
export interface TimelineKey {
  id: string;
  from: string | null;
  to: string | null;
  predicates: Predicate[] | null;
  newestFirst: boolean;
  skip: number;
  limit: number;
}

export interface TimelinePage {
  total: number;
  rows: EvidenceRow[];
}

/** Binds `s` and `o` to the entities statement `st` names. */
const STATEMENT_ENDS = 'MATCH (s:Entity {id: st.subject}) MATCH (o:Entity {id: st.object})';

const EVIDENCE_MAP = `{
  id: st.id, sentence: st.sentence, start: st.start, end: st.end, confidence: st.confidence,
  predicate: st.predicate, role: st.role,
  subject: ${entityProjection('s')}, object: ${entityProjection('o')}, article: ${articleProjection('a')}
}`;

function evidenceRow(value: unknown): EvidenceRow {
  const p = value as Record<string, unknown>;
  return {
    id: String(p.id),
    sentence: optStr(p.sentence) ?? '',
    start: num(p.start),
    end: num(p.end),
    confidence: num(p.confidence),
    predicate: checkedPredicate(p.predicate),
    role: optStr(p.role),
    subject: entityRow(p.subject),
    object: entityRow(p.object),
    article: articleRow(p.article),
  };
}

function group(rows: Record<string, unknown>[], size: number): EvidenceRow[][] {
  const out: EvidenceRow[][] = Array.from({ length: size }, () => []);
  for (const r of rows) out[num(r.i)] = (r.evidence as unknown[]).map(evidenceRow);
  return out;
}

/** For each key, the statements of that relation: most confident first, then newest. */
export async function evidenceFor(db: ReadDb, keys: readonly EvidenceKey[]): Promise<EvidenceRow[][]> {
  const rows = await readRows(
    db,
    `UNWIND $keys AS k
     CALL (k) {
       MATCH (st:Statement {edgeKey: k.key})
       RETURN st
       UNION
       MATCH (st:Statement {edgeKey: k.reverseKey})
       RETURN st
     }
     ${STATEMENT_ENDS}
     MATCH (a:Article)-[:STATES]->(st)
     WITH k.i AS i, k.limit AS lim, st, s, o, a
     ORDER BY st.confidence DESC, coalesce(a.published, '') DESC, a.id, st.start
     WITH i, lim, collect(${EVIDENCE_MAP}) AS evidence
     RETURN i, evidence[0..lim] AS evidence`,
    {
      keys: keys.map((k, i) => ({
        i: cypherInt(i),
        key: edgeKey(k.subject, k.predicate, k.object),
        // A symmetric relation's statements may be stored the other way round.
        reverseKey: k.symmetric ? edgeKey(k.object, k.predicate, k.subject) : null,
        limit: cypherInt(k.limit),
      })),
    },
  );
  return group(rows, keys.length);
}

/** For each key, the statements the article makes, in text order. */
export async function statementsOfArticles(
  db: ReadDb,
  keys: readonly ArticleStatementsKey[],
): Promise<EvidenceRow[][]> {
  const rows = await readRows(
    db,
    `UNWIND $keys AS k
     MATCH (a:Article {id: k.id})-[:STATES]->(st:Statement)
     WHERE st.predicate IN $predicates
     ${STATEMENT_ENDS}
     WITH k.i AS i, k.limit AS lim, st, s, o, a
     ORDER BY st.start, st.end, st.predicate, st.id
     WITH i, lim, collect(${EVIDENCE_MAP}) AS evidence
     RETURN i, evidence[0..lim] AS evidence`,
    { keys: keys.map((k, i) => ({ i: cypherInt(i), id: k.id, limit: cypherInt(k.limit) })), predicates: [...PREDICATES] },
  );
  return group(rows, keys.length);
}

/**
 * For each key, a page of the statements naming the entity as subject or object, by
 * article date (undated last), with the number of all that match.
 */
export async function timelineOf(db: ReadDb, keys: readonly TimelineKey[]): Promise<TimelinePage[]> {
  const rows = await readRows(
    db,
    `UNWIND $keys AS k
     MATCH (e:Entity {id: k.id})
     CALL (e, k) {
       MATCH (e)-[r]-(:Entity)
       WHERE type(r) IN coalesce(k.predicates, $predicates)
       WITH DISTINCT startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS key
       MATCH (st:Statement {edgeKey: key})
       MATCH (a:Article)-[:STATES]->(st)
       WHERE ${overlapCondition('a.published', 'a.published', 'k.from', 'k.to')}
       ${STATEMENT_ENDS}
       WITH st, a, s, o
       ORDER BY a.published IS NULL,
                CASE WHEN k.newestFirst THEN a.published END DESC,
                CASE WHEN k.newestFirst THEN NULL ELSE a.published END,
                a.id, st.start, st.id
       WITH collect(${EVIDENCE_MAP}) AS evidence
       RETURN size(evidence) AS total, evidence[k.skip..k.skip + k.limit] AS evidence
     }
     RETURN k.i AS i, total, evidence`,
    {
      keys: keys.map((k, i) => ({ ...k, i: cypherInt(i), skip: cypherInt(k.skip), limit: cypherInt(k.limit) })),
      predicates: [...PREDICATES],
    },
  );
  const out: TimelinePage[] = keys.map(() => ({ total: 0, rows: [] }));
  for (const r of rows) out[num(r.i)] = { total: num(r.total), rows: (r.evidence as unknown[]).map(evidenceRow) };
  return out;
}
