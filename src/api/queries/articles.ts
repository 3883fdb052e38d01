/** Read queries for articles: filtered pages, articles by id, an article's mentions and relations. */
import type { ArticleRow, MentionRow, RelationRow } from '../rows.ts';
import { articleProjection, entityProjection, inIdOrder, readRows, type ReadDb } from './cypher.ts';
import { overlapCondition, type DateBounds } from './dates.ts';
import { relationMap, relationRow } from './relations.ts';
import { articleRow, cypherInt, entityRow, num } from './values.ts';

export interface ArticleListSpec {
  /** Case-insensitive substring of the title. */
  text: string | null;
  published: DateBounds | null;
  source: string | null;
  /** Id of an entity the articles must mention. */
  mentions: string | null;
}

/** No filter: every article. */
export const ALL_ARTICLES: ArticleListSpec = { text: null, published: null, source: null, mentions: null };

function matchArticles(spec: ArticleListSpec): string {
  const start = spec.mentions === null ? 'MATCH (a:Article)' : 'MATCH (:Entity {id: $mentions})<-[:MENTIONS]-(a:Article)';
  return `${start}
    WHERE ($text IS NULL OR toLower(a.title) CONTAINS $text)
      AND ($source IS NULL OR a.source = $source)
      AND ${overlapCondition('a.published', 'a.published', '$from', '$to')}`;
}

function articleParams(spec: ArticleListSpec): Record<string, unknown> {
  return {
    text: spec.text === null ? null : spec.text.toLowerCase(),
    source: spec.source,
    mentions: spec.mentions,
    from: spec.published?.from ?? null,
    to: spec.published?.to ?? null,
  };
}

/** A page of matching articles, newest published first, undated last, ties by id. */
export async function listArticles(db: ReadDb, spec: ArticleListSpec, skip: number, limit: number): Promise<ArticleRow[]> {
  const rows = await readRows(
    db,
    `${matchArticles(spec)}
     WITH a ORDER BY a.published IS NULL, a.published DESC, a.id
     SKIP $skip LIMIT $limit
     RETURN ${articleProjection('a')} AS article`,
    { ...articleParams(spec), limit: cypherInt(limit), skip: cypherInt(skip) },
  );
  return rows.map((r) => articleRow(r.article));
}

/** How many articles match. */
export async function countArticles(db: ReadDb, spec: ArticleListSpec): Promise<number> {
  const rows = await readRows(db, `${matchArticles(spec)} RETURN count(a) AS total`, articleParams(spec));
  return num(rows[0]?.total);
}

/** Articles by id, in the order of `ids` (null where there is none). */
export async function articlesByIds(db: ReadDb, ids: readonly string[]): Promise<(ArticleRow | null)[]> {
  const rows = await readRows(
    db,
    `UNWIND $ids AS id
     MATCH (a:Article {id: id})
     RETURN id, ${articleProjection('a')} AS article`,
    { ids: [...ids] },
  );
  return inIdOrder(ids, rows, (r) => articleRow(r.article));
}

/** For each article id, the entities it mentions with counts, most mentioned first. */
export async function mentionsOfArticles(db: ReadDb, ids: readonly string[]): Promise<MentionRow[][]> {
  const rows = await readRows(
    db,
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[m:MENTIONS]->(e:Entity)
     WITH id, m, e ORDER BY m.count DESC, e.name
     RETURN id, collect({count: m.count, entity: ${entityProjection('e')}}) AS mentions`,
    { ids: [...ids] },
  );
  const found = new Map(
    rows.map((r) => [
      String(r.id),
      (r.mentions as Record<string, unknown>[]).map((m) => ({ entity: entityRow(m.entity), count: num(m.count) })),
    ]),
  );
  return ids.map((id) => found.get(id) ?? []);
}

export interface ArticleRelationsKey {
  id: string;
  limit: number;
}

/** For each key, the relations the article's statements support, most supported first. */
export async function relationsOfArticles(db: ReadDb, keys: readonly ArticleRelationsKey[]): Promise<RelationRow[][]> {
  const rows = await readRows(
    db,
    `UNWIND $keys AS k
     CALL (k) {
       MATCH (:Article {id: k.id})-[:STATES]->(st:Statement)
       WITH DISTINCT st.predicate AS predicate, st.subject AS subject, st.object AS object
       MATCH (s:Entity {id: subject})
       MATCH (o:Entity {id: object})
       MATCH (s)-[r]->(o)
       WHERE type(r) = predicate
       WITH s, r, o ORDER BY r.support DESC, r.confidence DESC, s.name, type(r), o.name
       WITH collect({self: ${entityProjection('s')}, relation: ${relationMap('r', 's', 'o')}}) AS relations
       RETURN relations[0..k.limit] AS relations
     }
     RETURN k.i AS i, relations`,
    { keys: keys.map((k, i) => ({ i: cypherInt(i), id: k.id, limit: cypherInt(k.limit) })) },
  );
  const out: RelationRow[][] = keys.map(() => []);
  for (const r of rows) {
    out[num(r.i)] = (r.relations as Record<string, unknown>[]).map((x) =>
      relationRow(entityRow(x.self), x.relation as Record<string, unknown>),
    );
  }
  return out;
}
