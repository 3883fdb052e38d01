/**
 * The country partner network: PARTNERS_WITH between Country nodes, read in either
 * direction, shaped as nodes and edges for a dashboard. PARTNERS_WITH is stored once per
 * pair, but edges are de-duplicated by pair anyway so a stray reverse copy cannot double.
 */
import type { EntityRow, PartnerEdgeRow, PartnerNetworkRow } from '../rows.ts';
import { entityProjection, readRows, type ReadDb } from './cypher.ts';
import { cypherInt, entityRow, num, optStr } from './values.ts';

const EDGE_MAP = `{support: r.support, confidence: r.confidence, firstSeen: r.firstSeen, lastSeen: r.lastSeen}`;

interface Link {
  source: EntityRow;
  target: EntityRow;
  edge: Record<string, unknown>;
}

function toNetwork(links: Link[], limit: number, extraNodes: EntityRow[]): PartnerNetworkRow {
  const nodes = new Map(extraNodes.map((n) => [n.id, n]));
  const edges: PartnerEdgeRow[] = [];
  const seen = new Set<string>();
  let truncated = false;
  for (const { source, target, edge } of links) {
    const pair = [source.id, target.id].sort().join('\u0000');
    if (seen.has(pair)) continue;
    if (edges.length === limit) {
      truncated = true;
      break;
    }
    seen.add(pair);
    nodes.set(source.id, source);
    nodes.set(target.id, target);
    edges.push({
      source: source.id,
      target: target.id,
      support: num(edge.support),
      confidence: num(edge.confidence),
      firstSeen: optStr(edge.firstSeen),
      lastSeen: optStr(edge.lastSeen),
    });
  }
  const sorted = [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { nodes: sorted, edges, truncated };
}

/** Every partnership between countries, most support first, at most `limit` edges. */
export async function partnerNetwork(db: ReadDb, limit: number): Promise<PartnerNetworkRow> {
  const rows = await readRows(
    db,
    `MATCH (a:Country)-[r:PARTNERS_WITH]->(b:Country)
     WHERE a <> b
     RETURN ${entityProjection('a')} AS source, ${entityProjection('b')} AS target, ${EDGE_MAP} AS edge
     ORDER BY r.support DESC, r.confidence DESC, a.id, b.id
     LIMIT $fetch`,
    // Fetch a few more than asked, so truncation is detected even after de-duplication.
    { fetch: cypherInt(limit * 2 + 1) },
  );
  return toNetwork(rows.map(link), limit, []);
}

/** One country and its country partners (either direction), most support first. */
export async function partnersOf(db: ReadDb, country: EntityRow, limit: number): Promise<PartnerNetworkRow> {
  const rows = await readRows(
    db,
    `MATCH (a:Country {id: $id})-[r:PARTNERS_WITH]-(b:Country)
     WHERE a <> b
     RETURN ${entityProjection('a')} AS source, ${entityProjection('b')} AS target, ${EDGE_MAP} AS edge
     ORDER BY r.support DESC, r.confidence DESC, b.name, b.id
     LIMIT $fetch`,
    { id: country.id, fetch: cypherInt(limit * 2 + 1) },
  );
  return toNetwork(rows.map(link), limit, [country]);
}

function link(r: Record<string, unknown>): Link {
  return { source: entityRow(r.source), target: entityRow(r.target), edge: r.edge as Record<string, unknown> };
}
