/**
 * An entity's ego network, grown one hop at a time inside one read transaction: each hop
 * keeps the unseen neighbours linked by the most supported relations, until `limit`
 * entities are found; then the relations among all of them are read in one query. Each
 * step is bounded, so a hub with thousands of neighbours costs one capped expansion.
 */
import type { Predicate } from '../../model.ts';
import type { EntityRow, NeighbourhoodRow, NeighbourRow } from '../rows.ts';
import { entityProjection, readWork, relationTypes, type ReadDb, type RunRows } from './cypher.ts';
import { edgeMap, graphEdgeRow } from './relations.ts';
import { cypherInt, entityRow } from './values.ts';

/** Relations returned per entity of the network, at most. */
export const EDGES_PER_NODE = 10;

export interface NeighbourhoodSpec {
  id: string;
  hops: number;
  predicates: Predicate[] | null;
  limit: number;
}

async function hop(run: RunRows, types: string, frontier: string[], seen: string[], cap: number): Promise<EntityRow[]> {
  const rows = await run(
    `UNWIND $frontier AS fid
     MATCH (f:Entity {id: fid})-[r:${types}]-(n:Entity)
     WHERE NOT n.id IN $seen
     WITH n, max(r.support) AS weight
     ORDER BY weight DESC, n.id
     LIMIT $cap
     RETURN ${entityProjection('n')} AS entity`,
    { frontier, seen, cap: cypherInt(cap) },
  );
  return rows.map((r) => entityRow(r.entity));
}

/** The ego network of `spec.id`, or null when there is no such entity. */
export async function neighbourhood(db: ReadDb, spec: NeighbourhoodSpec): Promise<NeighbourhoodRow | null> {
  const types = relationTypes(spec.predicates);
  return readWork(db, async (run) => {
    const found = await run(`MATCH (e:Entity {id: $id}) RETURN ${entityProjection('e')} AS entity`, { id: spec.id });
    if (!found[0]) return null;
    const center = entityRow(found[0].entity);
    const nodes: NeighbourRow[] = [];
    const seen = [center.id];
    let frontier = [center.id];
    let truncated = false;
    for (let distance = 1; distance <= spec.hops && frontier.length > 0 && !truncated; distance++) {
      const room = spec.limit - nodes.length;
      // One more than there is room for tells whether the limit cut entities off.
      const next = await hop(run, types, frontier, seen, room + 1);
      truncated = next.length > room;
      const kept = next.slice(0, room);
      for (const entity of kept) nodes.push({ entity, distance });
      seen.push(...kept.map((e) => e.id));
      frontier = kept.map((e) => e.id);
    }
    const edgeCap = EDGES_PER_NODE * (nodes.length + 1);
    const edgeRows = await run(
      `UNWIND $ids AS id
       MATCH (a:Entity {id: id})-[r:${types}]->(b:Entity)
       WHERE b.id IN $ids
       WITH r ORDER BY r.support DESC, r.confidence DESC, startNode(r).id, type(r), endNode(r).id
       LIMIT $cap
       RETURN ${edgeMap('r')} AS edge`,
      { ids: seen, cap: cypherInt(edgeCap + 1) },
    );
    const edges = edgeRows.slice(0, edgeCap).map((r) => graphEdgeRow(r.edge as Record<string, unknown>));
    return { center, nodes, edges, truncated: truncated || edgeRows.length > edgeCap };
  });
}
