/**
 * Ingest benchmark (`npm run bench:ingest -- [--articles N] [--workers W] [--batch-size B] [--passes P] [--keep]`):
 * generates a corpus (bench/ingestCorpus.ts, default 10,000 articles in JSONL, text, HTML
 * and feed files) in a temp dir, then measures
 *  - end to end: `govgraph ingest DIR --json` in a child process into a fresh Neo4j of its
 *    own (data dir <cache>/bench-ingest-data, port 7690; stopped at the end), and its peak RSS,
 *    twice: into the empty graph of a freshly started server (its JVM still compiling
 *    Neo4j's hot code), then a second corpus of as many different articles (another seed)
 *    into the same server, warmed and holding the first (a long-running `govgraph start` or
 *    `db start` server that researchers keep adding to);
 *  - extraction only: the same sources and worker pool with the writes left out (for each
 *    corpus, the denominator of its ratio); for both, the CPU seconds per article of the
 *    ingest process and (from /proc, where there is one) of the Neo4j server, which show
 *    where the end-to-end time goes when the cores are saturated;
 *  - worker scaling: extraction of up to 4,000 preloaded articles on 1 and on W worker
 *    threads, alternating, best of P passes each (other processes share the machine), each
 *    worker first warmed up on other articles so that V8's compiling is not what is timed.
 * Prints figures only; nothing here passes or fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planInputs } from '../ingest/sources/inputs.ts';
import { DEFAULT_SOURCE_OPTIONS } from '../ingest/sources/item.ts';
import { readInputs } from '../ingest/sources/read.ts';
import type { IngestSummary } from '../src/commands/ingest.ts';
import type { Article } from '../src/model.ts';
import { type Env, localServerPaths } from '../src/neo4j/config.ts';
import { ensureNeo4j } from '../src/neo4j/ensure.ts';
import { localServerStatus, stopLocalServer } from '../src/neo4j/server.ts';
import { createExtractPool } from '../src/pipeline/extractPool.ts';
import { DEFAULT_RETRY } from '../src/pipeline/retry.ts';
import { DEFAULT_BATCH_SIZE, runPipeline } from '../src/pipeline/run.ts';
import { generateCorpus } from './ingestCorpus.ts';
import { JIT_THREADS, processCpuSeconds, threadCpuSeconds } from './procCpu.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface BenchArgs {
  articles: number;
  workers: number;
  batchSize: number;
  /** Timed passes of each worker count in the scaling measurement (best one counts). */
  passes: number;
  keep: boolean;
}

function parseArgs(argv: string[]): BenchArgs {
  const opt = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    articles: opt('--articles', 10_000),
    workers: Math.max(1, opt('--workers', availableParallelism())),
    batchSize: Math.max(1, opt('--batch-size', DEFAULT_BATCH_SIZE)),
    passes: Math.max(1, opt('--passes', 3)),
    keep: argv.includes('--keep'),
  };
}

/** The bench's own Neo4j: never the user's nor the tests' server, and never NEO4J_URI's. */
function benchEnv(): Env {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env['NEO4J_URI'];
  const cacheDir = localServerPaths(env).cacheDir;
  return { ...env, GOVGRAPH_DATA_DIR: join(cacheDir, 'bench-ingest-data'), GOVGRAPH_NEO4J_PORT: process.env['GOVGRAPH_BENCH_NEO4J_PORT'] ?? '7690' };
}

/** Runs `govgraph ingest` in a child process and returns its JSON summary. */
function ingestChild(corpus: string, args: BenchArgs, env: Env): Promise<IngestSummary> {
  return new Promise((resolveRun, reject) => {
    const argv = ['ingest', corpus, '--json', '--workers', String(args.workers), '--batch-size', String(args.batchSize)];
    const child = spawn(process.execPath, [join(root, 'bin', 'govgraph.js'), ...argv], {
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolveRun(JSON.parse(out) as IngestSummary);
      } catch {
        reject(new Error(`govgraph ingest exited ${code ?? '?'} without a JSON summary: ${out.slice(0, 500)}`));
      }
    });
  });
}

interface Run {
  rate: number;
  seconds: number;
  /** CPU of the ingest (or extraction-only) process. */
  cpuSeconds: number;
}

/** Articles per second through sources and extraction workers, with the writes left out. */
async function extractionOnly(corpus: string, workers: number): Promise<Run> {
  const plan = await planInputs([corpus]);
  const pool = createExtractPool(workers);
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await runPipeline(readInputs(plan.inputs, DEFAULT_SOURCE_OPTIONS), pool, async (items) =>
      items.map(({ article }) => ({ articleId: article.id, status: 'new' as const, entities: 0, mentions: 0, statements: 0, skippedRelations: 0 })),
    { batchSize: DEFAULT_BATCH_SIZE, retry: DEFAULT_RETRY });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { rate: result.new / seconds, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    await pool.close();
  }
}

async function readAll(corpus: string): Promise<Article[]> {
  const plan = await planInputs([corpus]);
  const out: Article[] = [];
  for await (const item of readInputs(plan.inputs, DEFAULT_SOURCE_OPTIONS)) if (item.kind === 'article') out.push(item.article);
  return out;
}

/**
 * Articles extracted by each new worker before timing starts. Each worker thread is its own
 * V8 isolate and compiles the extractor's hot code itself, on V8's background threads; 250
 * articles (measured) get it past that, so the timed pass measures extraction, not JIT.
 */
const WARMUP_PER_WORKER = 250;

