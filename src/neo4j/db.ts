/**
 * `govgraph db start|stop|status`: plain async functions that print human-friendly lines and
 * return the process exit code. The CLI (src/cli.ts) wires them to subcommands.
 *
 * Exit codes: 0 ok (status: running or external server reachable), 1 error,
 * 3 (status only) local server not running / external server unreachable.
 */
import neo4j from 'neo4j-driver';
import { type Env, type Logger, localServerPaths, resolveConnection } from './config.ts';
import { ensureNeo4j } from './ensure.ts';
import { isInstalled } from './provision.ts';
import { localServerStatus, stopLocalServer } from './server.ts';

const defaultOut: Logger = (line) => console.log(line);

function errorLine(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `govgraph db start`: installs and starts the local server if needed; returns an exit code. */
export async function dbStart(env: Env = process.env, out: Logger = defaultOut): Promise<number> {
  try {
    const conn = resolveConnection(env);
    if (conn.external) {
      out(`NEO4J_URI is set: using the external server at ${conn.uri}; nothing to start.`);
      return 0;
    }
    const paths = localServerPaths(env);
    const before = localServerStatus(paths);
    const ready = await ensureNeo4j(env, out);
    const after = localServerStatus(paths);
    out(before.running ? `Neo4j ${paths.version} is already running at ${ready.uri} (pid ${after.pid ?? '?'}).` : `Neo4j ${paths.version} is running at ${ready.uri} (pid ${after.pid ?? '?'}).`);
    out(`  data: ${paths.dataDir}`);
    out(`  log:  ${paths.logFile}`);
    out('  auth: disabled (listens on 127.0.0.1 only); stop it with `govgraph db stop`.');
    return 0;
  } catch (err) {
    out(`govgraph db start failed: ${errorLine(err)}`);
    return 1;
  }
}

/** `govgraph db stop`: stops the local server (SIGTERM, then SIGKILL); returns an exit code. */
export async function dbStop(env: Env = process.env, out: Logger = defaultOut): Promise<number> {
  try {
    const conn = resolveConnection(env);
    if (conn.external) {
      out(`NEO4J_URI is set: the external server at ${conn.uri} is not govgraph's to stop.`);
      return 0;
    }
    const paths = localServerPaths(env);
    const result = await stopLocalServer(paths);
    if (!result.wasRunning) out(`Neo4j is not running (data dir ${paths.dataDir}).`);
    else out(`Neo4j stopped (pid ${result.pid ?? '?'}${result.killed ? ', killed after SIGTERM timed out' : ''}).`);
    return 0;
  } catch (err) {
    out(`govgraph db stop failed: ${errorLine(err)}`);
    return 1;
  }
}

/** `govgraph db status`: reports running/stopped (or external reachability); returns 0, 3 or 1. */
export async function dbStatus(env: Env = process.env, out: Logger = defaultOut): Promise<number> {
  try {
    const conn = resolveConnection(env);
    if (conn.external) {
      const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), { connectionTimeout: 5000 });
      try {
        await driver.verifyConnectivity({ database: conn.database });
        out(`external Neo4j at ${conn.uri} (database ${conn.database}): reachable`);
        return 0;
      } catch (err) {
        out(`external Neo4j at ${conn.uri}: unreachable (${errorLine(err)})`);
        return 3;
      } finally {
        await driver.close();
      }
    }
    const paths = localServerPaths(env);
    const status = localServerStatus(paths);
    out(status.running ? `Neo4j ${paths.version}: running at ${status.uri} (pid ${status.pid ?? '?'})` : `Neo4j ${paths.version}: stopped${status.stalePidFile ? ' (stale pid file left by a crash)' : ''}`);
    out(`  data:      ${status.dataDir}`);
    out(`  log:       ${status.logFile}`);
    out(`  installed: ${isInstalled(paths) ? paths.installDir : 'no (`govgraph db start` installs it)'}`);
    return status.running ? 0 : 3;
  } catch (err) {
    out(`govgraph db status failed: ${errorLine(err)}`);
    return 1;
  }
}
