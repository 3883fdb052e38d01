/**
 * The country partner network: PARTNERS_WITH between Country nodes (and, when asked,
 * between countries and organisations), read in either direction, shaped as nodes and
 * edges for a dashboard. PARTNERS_WITH is stored once per
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

export interface PartnerOptions {
  /** Also organisations that partner with a country, and those links. */
  includeOrganizations: boolean;
  minSupport: number;
  limit: number;
}

// The two fixed peer label expressions; which one is chosen by a boolean, never by input.
function peerLabels(options: PartnerOptions): string {
  return options.includeOrganizations ? 'Country|Organization' : 'Country';
}

/** Every partnership of a country (with a country, or an organisation when asked), most support first. */
export async function partnerNetwork(db: ReadDb, options: PartnerOptions): Promise<PartnerNetworkRow> {
  const rows = await readRows(
    db,
    `MATCH (a:Country)-[r:PARTNERS_WITH]-(b:${peerLabels(options)})
     WHERE a <> b AND (NOT b:Country OR a.id < b.id) AND r.support >= $minSupport
     RETURN ${entityProjection('a')} AS source, ${entityProjection('b')} AS target, ${EDGE_MAP} AS edge
     ORDER BY r.support DESC, r.confidence DESC, a.id, b.id
     LIMIT $fetch`,
    // Fetch a few more than asked, so truncation is detected even after de-duplication.
    { fetch: cypherInt(options.limit * 2 + 1), minSupport: cypherInt(options.minSupport) },
  );
  return toNetwork(rows.map(link), options.limit, []);
}

/** One country and its partners (either direction), most support first. */
export async function partnersOf(db: ReadDb, country: EntityRow, options: PartnerOptions): Promise<PartnerNetworkRow> {
  const rows = await readRows(
    db,
    `MATCH (a:Country {id: $id})-[r:PARTNERS_WITH]-(b:${peerLabels(options)})
     WHERE a <> b AND r.support >= $minSupport
     RETURN ${entityProjection('a')} AS source, ${entityProjection('b')} AS target, ${EDGE_MAP} AS edge
     ORDER BY r.support DESC, r.confidence DESC, b.name, b.id
     LIMIT $fetch`,
    { id: country.id, fetch: cypherInt(options.limit * 2 + 1), minSupport: cypherInt(options.minSupport) },
  );
  return toNetwork(rows.map(link), options.limit, [country]);
}

function link(r: Record<string, unknown>): Link {
  return { source: entityRow(r.source), target: entityRow(r.target), edge: r.edge as Record<string, unknown> };
}
