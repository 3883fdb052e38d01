/**
 * vitest globalSetup for the integration project: makes sure a Neo4j is up and hands its
 * connection to the test files (`inject('neo4j')`, see test/integration/support/neo4j.ts).
 *
 * - NEO4J_URI set: that external server is used as is (nothing started or stopped).
 * - Otherwise a local test server separate from the user's: data dir GOVGRAPH_TEST_DATA_DIR
 *   (default `<cache>/test-data`), port GOVGRAPH_TEST_NEO4J_PORT (default 7688), started if
 *   not running.
 *
 * Several test runs may share that server at once (two terminals, or several people in one
 * tree). Each run holds a lease file while it runs; a server that a test run started is
 * stopped by the last run to leave, and a server started some other way (`govgraph db start`
 * with the test env, or GOVGRAPH_TEST_KEEP_NEO4J=1) is left running. Leases of runs that died
 * are ignored (their pid is gone).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ConnectionConfig, type Env, type LocalServerPaths, localServerPaths, resolveConnection } from '../src/neo4j/config.ts';
import { ensureNeo4j } from '../src/neo4j/ensure.ts';
import { pidAlive, withFileLock } from '../src/neo4j/lock.ts';
import { localServerStatus, stopLocalServer } from '../src/neo4j/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: ConnectionConfig;
  }
}

/** Lease bookkeeping may wait for another run's cold install and start. */
const LEASE_LOCK_TIMEOUT_MS = 20 * 60_000;

/** The environment the integration tests run Neo4j with: the user's, redirected to the test data dir and port. */
export function testNeo4jEnv(env: Env = process.env): Env {
  if (resolveConnection(env).external) return env;
  const cacheDir = localServerPaths(env).cacheDir;
  return {
    ...env,
    GOVGRAPH_DATA_DIR: env.GOVGRAPH_TEST_DATA_DIR || join(cacheDir, 'test-data'),
    GOVGRAPH_NEO4J_PORT: env.GOVGRAPH_TEST_NEO4J_PORT || '7688',
  };
}

function leaseDir(paths: LocalServerPaths): string {
  return join(paths.dataDir, 'test-leases');
}

/** File naming the pid of a server that a test run started (so the last run out may stop it). */
function testOwnedFile(paths: LocalServerPaths): string {
  return join(paths.dataDir, 'test-owned.pid');
}

/** Pids of other test runs that are still alive and hold a lease. */
function otherLiveLeases(paths: LocalServerPaths): number[] {
  let names: string[] = [];
  try {
    names = readdirSync(leaseDir(paths));
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (pidAlive(pid)) pids.push(pid);
    else rmSync(join(leaseDir(paths), name), { force: true }); // a run that died
  }
  return pids;
}

function readTestOwnedPid(paths: LocalServerPaths): number | undefined {
  try {
    return Number(readFileSync(testOwnedFile(paths), 'utf8').trim());
  } catch {
    return undefined;
  }
}

/** Starts (or joins) the test server, provides its connection, and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = testNeo4jEnv();
  const log = (line: string): void => {
    process.stderr.write(`[globalSetup] ${line}\n`);
  };
  if (resolveConnection(env).external) {
    project.provide('neo4j', await ensureNeo4j(env, log));
    return async () => undefined;
  }

  const paths = localServerPaths(env);
  const leaseLock = join(paths.dataDir, 'test-leases.lock');
  const myLease = join(leaseDir(paths), String(process.pid));
  const keep = env.GOVGRAPH_TEST_KEEP_NEO4J === '1';

  const conn = await withFileLock(leaseLock, LEASE_LOCK_TIMEOUT_MS, async () => {
    mkdirSync(leaseDir(paths), { recursive: true });
    writeFileSync(myLease, `${new Date().toISOString()}\n`);
    const wasRunning = localServerStatus(paths).running;
    let ready: ConnectionConfig;
    try {
      ready = await ensureNeo4j(env, log);
    } catch (err) {
      rmSync(myLease, { force: true });
      throw err;
    }
    const pid = localServerStatus(paths).pid;
    if (!wasRunning && pid !== undefined) {
      if (keep) rmSync(testOwnedFile(paths), { force: true });
      else writeFileSync(testOwnedFile(paths), `${pid}\n`);
    }
    return ready;
  });
  project.provide('neo4j', conn);

  return async () => {
    await withFileLock(leaseLock, LEASE_LOCK_TIMEOUT_MS, async () => {
      rmSync(myLease, { force: true });
      if (keep || otherLiveLeases(paths).length > 0) return;
      const status = localServerStatus(paths);
      if (!status.running || status.pid !== readTestOwnedPid(paths)) return; // not started by a test run
      const stopped = await stopLocalServer(paths);
      rmSync(testOwnedFile(paths), { force: true });
      if (stopped.killed) log(`Neo4j test server (pid ${stopped.pid ?? '?'}) had to be killed`);
    });
  };
}
