/**
 * `govgraph ingest PATH...`: files and folders -> Articles -> extraction -> Neo4j, in
 * batched transactions, with progress and a summary. A bad file is reported by name and
 * skipped; the rest continues and the exit status is non-zero.
 */
import type { Driver } from 'neo4j-driver';
import type { Article, Extraction } from '../model.ts';
import { collectArticleFiles } from '../../ingest/sources/files.ts';
import { readArticleFile } from '../../ingest/sources/readArticle.ts';
import { extractArticle } from '../extract/index.ts';
import { writeArticles, type WriteSummary } from '../graph/writer.ts';
import { createProgress } from './progress.ts';

export interface IngestOptions {
  batchSize?: number;
  quiet?: boolean;
  json?: boolean;
}

export interface IngestSummary {
  files: number;
  new: number;
  unchanged: number;
  updated: number;
  failed: { input: string; error: string }[];
  entities: number;
  relations: number;
}

function emptySummary(files: number): IngestSummary {
  return { files, new: 0, unchanged: 0, updated: 0, failed: [], entities: 0, relations: 0 };
}

function addWrites(summary: IngestSummary, writes: WriteSummary[]): void {
  for (const w of writes) {
    summary[w.status] += 1;
    summary.entities += w.entities;
    summary.relations += w.statements;
  }
}

/** Ingests every article file under `paths`; returns the summary (throws only on a missing path). */
export async function ingestPaths(driver: Driver, database: string, paths: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const files = collectArticleFiles(paths);
  const summary = emptySummary(files.length);
  const batchSize = opts.batchSize ?? 50;
  const progress = createProgress(files.length, { quiet: opts.quiet || opts.json, label: 'ingest' });
  let batch: { article: Article; extraction: Extraction; file: string }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      addWrites(summary, await writeArticles(driver, database, items));
    } catch (err) {
      // The batch's transaction rolled back: nothing of it is stored.
      for (const item of items) summary.failed.push({ input: item.file, error: `not stored: ${(err as Error).message}` });
    }
  };
  for (const file of files) {
    try {
      const article = readArticleFile(file);
      batch.push({ article, extraction: extractArticle(article), file });
    } catch (err) {
      summary.failed.push({ input: file, error: (err as Error).message });
    }
    progress.tick(file);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  progress.stop();
  return summary;
}

/** Prints an ingest summary as text lines or JSON. */
export function printIngestSummary(summary: IngestSummary, json: boolean, out: (t: string) => void = console.log): void {
  if (json) {
    out(JSON.stringify(summary));
    return;
  }
  out(`ingested ${summary.files} file(s): ${summary.new} new, ${summary.unchanged} unchanged, ${summary.updated} updated, ${summary.failed.length} failed`);
  out(`wrote ${summary.entities} entity mention(s) and ${summary.relations} relation statement(s)`);
  for (const f of summary.failed) out(`  failed: ${f.error.startsWith(f.input) ? f.error : `${f.input}: ${f.error}`}`);
}
