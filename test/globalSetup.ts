/**
 * vitest globalSetup for the integration project: makes sure a Neo4j is up and hands its
 * connection to the test files (`inject('neo4j')`, see test/integration/support/neo4j.ts).
 *
 * - NEO4J_URI set: that external server is used as is (nothing started or stopped).
 * - Otherwise a local test server separate from the user's: data dir GOVGRAPH_TEST_DATA_DIR
 *   (default `<cache>/test-data`), port GOVGRAPH_TEST_NEO4J_PORT (default 7688). It is
 *   started if not running and stopped at teardown only if this run started it, unless
 *   GOVGRAPH_TEST_KEEP_NEO4J=1 (keeps it up so the next run skips the JVM start).
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ConnectionConfig, type Env, localServerPaths, resolveConnection } from '../src/neo4j/config.ts';
import { ensureNeo4j } from '../src/neo4j/ensure.ts';
import { localServerStatus, stopLocalServer } from '../src/neo4j/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: ConnectionConfig;
  }
}

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = testNeo4jEnv();
  const external = resolveConnection(env).external;
  const paths = external ? undefined : localServerPaths(env);
  const wasRunning = paths ? localServerStatus(paths).running : true;
  const log = (line: string): void => {
    process.stderr.write(`[globalSetup] ${line}\n`);
  };

  const conn = await ensureNeo4j(env, log);
  project.provide('neo4j', conn);

  return async () => {
    if (!paths || wasRunning || env.GOVGRAPH_TEST_KEEP_NEO4J === '1') return;
    const stopped = await stopLocalServer(paths);
    if (stopped.killed) log(`Neo4j test server (pid ${stopped.pid ?? '?'}) had to be killed`);
  };
}
