/**
 * Read queries for Statement nodes: the evidence behind a relation, and everything one
 * article states. A symmetric relation's statements may name its ends in either order.
 */
import { PREDICATES, type Predicate } from '../../model.ts';
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
       MATCH (s:Entity {id: k.subject})<-[:SUBJECT]-(st:Statement)-[:OBJECT]->(o:Entity {id: k.object})
       WHERE st.predicate = k.predicate
       RETURN st, s, o
       UNION
       MATCH (s:Entity {id: k.object})<-[:SUBJECT]-(st:Statement)-[:OBJECT]->(o:Entity {id: k.subject})
       WHERE k.symmetric AND st.predicate = k.predicate
       RETURN st, s, o
     }
     MATCH (a:Article)-[:STATES]->(st)
     WITH k.i AS i, k.limit AS lim, st, s, o, a
     ORDER BY st.confidence DESC, coalesce(a.published, '') DESC, a.id, st.start
     WITH i, lim, collect(${EVIDENCE_MAP}) AS evidence
     RETURN i, evidence[0..lim] AS evidence`,
    {
      keys: keys.map((k, i) => ({
        i: cypherInt(i),
        subject: k.subject,
        predicate: k.predicate,
        object: k.object,
        symmetric: k.symmetric,
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
     MATCH (st)-[:SUBJECT]->(s:Entity), (st)-[:OBJECT]->(o:Entity)
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
       MATCH (e)<-[:SUBJECT|OBJECT]-(st:Statement)<-[:STATES]-(a:Article)
       WHERE (k.predicates IS NULL OR st.predicate IN k.predicates)
         AND ${overlapCondition('a.published', 'a.published', 'k.from', 'k.to')}
       WITH DISTINCT st, a
       MATCH (st)-[:SUBJECT]->(s:Entity), (st)-[:OBJECT]->(o:Entity)
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
    },
  );
  const out: TimelinePage[] = keys.map(() => ({ total: 0, rows: [] }));
  for (const r of rows) out[num(r.i)] = { total: num(r.total), rows: (r.evidence as unknown[]).map(evidenceRow) };
  return out;
}
