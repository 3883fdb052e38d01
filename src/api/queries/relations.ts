/**
 * Read query for an entity's relations, and the shared pieces every relation query uses:
 * the map a relationship is returned as and its conversion to a RelationRow. Patterns list
 * only ontology relationship types (from src/model.ts), so MENTIONS and STATES never
 * leak in; the optional predicate and the direction are parameters.
 */
import { isPredicate, SYMMETRIC_PREDICATES, type Predicate } from '../../model.ts';
import type { DirectionValue, EntityRow, GraphEdgeRow, RelationRow } from '../rows.ts';
import { entityProjection, identifier, RELATION_TYPES, readRows, type ReadDb } from './cypher.ts';
import { cypherInt, entityRow, num, optStr } from './values.ts';

export interface RelationsKey {
  id: string;
  direction: DirectionValue;
  predicate: Predicate | null;
  limit: number;
}

/** The aggregate properties of relationship `r`, as read by `relationRow` and `graphEdgeRow`. */
export function relationProps(r: string): string {
  const v = identifier(r);
  return `predicate: type(${v}), support: ${v}.support, statements: ${v}.statements, confidence: ${v}.confidence,
    role: ${v}.role, firstSeen: ${v}.firstSeen, lastSeen: ${v}.lastSeen`;
}

/** Map of relationship `r` read from `self` towards `other`, as read by `relationRow`. */
export function relationMap(r: string, self: string, other: string): string {
  return `{${relationProps(r)}, outgoing: startNode(${identifier(r)}) = ${identifier(self)}, other: ${entityProjection(other)}}`;
}

/** Map of relationship `r` as a drawn edge (ends as stored), as read by `graphEdgeRow`. */
export function edgeMap(r: string): string {
  const v = identifier(r);
  return `{${relationProps(v)}, source: startNode(${v}).id, target: endNode(${v}).id}`;
}

/** The predicate of a row; anything outside the ontology violates the graph model. */
export function checkedPredicate(value: unknown): Predicate {
  const predicate = String(value);
  if (!isPredicate(predicate)) throw new Error(`unexpected relationship type ${predicate}`);
  return predicate;
}

/** A `relationMap` value, read from `self`, as a RelationRow. */
export function relationRow(self: EntityRow, rel: Record<string, unknown>): RelationRow {
  const predicate = checkedPredicate(rel.predicate);
  const other = entityRow(rel.other);
  const symmetric = SYMMETRIC_PREDICATES.has(predicate);
  const outgoing = rel.outgoing === true;
  const direction: DirectionValue = symmetric ? 'BOTH' : outgoing ? 'OUT' : 'IN';
  return {
    predicate,
    direction,
    self,
    other,
    // A symmetric relation reads from the entity it was asked from.
    subject: symmetric || outgoing ? self : other,
    object: symmetric || outgoing ? other : self,
    support: num(rel.support),
    statements: num(rel.statements),
    confidence: num(rel.confidence),
    role: optStr(rel.role),
    firstSeen: optStr(rel.firstSeen),
    lastSeen: optStr(rel.lastSeen),
  };
}

/** An `edgeMap` value as a GraphEdgeRow. */
export function graphEdgeRow(edge: Record<string, unknown>): GraphEdgeRow {
  return {
    source: String(edge.source),
    target: String(edge.target),
    predicate: checkedPredicate(edge.predicate),
    support: num(edge.support),
    confidence: num(edge.confidence),
    role: optStr(edge.role),
    firstSeen: optStr(edge.firstSeen),
    lastSeen: optStr(edge.lastSeen),
  };
}

/** One entity with a page of its relations; `entity` is null when no entity has the key's id. */
export interface EntityRelations {
  entity: EntityRow | null;
  relations: RelationRow[];
}

/** For each key, the entity's relations: most support first, then confidence, then name. */
export async function relationsOf(db: ReadDb, keys: readonly RelationsKey[]): Promise<RelationRow[][]> {
  return (await entitiesWithRelations(db, keys)).map((e) => e.relations);
}

/** For each key, the entity itself and its relations (one query for both). */
export async function entitiesWithRelations(db: ReadDb, keys: readonly RelationsKey[]): Promise<EntityRelations[]> {
  const rows = await readRows(
    db,
    `UNWIND $keys AS k
     MATCH (e:Entity {id: k.id})
     CALL (e, k) {
       MATCH (e)-[r:${RELATION_TYPES}]-(other:Entity)
       WHERE (k.predicate IS NULL OR type(r) = k.predicate)
         AND (k.direction = 'BOTH' OR type(r) IN $symmetric
              OR (k.direction = 'OUT' AND startNode(r) = e)
              OR (k.direction = 'IN' AND endNode(r) = e))
       WITH e, r, other, k.limit AS lim
       ORDER BY r.support DESC, r.confidence DESC, other.name, type(r)
       // Slice before projecting: a hub has thousands of relations, a page only a few.
       WITH e, lim, collect([r, other]) AS ranked
       UNWIND ranked[0..lim] AS pair
       WITH e, pair[0] AS r, pair[1] AS other
       RETURN collect(${relationMap('r', 'e', 'other')}) AS relations
     }
     RETURN k.i AS i, ${entityProjection('e')} AS self, relations`,
    {
      keys: keys.map((k, i) => ({
        i: cypherInt(i),
        id: k.id,
        direction: k.direction,
        predicate: k.predicate,
        limit: cypherInt(k.limit),
      })),
      symmetric: [...SYMMETRIC_PREDICATES],
    },
  );
  const out: EntityRelations[] = keys.map(() => ({ entity: null, relations: [] }));
  for (const r of rows) {
    const self = entityRow(r.self);
    out[num(r.i)] = { entity: self, relations: (r.relations as Record<string, unknown>[]).map((rel) => relationRow(self, rel)) };
  }
  return out;
}
