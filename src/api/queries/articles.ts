/** Read queries for articles: a page of articles, articles by id, an article's mentions. */
import type { ArticleRow, MentionRow } from '../rows.ts';
import { articleProjection, entityProjection, readRows, type ReadDb } from './cypher.ts';
import { articleRow, cypherInt, entityRow, num } from './values.ts';

/** A page of articles, newest published first, undated last, ties by id. */
export async function listArticles(db: ReadDb, limit: number, offset: number): Promise<ArticleRow[]> {
  const rows = await readRows(
    db,
    `MATCH (a:Article)
     WITH a ORDER BY a.published IS NULL, a.published DESC, a.id
     SKIP $offset LIMIT $limit
     RETURN ${articleProjection('a')} AS article`,
    { limit: cypherInt(limit), offset: cypherInt(offset) },
  );
  return rows.map((r) => articleRow(r.article));
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
  const found = new Map(rows.map((r) => [String(r.id), articleRow(r.article)]));
  return ids.map((id) => found.get(id) ?? null);
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