/** Articles per second extracting preloaded `articles` on `workers` threads, after each warmed up on `warmup`. */
async function extractPass(articles: Article[], warmup: Article[], workers: number): Promise<number> {
  const pool = createExtractPool(workers);
  try {
    await Promise.all(warmup.slice(0, WARMUP_PER_WORKER * workers).map((a) => pool.extract(a)));
    const started = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    for (const a of articles) {
      const p: Promise<unknown> = pool.extract(a).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 16 * workers) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return articles.length / ((performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

const args = parseArgs(process.argv.slice(2));
const corpus = mkdtempSync(join(tmpdir(), 'govgraph-bench-ingest-'));
const second = mkdtempSync(join(tmpdir(), 'govgraph-bench-ingest-second-'));
const env = benchEnv();
const paths = localServerPaths(env);
const log = (line: string): void => console.log(line);
try {
  const stats = generateCorpus(corpus, args.articles);
  generateCorpus(second, args.articles, 11);
  log(`bench:ingest: ${stats.articles} generated articles in ${stats.files} files (${(stats.bytes / 1e6).toFixed(1)} MB), ${availableParallelism()} core(s), ${args.workers} worker(s)`);

  await stopLocalServer(paths); // a leftover from an interrupted run
  rmSync(paths.dataDir, { recursive: true, force: true }); // a fresh, empty graph
  await ensureNeo4j(env, () => undefined);
  const serverPid = localServerStatus(paths).pid;
  // Each run with the CPU seconds the Neo4j server spent during it, and its JIT compiler threads.
  const ingestRun = async (dir: string): Promise<IngestSummary & { serverCpu: number | null; jitCpu: number | null }> => {
    const before = { all: processCpuSeconds(serverPid), jit: threadCpuSeconds(serverPid, JIT_THREADS) };
    const summary = await ingestChild(dir, args, env);
    const after = { all: processCpuSeconds(serverPid), jit: threadCpuSeconds(serverPid, JIT_THREADS) };
    const spent = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);
    return { ...summary, serverCpu: spent(before.all, after.all), jitCpu: spent(before.jit, after.jit) };
  };
  let cold: Awaited<ReturnType<typeof ingestRun>>;
  let warm: Awaited<ReturnType<typeof ingestRun>>;
  try {
    cold = await ingestRun(corpus);
    warm = await ingestRun(second);
  } finally {
    await stopLocalServer(paths);
  }
  const coldExtract = await extractionOnly(corpus, args.workers);
  const warmExtract = await extractionOnly(second, args.workers);
  const perArticle = (seconds: number, articles: number): string => `${((seconds / Math.max(1, articles)) * 1000).toFixed(2)} ms`;
  const e2eLines = (label: string, s: typeof cold, extract: Run): string[] => [
    `  ${label.padEnd(38)} ${s.rate.toFixed(1).padStart(7)} articles/s end to end, ${extract.rate.toFixed(1).padStart(6)} extraction only ` +
      `(same sources and ${args.workers} worker(s), no writes): ratio ${(s.rate / extract.rate).toFixed(2)}`,
    `    CPU per article: extraction only ${perArticle(extract.cpuSeconds, s.new)}; end to end ${perArticle(s.cpuSeconds, s.new)} ingest process` +
      (s.serverCpu === null ? '' : ` + ${perArticle(s.serverCpu, s.new)} Neo4j`) +
      (s.jitCpu === null ? '' : ` (${perArticle(s.jitCpu, s.new)} of it compiling Neo4j's code: the JVM's JIT threads)`) +
      ` (${((s.cpuSeconds + (s.serverCpu ?? 0)) / s.seconds).toFixed(2)} of ${availableParallelism()} cores busy)`,
    // With every core busy the ratio is about extraction CPU / all CPU, so 0.8 leaves a quarter
    // of extraction's CPU for everything else: writing, Neo4j, and the JIT warming Neo4j up.
    `    the target leaves ${perArticle(extract.cpuSeconds / 4, s.new)} per article for all CPU beyond extraction; this run used ` +
      `${perArticle(s.cpuSeconds + (s.serverCpu ?? 0) - extract.cpuSeconds, s.new)}`,
  ];
  log('  end to end / extraction only (target >= 0.8):');
  for (const line of e2eLines('fresh server, empty graph', cold, coldExtract)) log(line);
  for (const line of e2eLines(`warm server, graph of ${cold.new} articles`, warm, warmExtract)) log(line);
  log(`    (${cold.new + warm.new} new, ${cold.failed.length + warm.failed.length} failed; per run ${cold.entities} entity and ${cold.relations} statement writes)`);

  // Other processes on a shared machine take cores at random: passes alternate between the
  // two worker counts on the same articles, and the best pass of each counts.
  const all = await readAll(corpus);
  const articles = all.slice(0, 4000);
  const warmup = all.length > articles.length ? all.slice(articles.length) : articles; // other articles where there are
  const best = { one: 0, many: 0 };
  for (let pass = 0; pass < args.passes; pass++) {
    best.one = Math.max(best.one, await extractPass(articles, warmup, 1));
    best.many = Math.max(best.many, await extractPass(articles, warmup, args.workers));
  }
  const { one, many } = best;
  log(`  extraction      ${one.toFixed(1).padStart(8)} articles/s on 1 worker, ${many.toFixed(1)} on ${args.workers} ` +
    `(best of ${args.passes} passes over ${articles.length} articles, each worker warmed up on ${WARMUP_PER_WORKER} others)`);
  log(`  speed-up        ${(many / one).toFixed(2).padStart(8)}x            (${args.workers} workers / 1; target >= 1.7x on 2 cores)`);
  log(`  peak RSS        ${String(Math.max(cold.peakRssMiB, warm.peakRssMiB)).padStart(8)} MiB           (the ingest process, workers included; target < 1024)`);
} finally {
  if (args.keep) log(`corpora kept in ${corpus} and ${second}`);
  else for (const dir of [corpus, second]) rmSync(dir, { recursive: true, force: true });
}
