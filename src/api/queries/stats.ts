/**
 * Graph sizes from Neo4j's count store: one `count()` per label and per relationship type,
 * each answered without a scan. Labels and types come from the fixed lists in src/model.ts.
 */
import { ENTITY_TYPES, PREDICATES } from '../../model.ts';
import type { StatsRow } from '../rows.ts';
import { identifier, readRows, type ReadDb } from './cypher.ts';
import { num } from './values.ts';

const NODE_COUNTS: [string, string][] = [
  ...ENTITY_TYPES.map((t): [string, string] => [`t_${t}`, `(n:${identifier(t)})`]),
  ['entities', '(n:Entity)'],
  ['articles', '(n:Article)'],
  ['statements', '(n:Statement)'],
];
const REL_COUNTS: [string, string][] = PREDICATES.map((p): [string, string] => [`p_${p}`, `()-[n:${identifier(p)}]->()`]);

const STATS_CYPHER = [
  ...[...NODE_COUNTS, ...REL_COUNTS].map(([alias, pattern]) => `CALL () { MATCH ${pattern} RETURN count(n) AS ${identifier(alias)} }`),
  `RETURN ${[...NODE_COUNTS, ...REL_COUNTS].map(([alias]) => alias).join(', ')}`,
].join('\n');

/** Counts of entities by type, articles, statements and relations by predicate. */
export async function graphStats(db: ReadDb): Promise<StatsRow> {
  const [row = {}] = await readRows(db, STATS_CYPHER);
  const relationsByPredicate = PREDICATES.map((predicate) => ({ predicate, count: num(row[`p_${predicate}`]) }));
  return {
    entities: num(row.entities),
    entitiesByType: ENTITY_TYPES.map((type) => ({ type, count: num(row[`t_${type}`]) })),
    articles: num(row.articles),
    relations: relationsByPredicate.reduce((sum, p) => sum + p.count, 0),
    relationsByPredicate,
    statements: num(row.statements),
  };
}
