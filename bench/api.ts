/**
 * API benchmark (`npm run bench:api [-- options]`). Starts (or reuses) a Neo4j of its own
 * (data dir <cache>/bench-data, port 7689; GOVGRAPH_BENCH_DATA_DIR / GOVGRAPH_BENCH_NEO4J_PORT
 * override), seeds a generated graph (>= 100k entities, >= 1M typed relations) unless it
 * already holds it, then measures five analyst queries at concurrency 1, 8 and 32 three
 * ways: the same Cypher through the bare driver, the API in process (Apollo
 * executeOperation) and the API over HTTP. Prints p50/p95/p99, throughput and the ratios
 * API/bare. Figures only, no pass/fail. Stops the server at the end if it started it,
 * unless --keep.
 *
 * Options: --entities N (100000) --relations N (1000000) --articles N (20000)
 *          --requests N per run (300) --pool N variable sets per query (100)
 *          --concurrency 1,8,32 --reseed --keep
 */
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createApiServer, startApi } from '../src/api/server.ts';
import { API_TX_TIMEOUT_MS } from '../src/api/queries/cypher.ts';
import { openDriver } from '../src/graph/driver.ts';
import { localServerPaths, type Env } from '../src/neo4j/config.ts';
import { ensureNeo4j } from '../src/neo4j/ensure.ts';
import { localServerStatus, stopLocalServer } from '../src/neo4j/server.ts';
import { runLoad, type LoadResult } from './apiLoad.ts';
import { benchQueries, type BenchQuery } from './apiQueries.ts';
import { recordingDriver, replay, type RecordedTx } from './apiRecord.ts';
import { seedGraph } from './seed.ts';

interface Options {
  entities: number;
  relations: number;
  articles: number;
  requests: number;
  pool: number;
  concurrency: number[];
  reseed: boolean;
  keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const opts: Options = { entities: 100_000, relations: 1_000_000, articles: 20_000, requests: 300, pool: 100, concurrency: [1, 8, 32], reseed: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    const n = Number(value);
    if (flag === '--reseed') opts.reseed = true;
    else if (flag === '--keep') opts.keep = true;
    else if (flag === '--concurrency') { opts.concurrency = value.split(',').map(Number).filter((c) => c > 0); i++; }
    else if (flag && ['--entities', '--relations', '--articles', '--requests', '--pool'].includes(flag) && n > 0) {
      opts[flag.slice(2) as 'entities' | 'relations' | 'articles' | 'requests' | 'pool'] = Math.trunc(n);
      i++;
    } else throw new Error(`bench:api: unknown option ${String(flag)}`);
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
    const queries = await benchQueries(driver, database, opts.pool);
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

async function measure(driver: Driver, database: string, queries: BenchQuery[], opts: Options): Promise<void> {
  const recorder = recordingDriver(driver);
  const quiet = { error: (m: string) => log(m) };
  const recording = createApiServer(recorder.driver, database, { log: quiet, apiKey: null });
  const api = createApiServer(driver, database, { log: quiet, apiKey: null });
  await recording.start();
  await api.start();
  const http = await startApi({ driver, database, port: 0, host: '127.0.0.1', log: quiet, apiKey: null });
  const run = async (server: typeof api, query: string, variables: Record<string, unknown>): Promise<void> => {
    const response = await server.executeOperation({ query, variables }, { contextValue: server.context() });
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`bench query failed: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental')}`);
    }
  };
  // A keep-alive node:http client, as a dashboard's server-side client would hold one: fetch()
  // costs the shared event loop more per request than the whole HTTP server side does.
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(...opts.concurrency) });
  const post = async (query: string, variables: Record<string, unknown>): Promise<void> => {
    const { status, body } = await postJson(http.url, JSON.stringify({ query, variables }), agent);
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (status !== 200 || parsed.errors) throw new Error(`bench HTTP query failed (${status}): ${JSON.stringify(parsed.errors)}`);
  };

  console.log(`\n${opts.requests} requests per run, ${opts.pool} variable sets per query; latencies in ms (p50 p95 p99), throughput in requests/s`);
  console.log(`${'query'.padEnd(24)} conc | ${'bare driver'.padEnd(34)} | ${'API in process'.padEnd(34)} | ${'API over HTTP'.padEnd(34)} | API/bare (in process; HTTP)`);
  try {
    for (const q of queries) {
      // Recording is also the API's warm-up; one replay pass warms the bare path.
      const recorded: RecordedTx[][] = [];
      for (const variables of q.variables) {
        await run(recording, q.query, variables);
        recorded.push(recorder.take());
      }
      const cypherCount = recorded.reduce((n, txs) => n + txs.reduce((m, tx) => m + tx.length, 0), 0) / recorded.length;
      for (const txs of recorded) await replay(driver, database, txs, API_TX_TIMEOUT_MS);
      for (const c of opts.concurrency) {
        const bare = await runLoad(opts.requests, c, (i) => replay(driver, database, recorded[i % recorded.length] ?? [], API_TX_TIMEOUT_MS));
        const inProcess = await runLoad(opts.requests, c, (i) => run(api, q.query, q.variables[i % q.variables.length] ?? {}));
        const overHttp = await runLoad(opts.requests, c, (i) => post(q.query, q.variables[i % q.variables.length] ?? {}));
        console.log(`${q.name.padEnd(24)} ${String(c).padStart(4)} | ${fmt(bare)} | ${fmt(inProcess)} | ${fmt(overHttp)} | ${ratio(inProcess, bare)}; ${ratio(overHttp, bare)}`);
      }
      console.log(`${''.padEnd(24)}      (${cypherCount.toFixed(1)} Cypher queries per request${q.oneHop ? '; 1-hop: p99 target < 50 ms at concurrency 8' : ''})`);
    }
  } finally {
    agent.destroy();
    await http.stop();
    await api.stop();
    await recording.stop();
  }
}

/** POSTs a JSON body and reads the whole response as text. */
function postJson(url: string, body: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolvePost, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolvePost({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

await main();
