/**
 * Full-text entity search over the `entityNames` index (name and aliasText). User text is
 * turned into a Lucene query here, with every special character escaped.
 */
import type { EntityType } from '../../model.ts';
import type { SearchHitRow } from '../rows.ts';
import { entityProjection, readRows, type ReadDb } from './cypher.ts';
import { cypherInt, entityRow, num } from './values.ts';

/** Name of the full-text index, created by src/graph/schema.ts. */
export const ENTITY_NAMES_INDEX = 'entityNames';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Words beyond this are ignored: a longer query costs more and finds nothing better. */
const MAX_WORDS = 12;
/** Shorter words are not expanded as prefixes (they would match too much). */
const MIN_PREFIX_LENGTH = 3;

/** Escapes every Lucene query-syntax character in `text`. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

/**
 * A Lucene query for `text`: the whole text as a boosted phrase, each word as a term, and
 * each word of 3+ characters as a prefix. Words are lower-cased, so AND/OR/NOT stay words.
 * Returns null when the text has no word.
 */
export function luceneQuery(text: string): string | null {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).map(escapeLucene);
  if (words.length === 0) return null;
  const clauses: string[] = [];
  if (words.length > 1) clauses.push(`"${words.join(' ')}"^4`);
  for (const word of words) {
    clauses.push(`${word}^2`);
    if (word.length >= MIN_PREFIX_LENGTH) clauses.push(`${word}*`);
  }
  return clauses.join(' ');
}

/** Entities matching `text`, best first, optionally of one type. */
export async function searchEntities(
  db: ReadDb,
  text: string,
  type: EntityType | null,
  limit: number,
): Promise<SearchHitRow[]> {
  const query = luceneQuery(text);
  if (query === null) return [];
  const rows = await readRows(
    db,
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     WHERE node:Entity AND ($type IS NULL OR node.type = $type)
     RETURN ${entityProjection('node')} AS entity, score
     ORDER BY score DESC, node.name
     LIMIT $limit`,
    { index: ENTITY_NAMES_INDEX, query, type, limit: cypherInt(limit) },
  );
  return rows.map((r) => ({ entity: entityRow(r.entity), score: num(r.score) }));
}
