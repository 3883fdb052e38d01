/** Read queries for entities: by id, by name or alias, mention counts, mentioning articles. */
import type { ArticleRow, EntityRow } from '../rows.ts';
import { articleProjection, entityProjection, inIdOrder, readRows, type ReadDb } from './cypher.ts';
import { articleRow, cypherInt, entityRow, num } from './values.ts';
import { ENTITY_NAMES_INDEX, escapeLucene } from './search.ts';

/** Entities by id, in the order of `ids` (null where there is none). */
export async function entitiesByIds(db: ReadDb, ids: readonly string[]): Promise<(EntityRow | null)[]> {
  const rows = await readRows(
    db,
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     RETURN id, ${entityProjection('e')} AS entity`,
    { ids: [...ids] },
  );
  return inIdOrder(ids, rows, (r) => entityRow(r.entity));
}

/**
 * The entity whose name or an alias equals `name`, case-insensitively; an exact name beats
 * an alias, then the most mentioned wins.
 */
export async function entityByName(db: ReadDb, name: string): Promise<EntityRow | null> {
  return lookupByName(db, name, false);
}

/** The country whose id, name, alias or ISO alpha-2 code equals `nameOrCode`, case-insensitively. */
export async function countryByNameOrCode(db: ReadDb, nameOrCode: string): Promise<EntityRow | null> {
  return lookupByName(db, nameOrCode, true);
}

/** Candidates the full-text index hands to the exact name check, at most. */
const NAME_CANDIDATES = 1000;

// Entities come from the full-text index (the whole text as one phrase, so only entities
// whose name or aliases contain its words in order), then the exact, case-insensitive
// check picks. The index and the phrase share one analyzer, so any exact match is among
// the candidates. Text without a letter or digit gives the analyzer nothing to look up;
// it, and country lookups (which also match ISO codes), scan the label instead.
function nameCandidates(countryOnly: boolean, text: string): string {
  if (countryOnly) return 'MATCH (e:Country)';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'MATCH (e:Entity)';
  return `CALL db.index.fulltext.queryNodes($index, $phrase, {limit: ${NAME_CANDIDATES}}) YIELD node AS e
     WITH e WHERE e:Entity`;
}

async function lookupByName(db: ReadDb, name: string, countryOnly: boolean): Promise<EntityRow | null> {
  const rows = await readRows(
    db,
    `${nameCandidates(countryOnly, name)}
     WITH e, toLower(trim($name)) AS wanted
     WHERE toLower(e.name) = wanted
        OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = wanted)
        OR ($byCode AND (toLower(e.code) = wanted OR e.id = wanted))
     WITH e, CASE WHEN toLower(e.name) = wanted THEN 0 ELSE 1 END AS rank
     OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Article)
     WITH e, rank, sum(coalesce(m.count, 0)) AS mentions
     ORDER BY rank, mentions DESC, e.id
     LIMIT 1
     RETURN ${entityProjection('e')} AS entity`,
    { name, byCode: countryOnly, index: ENTITY_NAMES_INDEX, phrase: `"${escapeLucene(name.trim().toLowerCase())}"` },
  );
  return rows[0] ? entityRow(rows[0].entity) : null;
}

/** Total mentions of each entity across all articles, in the order of `ids`. */
export async function mentionCounts(db: ReadDb, ids: readonly string[]): Promise<number[]> {
  const rows = await readRows(
    db,
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Article)
     RETURN id, sum(coalesce(m.count, 0)) AS count`,
    { ids: [...ids] },
  );
  const counts = new Map(rows.map((r) => [String(r.id), num(r.count)]));
  return ids.map((id) => counts.get(id) ?? 0);
}

export interface EntityArticlesKey {
  id: string;
  limit: number;
}

/** For each key, the articles mentioning the entity: most mentions first, then newest. */
export async function articlesMentioning(
  db: ReadDb,
  keys: readonly EntityArticlesKey[],
): Promise<ArticleRow[][]> {
  const rows = await readRows(
    db,
    `UNWIND $keys AS k
     MATCH (:Entity {id: k.id})<-[m:MENTIONS]-(a:Article)
     WITH k.i AS i, k.limit AS lim, a, m
     ORDER BY m.count DESC, coalesce(a.published, '') DESC, a.id
     WITH i, lim, collect(${articleProjection('a')}) AS articles
     RETURN i, articles[0..lim] AS articles`,
    { keys: keys.map((k, i) => ({ i: cypherInt(i), id: k.id, limit: cypherInt(k.limit) })) },
  );
  const out: ArticleRow[][] = keys.map(() => []);
  for (const r of rows) out[num(r.i)] = (r.articles as unknown[]).map(articleRow);
  return out;
}
