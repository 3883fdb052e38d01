/**
 * Shortest paths between two entities over the ontology's relations, either direction.
 * Cypher takes neither a hop bound nor relationship types as parameters, so both are put
 * into the text from validated values only: an integer checked to 1..MAX_PATH_HOPS and
 * predicates from src/model.ts.
 */
import type { Predicate } from '../../model.ts';
import type { PathRow } from '../rows.ts';
import { entityProjection, readRows, relationTypes, type ReadDb } from './cypher.ts';
import { edgeMap, graphEdgeRow } from './relations.ts';
import { cypherInt, entityRow, num } from './values.ts';

/** Longest path the API searches. */
export const MAX_PATH_HOPS = 6;

function hopBound(hops: number): number {
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_PATH_HOPS) throw new Error(`hop bound out of range: ${hops}`);
  return hops;
}

/** Up to `limit` shortest paths from `from` to `to` (distinct ids) of at most `maxHops` relations. */
export async function shortestPaths(
  db: ReadDb,
  from: string,
  to: string,
  maxHops: number,
  predicates: Predicate[] | null,
  limit: number,
): Promise<PathRow[]> {
  const rows = await readRows(
    db,
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[:${relationTypes(predicates)}*1..${hopBound(maxHops)}]-(b))
     WITH p LIMIT $limit
     RETURN length(p) AS length,
            [n IN nodes(p) | ${entityProjection('n')}] AS nodes,
            [r IN relationships(p) | ${edgeMap('r')}] AS edges`,
    { from, to, limit: cypherInt(limit) },
  );
  return rows.map((r) => ({
    length: num(r.length),
    nodes: (r.nodes as unknown[]).map(entityRow),
    edges: (r.edges as Record<string, unknown>[]).map(graphEdgeRow),
  }));
}
