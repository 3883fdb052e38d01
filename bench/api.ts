/**
 * API benchmark (`npm run bench:api [-- options]`). Starts (or reuses) a Neo4j of its own
 * (data dir <cache>/bench-data, port 7689; GOVGRAPH_BENCH_DATA_DIR / GOVGRAPH_BENCH_NEO4J_PORT
 * override), seeds a generated graph (>= 100k entities, >= 1M typed relations) unless it
 * already holds it, then measures five analyst queries at concurrency 1, 8 and 32 three
 * ways: the same Cypher through the bare driver, the API in process (Apollo
 * executeOperation) and the API over HTTP (from a client thread). The modes take turns in
 * short interleaved rounds and run the same requests; a query's rounds are sized from its
 * bare rate in the warm-up, so a fast query gets thousands of samples and a slow one is
 * not left running for minutes. Prints p50/p95/p99, throughput and the ratios API/bare, and any
 * failed requests (counted and left out of the figures). Figures only, no pass/fail. Stops
 * the server at the end if it started it, unless --keep.
 *
 * Options: --entities N (100000) --relations N (1000000) --articles N (20000)
 *          --seconds S: requests per mode and concurrency, as many as the bare driver
 *            makes in S s at concurrency 8 (6) --rounds N they are split into (12)
 *          --warmup S unmeasured seconds per mode and query first, at concurrency 8 (2)
 *          --pool N variable sets per query (100)
 *          --concurrency 1,8,32 --only WORD[,WORD] (queries whose name has one of them)
 *          --reseed --keep
 */
import { join } from 'node:path';
import { createApiServer, startApi } from '../src/api/server.ts';
import { API_TX_TIMEOUT_MS } from '../src/api/queries/cypher.ts';
import { openDriver } from '../src/graph/driver.ts';
import { localServerPaths, type Env } from '../src/neo4j/config.ts';
import { ensureNeo4j } from '../src/neo4j/ensure.ts';
import { localServerStatus, stopLocalServer } from '../src/neo4j/server.ts';
import { HttpLoadClient } from './apiHttpClient.ts';
import { runLoad, summarise, type LoadLength, type LoadResult, type LoadRun } from './apiLoad.ts';
import { benchQueries, type BenchQuery } from './apiQueries.ts';
import { recordingDriver, replay, type RecordedTx } from './apiRecord.ts';
import { seedGraph } from './seed.ts';

interface Options {
  entities: number;
  relations: number;
  articles: number;
  seconds: number;
  rounds: number;
  warmup: number;
  pool: number;
  concurrency: number[];
  /** Words of the query names to measure (empty: all five). */
  only: string[];
  reseed: boolean;
  keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const opts: Options = { entities: 100_000, relations: 1_000_000, articles: 20_000, seconds: 6, rounds: 12, warmup: 2, pool: 100, concurrency: [1, 8, 32], only: [], reseed: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    const n = Number(value);
    if (flag === '--reseed') opts.reseed = true;
    else if (flag === '--keep') opts.keep = true;
    else if (flag === '--concurrency') { opts.concurrency = value.split(',').map(Number).filter((c) => c > 0); i++; }
    else if (flag && ['--seconds', '--warmup'].includes(flag) && (n > 0 || (flag === '--warmup' && n === 0 && value !== ''))) {
      opts[flag.slice(2) as 'seconds' | 'warmup'] = n;
      i++;
    } else if (flag && ['--entities', '--relations', '--articles', '--rounds', '--pool'].includes(flag) && n > 0) {
      opts[flag.slice(2) as 'entities' | 'relations' | 'articles' | 'rounds' | 'pool'] = Math.trunc(n);
      i++;
    } else if (flag === '--only') {
      opts.only = value.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
      i++;
    } else throw new Error(`bench:api: unknown option, or a bad value for it: ${String(flag)} ${value}`);
  }
  return opts;
}

