/** `govgraph serve`: the GraphQL API over the graph, until interrupted. */
import { startApi } from '../api/server.ts';
import type { OpenGraph } from './graph.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
}

/** An example request a user can paste once the API is up. */
export function exampleQuery(url: string): string {
  const query = '{ partnerNetwork(country: "China") { nodes { name code } edges { source target support evidence(limit: 2) { sentence article { title url } } } } }';
  return `curl -s ${url} -H 'content-type: application/json' --data '${JSON.stringify({ query })}'`;
}

/** Serves the API and resolves when the process is asked to stop (SIGINT/SIGTERM). */
export async function serveUntilStopped(graph: OpenGraph, opts: ServeOptions = {}, out: (t: string) => void = console.log): Promise<void> {
  const port = opts.port ?? 4000;
  const host = opts.host ?? '127.0.0.1';
  const api = await startApi({ driver: graph.driver, database: graph.database, port, host });
  const shown = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shown}:${new URL(api.url).port}/graphql`;
  out(`govgraph GraphQL API ready at ${url} (Neo4j: ${graph.uri})`);
  out('Try:');
  out(`  ${exampleQuery(url)}`);
  out('Stop with Ctrl+C (the local Neo4j keeps running; `npx govgraph db stop` stops it).');
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await api.stop();
}
