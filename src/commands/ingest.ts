/**
 * `govgraph ingest INPUT...`: files, folders and http(s) URLs -> source items -> extraction
 * in worker threads -> batched transactions in Neo4j (src/pipeline), with progress and a
 * summary. A bad item is reported by file, line or URL and skipped; the rest continues and
 * the exit status is non-zero.
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { Driver } from 'neo4j-driver';
import { planInputs, type InputPlan } from '../../ingest/sources/inputs.ts';
import { DEFAULT_SOURCE_OPTIONS } from '../../ingest/sources/item.ts';
import { readInputs } from '../../ingest/sources/read.ts';
import { graphCounts, type GraphCounts } from '../graph/stats.ts';
import { writeArticles } from '../graph/writer.ts';
import { createExtractPool } from '../pipeline/extractPool.ts';
import { DEFAULT_RETRY } from '../pipeline/retry.ts';
import { DEFAULT_BATCH_SIZE, runPipeline } from '../pipeline/run.ts';
import { unchangedArticles } from '../pipeline/unchanged.ts';
import type { IngestTotals } from '../pipeline/totals.ts';
import { createProgress } from './progress.ts';

export interface IngestOptions {
  /** Articles per write transaction (default 50). */
  batchSize?: number;
  quiet?: boolean;
  json?: boolean;
  /** Extraction worker threads; 0 extracts on the main thread; default: one per core (inline for small inputs). */
  workers?: number;
  /** Globs of files to take from folders (default: every readable format). */
  include?: readonly string[];
  /** Globs of files and folders to skip inside folders. */
  exclude?: readonly string[];
  /** Largest file, JSONL line or HTTP response, in bytes. */
  maxBytes?: number;
  /** Seconds allowed for one HTTP request. */
  timeout?: number;
  /** Retries of a batch after a transient Neo4j error. */
  retries?: number;
}

export interface IngestSummary extends IngestTotals {
  /** Files and URLs read. */
  inputs: number;
  seconds: number;
  /** Articles per second, end to end. */
  rate: number;
  workers: number;
  /** Peak resident memory of this process so far (worker threads included), in MiB. */
  peakRssMiB: number;
  /** CPU time of this process so far (all its threads, user + system), in seconds. */
  cpuSeconds: number;
  /** Why the ingest stopped early (Neo4j unavailable), or null. */
  stopped: string | null;
  /** Graph counts after the ingest (null when Neo4j could not be asked). */
  graph: GraphCounts | null;
}

/** Small inputs are extracted inline: starting worker threads costs more than it saves. */
function defaultWorkers(plan: InputPlan): number {
  const small = plan.inputs.length <= 32 && plan.totalBytes <= 512 * 1024 && plan.inputs.every((i) => i.kind === 'file' && i.format !== 'jsonl');
  return small ? 0 : availableParallelism();
}

/** Ingests every article under `inputs` (files, folders, URLs); returns the summary. */
export async function ingestPaths(driver: Driver, database: string, inputs: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const plan = await planInputs(inputs, { include: opts.include, exclude: opts.exclude });
  const workers = opts.workers ?? defaultWorkers(plan);
  const quiet = opts.quiet === true || opts.json === true;
  const progress = createProgress(plan.totalBytes, { quiet, label: 'ingest' });
  const extractor = createExtractPool(workers);
  let result;
  try {
    result = await runPipeline(
      (async function* items() {
        yield* plan.errors;
        yield* readInputs(plan.inputs, { maxBytes: opts.maxBytes ?? DEFAULT_SOURCE_OPTIONS.maxBytes, timeoutMs: (opts.timeout ?? 30) * 1000 });
      })(),
      extractor,
      (items) => writeArticles(driver, database, items),
      {
        batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
        unchanged: (articles) => unchangedArticles(driver, database, articles),
        retry: { ...DEFAULT_RETRY, retries: opts.retries ?? DEFAULT_RETRY.retries },
        onItemDone: (bytes, t) => progress.advance(bytes, t.new + t.unchanged + t.updated + t.failed.length, t.failed.length),
        onRetry: (attempt, delay, err, n) => {
          if (opts.quiet) return;
          process.stderr.write(`ingest: writing a batch of ${n} failed (${(err as Error).message}); retry ${attempt} in ${(delay / 1000).toFixed(1)} s\n`);
        },
      },
    );
  } finally {
    progress.stop();
    await extractor.close();
  }
  const graph = result.stopped ? null : await graphCounts(driver, database).catch(() => null);
  const seconds = (performance.now() - started) / 1000;
  const stored = result.new + result.unchanged + result.updated;
  const usage = process.resourceUsage();
  const peakRssMiB = Math.round(usage.maxRSS / 1024);
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  return { ...result, inputs: plan.inputs.length, seconds, rate: stored / Math.max(seconds, 0.001), workers, peakRssMiB, cpuSeconds, graph };
}

/** Prints an ingest summary as text lines or one JSON object. */
export function printIngestSummary(summary: IngestSummary, json: boolean, out: (t: string) => void = console.log): void {
  if (json) {
    out(JSON.stringify(summary));
    return;
  }
  const s = summary;
  out(
    `ingested ${s.inputs} input(s), ${s.articles} article(s) in ${s.seconds.toFixed(1)} s (${s.rate.toFixed(1)}/s): ` +
      `${s.new} new, ${s.unchanged} unchanged, ${s.updated} updated, ${s.failed.length} failed`,
  );
  out(`written: ${s.entities} entities (counted once per article) and ${s.relations} relation statements`);
  if (s.graph) out(`graph now: ${s.graph.entities} entities, ${s.graph.articles} articles, ${s.graph.statements} statements, ${s.graph.relationships} relationships`);
  for (const f of s.failed) out(`  failed: ${f.input}: ${f.error}`);
  if (s.stopped) out(`stopped early: ${s.stopped}; run the same ingest again once Neo4j is back (stored articles are skipped as unchanged)`);
}

/** Parses a byte size such as `5000`, `512k`, `5m` or `1g` (powers of 1024). */
export function parseByteSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(value);
  const n = m ? Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase()) : Number.NaN;
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError('--max-bytes must be a size such as 200000, 512k or 5m');
  return Math.floor(n);
}