/** The bench's Neo4j environment: never an external server, never the user's or the tests' data. */
function benchEnv(env: Env): Env {
  const { NEO4J_URI: _u, NEO4J_USER: _n, NEO4J_PASSWORD: _p, NEO4J_DATABASE: _d, ...rest } = env;
  const cacheDir = localServerPaths(rest).cacheDir;
  return {
    ...rest,
    GOVGRAPH_DATA_DIR: env.GOVGRAPH_BENCH_DATA_DIR || join(cacheDir, 'bench-data'),
    GOVGRAPH_NEO4J_PORT: env.GOVGRAPH_BENCH_NEO4J_PORT || '7689',
    GOVGRAPH_NEO4J_HEAP: env.GOVGRAPH_NEO4J_HEAP || '2g',
    GOVGRAPH_NEO4J_PAGECACHE: env.GOVGRAPH_NEO4J_PAGECACHE || '2g',
  };
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const ms = (x: number): string => x.toFixed(1).padStart(7);
const fmt = (r: LoadResult): string => `${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${r.throughput.toFixed(0).padStart(6)}/s`;
const ratio = (api: LoadResult, bare: LoadResult): string =>
  `${(api.p50 / bare.p50).toFixed(2)}x p50, ${(bare.throughput / api.throughput).toFixed(2)}x thr`;

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const env = benchEnv(process.env);
  const paths = localServerPaths(env);
  const wasRunning = localServerStatus(paths).running;
  const conn = await ensureNeo4j(env, log);
  const driver = openDriver(conn);
  const database = conn.database;
  try {
    log(`bench:api: Neo4j at ${conn.uri}, data ${paths.dataDir}`);
    const seed = await seedGraph(driver, database, { entities: opts.entities, relations: opts.relations, articles: opts.articles, seed: 7 }, log, opts.reseed);
    console.log(seed.reused
      ? `graph: reused ${seed.nodes} nodes, ${seed.relationships} relationships (${seed.typedRelationships} typed relations)`
      : `graph: seeded ${seed.nodes} nodes, ${seed.relationships} relationships (${seed.typedRelationships} typed relations) in ${seed.seconds.toFixed(1)} s, ` +
        `${Math.round(seed.relationships / seed.seconds)} relationships/s overall`);
    const queries = (await benchQueries(driver, database, opts.pool))
      .filter((q) => opts.only.length === 0 || opts.only.some((word) => q.name.toLowerCase().includes(word)));
    if (queries.length === 0) throw new Error(`bench:api: no query name contains any of ${opts.only.join(', ')}`);
    await measure(driver, database, queries, opts);
  } finally {
    await driver.close();
    if (!wasRunning && !opts.keep) {
      await stopLocalServer(paths);
      log('bench:api: stopped the bench Neo4j (pass --keep to leave it running)');
    }
  }
}

type Driver = ReturnType<typeof openDriver>;

type Mode = 'bare' | 'inProcess' | 'overHttp';
const MODES: readonly Mode[] = ['bare', 'inProcess', 'overHttp'];

/**
 * Measures each query at each concurrency in the three modes. A configuration's requests
 * are split into rounds and the modes take turns within each round, in a rotating order, so
 * drift (JIT, caches, GC, a busy neighbour on the host) falls on all three alike; the
 * percentiles pool every round.
 */
