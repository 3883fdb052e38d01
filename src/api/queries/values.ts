/**
 * Turns driver values into plain JSON-ish values. The API cannot rely on the driver being
 * opened with `disableLosslessIntegers`, so Neo4j Integers and temporal values are
 * converted here, once, for every row.
 */
import neo4j from 'neo4j-driver';
import type { ArticleRow, EntityRow } from '../rows.ts';
import { isEntityType, type EntityType } from '../../model.ts';

/**
 * Converts Neo4j Integers to numbers and temporal values to ISO strings, at any depth.
 * Plain maps and lists are converted in place and returned: every value comes fresh from
 * the driver and belongs to the caller, so copying them would only make garbage (a page of
 * 20 relations holds some 60 maps and lists). Other driver values (nodes, paths, points)
 * become new plain objects.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value; // strings, numbers, booleans: most values, no checks
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toNative(value[i]);
    return value;
  }
  // Map projections and collected maps come back as plain objects: no driver type to test for.
  if (Object.getPrototypeOf(value) === Object.prototype) return nativeInPlace(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return value.toNumber();
  if (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  return nativeInPlace({ ...(value as Record<string, unknown>) });
}

function nativeInPlace(value: Record<string, unknown>): Record<string, unknown> {
  for (const key in value) {
    const v = value[key];
    // Strings and numbers, most values, are left as they are without a call.
    if (typeof v === 'object' || v === undefined) value[key] = toNative(v);
  }
  return value;
}

type Props = Record<string, unknown>;

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
}

// A type outside the ontology violates the graph model; fail loudly rather than guess.
function checkedType(type: string, id: unknown): EntityType {
  if (!isEntityType(type)) throw new Error(`entity ${String(id)} has unknown type ${type}`);
  return type;
}

/** An entity map projection (see `entityProjection`) as an EntityRow. */
export function entityRow(value: unknown): EntityRow {
  const p = (value ?? {}) as Props;
  const type = str(p.type) ?? '';
  return {
    id: str(p.id) ?? '',
    name: str(p.name) ?? '',
    type: checkedType(type, p.id),
    aliases: Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string') : [],
    code: str(p.code),
  };
}

/** An article map projection as an ArticleRow. */
export function articleRow(value: unknown): ArticleRow {
  const p = (value ?? {}) as Props;
  return {
    id: str(p.id) ?? '',
    title: str(p.title) ?? '',
    url: str(p.url),
    source: str(p.source),
    published: str(p.published),
  };
}

/** A number from a row value, or `fallback` when it is missing. */
export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A string from a row value, or null. */
export function optStr(value: unknown): string | null {
  return str(value);
}

/** A Cypher integer parameter (JS numbers travel as floats, which LIMIT and slices reject). */
export function cypherInt(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(value));
}
