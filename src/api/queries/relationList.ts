/**
 * `Query.relations`: a filtered, sorted page of relations and its total count. The query
 * text is assembled from constant fragments chosen by validated options (the anchor kind,
 * the sort key, predicates from the ontology); every value travels as a parameter.
 */
import { SYMMETRIC_PREDICATES, type Predicate } from '../../model.ts';
import type { DirectionValue, RelationRow } from '../rows.ts';
import { entityProjection, readRows, relationTypes, type ReadDb } from './cypher.ts';
import { overlapCondition, type DateBounds } from './dates.ts';
import { relationMap, relationRow } from './relations.ts';
import { cypherInt, entityRow, num } from './values.ts';

export type RelationOrderField = 'SUPPORT' | 'CONFIDENCE' | 'FIRST_SEEN' | 'LAST_SEEN';

/** Which entity a relation list is read from, and which end it must be. */
export type RelationAnchor =
  | { kind: 'none' }
  | { kind: 'subject'; id: string; object: string | null }
  | { kind: 'object'; id: string }
  | { kind: 'entity'; id: string; direction: DirectionValue };

export interface RelationListSpec {
  anchor: RelationAnchor;
  predicates: Predicate[] | null;
  minSupport: number | null;
  minConfidence: number | null;
  seen: DateBounds | null;
  order: { field: RelationOrderField; direction: 'ASC' | 'DESC' };
}

const SORT_KEYS: Readonly<Record<RelationOrderField, string>> = {
  SUPPORT: 'r.support',
  CONFIDENCE: 'r.confidence',
  FIRST_SEEN: "coalesce(r.firstSeen, '')",
  LAST_SEEN: "coalesce(r.lastSeen, '')",
};

// Read from the anchor `x`: which ends it may be. A symmetric relation matches any end.
const ANCHOR_CONDITIONS: Readonly<Record<RelationAnchor['kind'], string>> = {
  none: 'true',
  subject: '(startNode(r) = x OR type(r) IN $symmetric) AND ($other IS NULL OR y.id = $other)',
  object: '(endNode(r) = x OR type(r) IN $symmetric)',
  entity: `($direction = 'BOTH' OR type(r) IN $symmetric
            OR ($direction = 'OUT' AND startNode(r) = x) OR ($direction = 'IN' AND endNode(r) = x))`,
};

function matchClause(spec: RelationListSpec): string {
  const types = relationTypes(spec.predicates);
  const pattern = spec.anchor.kind === 'none'
    ? `MATCH (x:Entity)-[r:${types}]->(y:Entity)`
    : `MATCH (x:Entity {id: $anchor})-[r:${types}]-(y:Entity)`;
  return `${pattern}
    WHERE ${ANCHOR_CONDITIONS[spec.anchor.kind]}
      AND ($minSupport IS NULL OR r.support >= $minSupport)
      AND ($minConfidence IS NULL OR r.confidence >= $minConfidence)
      AND ${overlapCondition('r.firstSeen', 'r.lastSeen', '$seenFrom', '$seenTo')}`;
}

function params(spec: RelationListSpec): Record<string, unknown> {
  const a = spec.anchor;
  return {
    anchor: a.kind === 'none' ? null : a.id,
    other: a.kind === 'subject' ? a.object : null,
    direction: a.kind === 'entity' ? a.direction : 'BOTH',
    symmetric: [...SYMMETRIC_PREDICATES],
    minSupport: spec.minSupport === null ? null : cypherInt(spec.minSupport),
    minConfidence: spec.minConfidence,
    seenFrom: spec.seen?.from ?? null,
    seenTo: spec.seen?.to ?? null,
  };
}

/** Up to `limit` relations from position `skip`, in the spec's order (ties: subject, predicate, object). */
export async function listRelations(db: ReadDb, spec: RelationListSpec, skip: number, limit: number): Promise<RelationRow[]> {
  const key = SORT_KEYS[spec.order.field];
  const dir = spec.order.direction === 'ASC' ? 'ASC' : 'DESC';
  const rows = await readRows(
    db,
    `${matchClause(spec)}
     WITH x, r, y, ${key} AS sortKey
     ORDER BY sortKey ${dir}, x.id, type(r), y.id
     SKIP $skip LIMIT $limit
     RETURN ${entityProjection('x')} AS self, ${relationMap('r', 'x', 'y')} AS relation`,
    { ...params(spec), skip: cypherInt(skip), limit: cypherInt(limit) },
  );
  return rows.map((r) => relationRow(entityRow(r.self), r.relation as Record<string, unknown>));
}

/** How many relations match the spec. */
export async function countRelations(db: ReadDb, spec: RelationListSpec): Promise<number> {
  const rows = await readRows(db, `${matchClause(spec)} RETURN count(r) AS total`, params(spec));
  return num(rows[0]?.total);
}
