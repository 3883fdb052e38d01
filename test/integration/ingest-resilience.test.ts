/**
 * Ingest under stress, on a Neo4j server of this file's own (temp data dir, free port;
 * stopped at the end) so that stopping it, or filling it from four processes, disturbs no
 * other test run on the shared test server:
 *  - Neo4j stopped in the middle of an ingest: the ingest gives up with a clear error and
 *    exit 1, no article is half written, and after a restart a second run leaves the same
 *    graph as one clean run;
 *  - four ingest processes at once over overlapping inputs: no duplicate node or
 *    relationship, and the same graph as one process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/ingestCorpus.ts';
import { ingestPaths, type IngestSummary } from '../../src/commands/ingest.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { localServerPaths, resolveConnection, type LocalServerPaths } from '../../src/neo4j/config.ts';
import { ensureNeo4j } from '../../src/neo4j/ensure.ts';
import { startLocalServer, stopLocalServer } from '../../src/neo4j/server.ts';
import { runCli, snapshot, type GraphSnapshot } from './ingest-helpers.ts';
import { clearDatabase } from './support/neo4j.ts';
import { tempDir } from '../support/tempDir.ts';

const external = resolveConnection(process.env).external; // NEO4J_URI: no local server to stop

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

let dataDir: string;
let env: Record<string, string | undefined>;
let paths: LocalServerPaths;
let driver: Driver;
const database = 'neo4j';

beforeAll(async () => {
  if (external) return;
  dataDir = mkdtempSync(join(tmpdir(), 'govgraph-ingest-resilience-'));
  env = { ...process.env, GOVGRAPH_DATA_DIR: dataDir, GOVGRAPH_NEO4J_PORT: String(await freePort()), GOVGRAPH_NEO4J_HEAP: '512m', GOVGRAPH_NEO4J_PAGECACHE: '128m' };
  paths = localServerPaths(env);
  const conn = await ensureNeo4j(env, () => undefined);
  driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), { disableLosslessIntegers: true });
  await applySchema(driver, database);
}, 300_000);

afterAll(async () => {
  if (external) return;
  await driver?.close();
  await stopLocalServer(paths);
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

beforeEach(async () => {
  if (!external) await clearDatabase(driver, database);
});

const articleCount = async (): Promise<number> =>
  Number((await driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n', {}, { database })).records[0]?.get('n') ?? 0);

/** The rows of `s` that belong to articles of `ids`. */
const rowsOf = (rows: string[], ids: Set<string>): string[] => rows.filter((r) => ids.has(r.split(' ')[0] ?? ''));

describe.skipIf(external)('an ingest on a server of its own', () => {
  it('survives Neo4j stopping mid-ingest: clear error, nothing half written, a second run completes the graph', async () => {
    const corpus = tempDir('ingest-restart');
    generateCorpus(corpus, 400, 3);
    const args = ['ingest', corpus, '--json', '--workers', '1', '--batch-size', '10', '--retries', '1'];
    const running = runCli(args, env);
    const deadline = Date.now() + 240_000;
    while ((await articleCount()) < 40) {
      if (Date.now() > deadline) throw new Error('the ingest stored nothing in 240 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    await stopLocalServer(paths);
    const interrupted = await running;
    expect(interrupted.code).toBe(1);
    const summary = JSON.parse(interrupted.stdout) as IngestSummary;
    expect(summary.stopped).toMatch(/^Neo4j unavailable \(gave up after 2 attempt\(s\): /);
    expect(summary.new).toBeLessThan(400);
    expect(summary.failed.length).toBeGreaterThan(0);
    expect(summary.failed[0]?.error).toMatch(/^not stored \(the transaction of its batch of \d+ was rolled back\): Neo4j unavailable/);
    expect(interrupted.stderr).toMatch(/retry 1 in/);

    await startLocalServer({ paths, env, log: () => undefined });
    const partial = await snapshot(driver, database);
    expect(partial.counts.articles).toBeGreaterThanOrEqual(summary.new);

    const rerun = await runCli(args, env);
    expect(rerun.code).toBe(0);
    const recovered = await snapshot(driver, database);

    await clearDatabase(driver, database);
    const clean: IngestSummary = await ingestPaths(driver, database, [corpus], { quiet: true, workers: 1 });
    expect(clean).toMatchObject({ new: 400, failed: [] });
    const fresh = await snapshot(driver, database);
    expect(recovered).toEqual(fresh);

    // Every article stored before the stop was stored whole: its statements and mentions are those of the clean run.
    const stored = new Set(
      (await driver.executeQuery('MATCH (a:Article) RETURN a.id AS id', {}, { database })).records
        .map((r) => String(r.get('id')))
        .filter((id) => partial.mentions.some((m) => m.startsWith(`${id} `))),
    );
    expect(stored.size).toBeGreaterThan(0);
    const whole = (s: GraphSnapshot): { statements: string[]; mentions: string[] } => ({ statements: rowsOf(s.statements, stored), mentions: rowsOf(s.mentions, stored) });
    expect(whole(partial)).toEqual(whole(fresh));
    expect(partial.counts.articles).toBe(stored.size);
  }, 900_000);

  it('four processes at once over overlapping inputs: no duplicate, and the graph of one process', async () => {
    const corpus = tempDir('ingest-concurrent');
    generateCorpus(corpus, 160, 11);
    const [jsonl, text, html, feeds] = ['jsonl', 'text', 'html', 'feeds'].map((d) => join(corpus, d)) as [string, string, string, string];
    const inputs = [[jsonl, text], [text, html], [html, feeds, jsonl], [corpus]];
    const runs = await Promise.all(inputs.map((list) => runCli(['ingest', ...list, '--json', '--workers', '1', '--batch-size', '10'], env)));
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const concurrent = await snapshot(driver, database);
    expect(concurrent.duplicateRelationships).toBe(0);
    expect(concurrent.counts.articles).toBe(160);

    await clearDatabase(driver, database);
    expect(await ingestPaths(driver, database, [corpus], { quiet: true })).toMatchObject({ new: 160, failed: [] });
    expect(concurrent).toEqual(await snapshot(driver, database));
  }, 600_000);
});
