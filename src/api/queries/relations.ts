/**
 * Read query for an entity's relations. The pattern lists every ontology relationship
 * type (from src/model.ts), so MENTIONS, STATES, SUBJECT and OBJECT never leak in; the
 * optional predicate and the direction are filters on parameters.
 */
import { isPredicate, SYMMETRIC_PREDICATES, type Predicate } from '../../model.ts';
import type { DirectionValue, RelationRow } from '../rows.ts';
import { entityProjection, RELATION_TYPES, readRows, type ReadDb } from './cypher.ts';
import { cypherInt, entityRow, num, optStr } from './values.ts';

export interface RelationsKey {
  id: string;
  direction: DirectionValue;
  predicate: Predicate | null;
  limit: number;
}

/** For each key, the entity's relations: most support first, then confidence, then name. */
export async function relationsOf(db: ReadDb, keys: readonly RelationsKey[]): Promise<RelationRow[][]> {
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
       WITH r, other, startNode(r) = e AS outgoing, k.limit AS lim
       ORDER BY r.support DESC, r.confidence DESC, other.name, type(r)
       WITH lim, collect({
         predicate: type(r), outgoing: outgoing, other: ${entityProjection('other')},
         support: r.support, confidence: r.confidence, role: r.role,
         firstSeen: r.firstSeen, lastSeen: r.lastSeen
       }) AS relations
       RETURN relations[0..lim] AS relations
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
  const out: RelationRow[][] = keys.map(() => []);
  for (const r of rows) {
    const self = entityRow(r.self);
    out[num(r.i)] = (r.relations as Record<string, unknown>[]).map((rel) => relationRow(self, rel));
  }
  return out;
}

function relationRow(self: ReturnType<typeof entityRow>, rel: Record<string, unknown>): RelationRow {
  const predicate = String(rel.predicate);
  if (!isPredicate(predicate)) throw new Error(`unexpected relationship type ${predicate}`);
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
    confidence: num(rel.confidence),
    role: optStr(rel.role),
    firstSeen: optStr(rel.firstSeen),
    lastSeen: optStr(rel.lastSeen),
  };
}
