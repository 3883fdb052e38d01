/**
 * Runs read Cypher for the API and holds the few query fragments built from fixed
 * ontology lists. Nothing here ever puts user input into query text: input travels as
 * parameters, and labels and relationship types come only from src/model.ts.
 */
import type { Driver } from 'neo4j-driver';
import { type Neo4jRecord, readQuery, readTx, withoutCallerStack } from '../../graph/driver.ts';
import { identifier } from '../../graph/identifier.ts';
import { PREDICATES, type Predicate } from '../../model.ts';
import { toNative } from './values.ts';

/** Where and how the API reads: one database, one timeout for every transaction. */
export interface ReadDb {
  driver: Driver;
  database: string;
  /** Server-side transaction timeout in milliseconds. */
  timeoutMs: number;
}

/** Default read timeout: an API query that takes longer is a bug or an abuse. */
export const API_TX_TIMEOUT_MS = 15_000;

export { identifier };

/** `HOLDS_ROLE|HEADQUARTERED_IN|...`: every relation type of the ontology, for patterns. */
export const RELATION_TYPES: string = PREDICATES.map(identifier).join('|');

/** Map projection of an entity variable, as read by `entityRow`. */
export function entityProjection(variable: string): string {
  const v = identifier(variable);
  return `${v} {.id, .name, .aliases, .code, type: coalesce(${v}.type, [l IN labels(${v}) WHERE l <> 'Entity'][0])}`;
}

/** Map projection of an article variable, as read by `articleRow`. */
export function articleProjection(variable: string): string {
  const v = identifier(variable);
  return `${v} {.id, .title, .url, .source, .published}`;
}

/** Runs one query inside a read transaction and returns its records as plain objects. */
export type RunRows = (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/**
 * Runs `work` in one managed READ transaction on the named database, with the timeout;
 * `work` may run several queries that must see the same snapshot.
 */
export async function readWork<T>(db: ReadDb, work: (run: RunRows) => Promise<T>): Promise<T> {
  return readTx(
    db.driver,
    db.database,
    (tx) =>
      work(async (cypher, params = {}) => nativeRows((await withoutCallerStack(() => tx.run(cypher, params))).records)),
    { timeoutMs: db.timeoutMs },
  );
}

/** Runs one read query (an auto-commit READ transaction, see `readQuery`) and returns its records as plain objects. */
export async function readRows(
  db: ReadDb,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  return nativeRows(await readQuery(db.driver, db.database, cypher, params, { timeoutMs: db.timeoutMs }));
}

/** Records as plain objects of JS values. */
function nativeRows(records: readonly Neo4jRecord[]): Record<string, unknown>[] {
  return records.map((record) => toNative(record.toObject()) as Record<string, unknown>);
}

/** `A|B|C` for a pattern: the given predicates (validated, in ontology order), or every one. */
export function relationTypes(predicates: readonly Predicate[] | null): string {
  if (predicates === null || predicates.length === 0) return RELATION_TYPES;
  const wanted = new Set(predicates);
  return PREDICATES.filter((p) => wanted.has(p)).map(identifier).join('|');
}

/** Converts rows that carry an `id` and returns them in the order of `ids` (null where none came back). */
export function inIdOrder<T>(ids: readonly string[], rows: Record<string, unknown>[], convert: (row: Record<string, unknown>) => T): (T | null)[] {
  const found = new Map(rows.map((r) => [String(r.id), convert(r)]));
  return ids.map((id) => found.get(id) ?? null);
}
