/**
 * `Query.entities`: a filtered, sorted page of entities and its total count. The query
 * text is assembled from constant fragments chosen by validated options (the label from
 * ENTITY_TYPES, the sort key); every value travels as a parameter.
 */
import type { EntityType } from '../../model.ts';
import type { EntityRow } from '../rows.ts';
import { entityProjection, identifier, readRows, type ReadDb } from './cypher.ts';
import { hasBounds, overlapCondition, type DateBounds } from './dates.ts';
import { cypherInt, entityRow, num } from './values.ts';

export type EntityOrderField = 'NAME' | 'SUPPORT' | 'MENTIONS';

export interface EntityListSpec {
  type: EntityType | null;
  /** Id of the country the entities must be based in or belong to. */
  countryId: string | null;
  mentionedIn: DateBounds | null;
  minSupport: number | null;
  order: { field: EntityOrderField; direction: 'ASC' | 'DESC' };
}

/** Relations that place an entity in a country. */
const IN_COUNTRY = 'HEADQUARTERED_IN|LOCATED_IN|PART_OF';

const SORT_KEYS: Readonly<Record<EntityOrderField, string>> = {
  NAME: 'toLower(e.name)',
  SUPPORT: 'support',
  MENTIONS: 'mentions',
};

function needsCounts(spec: EntityListSpec): boolean {
  return hasBounds(spec.mentionedIn) || spec.minSupport !== null || spec.order.field !== 'NAME';
}

function matchClause(spec: EntityListSpec): string {
  const label = identifier(spec.type ?? 'Entity');
  const lines = spec.countryId === null
    ? [`MATCH (e:${label})`]
    : [`MATCH (:Country {id: $country})<-[:${IN_COUNTRY}]-(e:${label})`, 'WITH DISTINCT e'];
  if (needsCounts(spec)) {
    lines.push(
      `CALL (e) {
         OPTIONAL MATCH (e)<-[m:MENTIONS]-(a:Article)
         WHERE ${overlapCondition('a.published', 'a.published', '$from', '$to')}
         RETURN count(a) AS support, coalesce(sum(m.count), 0) AS mentions
       }`,
      'WITH e, support, mentions WHERE support >= $minSupport',
    );
  }
  return lines.join('\n');
}

function params(spec: EntityListSpec): Record<string, unknown> {
  const ranged = hasBounds(spec.mentionedIn);
  return {
    country: spec.countryId,
    from: spec.mentionedIn?.from ?? null,
    to: spec.mentionedIn?.to ?? null,
    // A date range means "mentioned in it": at least one article.
    minSupport: cypherInt(Math.max(spec.minSupport ?? 0, ranged ? 1 : 0)),
  };
}

/** Up to `limit` entities from position `skip`, in the spec's order (ties: name, then id). */
export async function listEntities(db: ReadDb, spec: EntityListSpec, skip: number, limit: number): Promise<EntityRow[]> {
  const dir = spec.order.direction === 'ASC' ? 'ASC' : 'DESC';
  const rows = await readRows(
    db,
    `${matchClause(spec)}
     WITH e, ${SORT_KEYS[spec.order.field]} AS sortKey
     ORDER BY sortKey ${dir}, e.name, e.id
     SKIP $skip LIMIT $limit
     RETURN ${entityProjection('e')} AS entity`,
    { ...params(spec), skip: cypherInt(skip), limit: cypherInt(limit) },
  );
  return rows.map((r) => entityRow(r.entity));
}

/** How many entities match the spec. */
export async function countEntities(db: ReadDb, spec: EntityListSpec): Promise<number> {
  const rows = await readRows(db, `${matchClause(spec)}\nRETURN count(e) AS total`, params(spec));
  return num(rows[0]?.total);
}
