/** The running counts of an ingest: what was stored, how, and what failed. Pure. */
import type { WriteSummary } from '../graph/writer.ts';

/** One item that was not stored, named by file, file:line or URL. */
export interface ItemFailure {
  input: string;
  error: string;
}

export interface IngestTotals {
  /** Articles read from the sources (stored, unchanged or failed later). */
  articles: number;
  new: number;
  unchanged: number;
  updated: number;
  failed: ItemFailure[];
  /** Entities merged by the articles written (an entity counts once per article). */
  entities: number;
  /** Relation statements written. */
  relations: number;
}

/** Totals with nothing counted yet. */
export function emptyTotals(): IngestTotals {
  return { articles: 0, new: 0, unchanged: 0, updated: 0, failed: [], entities: 0, relations: 0 };
}

/** Counts one article's write. */
export function addWrite(totals: IngestTotals, write: WriteSummary): void {
  totals[write.status] += 1;
  totals.entities += write.entities;
  totals.relations += write.statements;
}

/** Counts one failed item. */
export function addFailure(totals: IngestTotals, input: string, error: string): void {
  totals.failed.push({ input, error });
}