async function measure(driver: Driver, database: string, queries: BenchQuery[], opts: Options): Promise<void> {
  const recorder = recordingDriver(driver);
  const quiet = { error: (m: string) => log(m) };
  const recording = createApiServer(recorder.driver, database, { log: quiet, apiKey: null });
  const api = createApiServer(driver, database, { log: quiet, apiKey: null });
  await recording.start();
  await api.start();
  const http = await startApi({ driver, database, port: 0, host: '127.0.0.1', log: quiet, apiKey: null });
  const client = new HttpLoadClient();
  const run = async (server: typeof api, query: string, variables: Record<string, unknown>): Promise<void> => {
    const response = await server.executeOperation({ query, variables }, { contextValue: server.context() });
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`bench query failed: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental')}`);
    }
  };
  console.log(`\nabout ${opts.seconds} s of requests per mode and concurrency (as many as the bare driver makes in that time at ` +
    `concurrency 8), in ${opts.rounds} interleaved rounds, after ${opts.warmup} s unmeasured per mode; ${opts.pool} variable sets per query`);
  console.log('latencies in ms (p50 p95 p99), throughput in requests/s; HTTP requests come from a client in its own thread');
  console.log(`${'query'.padEnd(24)} conc | ${'bare driver'.padEnd(34)} | ${'API in process'.padEnd(34)} | ${'API over HTTP'.padEnd(34)} | API/bare (in process; HTTP)`);
  try {
    for (const q of queries) {
      const recorded: RecordedTx[][] = [];
      for (const variables of q.variables) {
        await run(recording, q.query, variables);
        recorded.push(recorder.take());
      }
      const cypherCount = recorded.reduce((n, txs) => n + txs.reduce((m, tx) => m + tx.queries.length, 0), 0) / recorded.length;
      // Request i of a run uses variable set (offset + i) of the pool.
      const load = (mode: Mode, length: LoadLength, c: number, offset: number): Promise<LoadRun> => {
        if (mode === 'bare') return runLoad(length, c, (i) => replay(driver, database, recorded[(offset + i) % recorded.length] ?? [], API_TX_TIMEOUT_MS));
        if (mode === 'inProcess') return runLoad(length, c, (i) => run(api, q.query, q.variables[(offset + i) % q.variables.length] ?? {}));
        return client.run({ url: http.url, query: q.query, variables: q.variables, offset, length, concurrency: c });
      };
      // Warm-up, unmeasured: a fresh Neo4j compiles a query's code paths over its first
      // thousand or so runs, and Node its own; measured cold, the first query would mostly
      // time the compilers. The bare driver's rate here sizes the rounds.
      let rate = 0;
      for (const mode of MODES) {
        const warm = await load(mode, opts.warmup > 0 ? { seconds: opts.warmup } : { requests: recorded.length }, 8, 0);
        if (mode === 'bare' && opts.warmup > 0) rate = warm.latencies.length / warm.seconds;
      }
      const fewest: number[] = [];
      for (const c of opts.concurrency) {
        // Every mode runs the same requests with the same variables, so a query whose cost
        // varies with its variables is compared on equal terms: a round is as many requests
        // as the bare driver did in its share of the time at concurrency 8 (or one pass
        // over the pool without a warm-up).
        const perRound = Math.max(2 * c, Math.round(rate > 0 ? (rate * opts.seconds) / opts.rounds : recorded.length));
        const runs: Record<Mode, LoadRun[]> = { bare: [], inProcess: [], overHttp: [] };
        for (let round = 0; round < opts.rounds; round++) {
          for (let k = 0; k < MODES.length; k++) {
            const mode = MODES[(round + k) % MODES.length] ?? 'bare';
            runs[mode].push(await load(mode, { requests: perRound }, c, round * perRound));
          }
        }
        const [bare, inProcess, overHttp] = MODES.map((mode) => summarise(runs[mode])) as [LoadResult, LoadResult, LoadResult];
        console.log(`${q.name.padEnd(24)} ${String(c).padStart(4)} | ${fmt(bare)} | ${fmt(inProcess)} | ${fmt(overHttp)} | ${ratio(inProcess, bare)}; ${ratio(overHttp, bare)}`);
        const results = [bare, inProcess, overHttp];
        fewest.push(Math.min(...results.map((r) => r.requests)));
        if (results.some((r) => r.failed > 0)) {
          console.log(`${''.padEnd(24)}      FAILED requests (left out of the figures): bare ${bare.failed}, in process ${inProcess.failed}, ` +
            `over HTTP ${overHttp.failed}; first: ${results.find((r) => r.firstError !== null)?.firstError ?? ''}`);
        }
      }
      console.log(`${''.padEnd(24)}      (${cypherCount.toFixed(1)} Cypher queries per request; at least ${fewest.join(' / ')} samples per mode` +
        `${q.oneHop ? '; 1-hop: p99 target < 50 ms at concurrency 8' : ''})`);
    }
  } finally {
    await client.close();
    await http.stop();
    await api.stop();
    await recording.stop();
  }
}

await main();
