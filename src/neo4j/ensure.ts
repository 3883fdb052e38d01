/**
 * The one call the rest of govgraph makes before talking to Neo4j: returns a connection to
 * a server that is up, provisioning and starting the local one when no NEO4J_URI is set.
 */
import { type ConnectionConfig, type Env, type Logger, localServerPaths, resolveConnection, stderrLogger } from './config.ts';
import { ensureInstalled } from './provision.ts';
import { localServerStatus, portAcceptsConnections, startLocalServer } from './server.ts';

/** A connection to a running Neo4j: external as configured, or the local server (installed and started if needed). */
export async function ensureNeo4j(env: Env = process.env, log: Logger = stderrLogger): Promise<ConnectionConfig> {
  const conn = resolveConnection(env);
  if (conn.external) return conn;
  const paths = localServerPaths(env);

  // Fast path: already running and accepting connections (no Maven, no Java probe, no lock).
  const status = localServerStatus(paths);
  if (status.running) {
    const port = Number(new URL(status.uri).port);
    if (await portAcceptsConnections(paths.host, port)) return { ...conn, uri: status.uri };
  }

  await ensureInstalled(paths, log, env);
  const server = await startLocalServer({ paths, log, env });
  if (server.uri !== conn.uri) {
    log(`govgraph: the server for ${paths.dataDir} is running at ${server.uri}, not ${conn.uri}; using ${server.uri}`);
  }
  return { ...conn, uri: server.uri };
}
