/**
 * Apollo Server wiring: the schema, error masking, and the HTTP server (http.ts). The API
 * does not own the driver: `stop()` stops the HTTP server, the caller closes the driver.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { API_KEY_ENV, checkWriteAccess, type RequestHeaders } from './auth.ts';
import { createContext, type ApiContext } from './context.ts';
import { createFormatError, type ErrorLog } from './errors.ts';
import { graphqlHttpHandler, KEEP_ALIVE_MS } from './http.ts';
import { jitGateway } from './jitExecutor.ts';
import { costLimitPlugin, depthRule, MAX_TOKENS } from './limits.ts';
import { buildApiSchema } from './schemaLoader.ts';

export interface ApiServerOptions {
  /** Where internal errors are logged (default: console.error). */
  log?: ErrorLog;
  /**
   * The key mutations need; default: the GOVGRAPH_API_KEY environment variable. Null or
   * empty: mutations are refused.
   */
  apiKey?: string | null;
}

export interface StartApiOptions extends ApiServerOptions {
  driver: Driver;
  database: string;
  /** TCP port; 0 picks a free one (default 4000). */
  port?: number;
  /** Interface to listen on (default: all). */
  host?: string;
  /** How long an idle keep-alive connection stays open (default KEEP_ALIVE_MS). */
  keepAliveMs?: number;
}

export interface RunningApi {
  /** e.g. http://localhost:4000/ */
  url: string;
  /** Stops accepting requests and waits for running ones; leaves the driver open. */
  stop(): Promise<void>;
}

/** An Apollo Server that also makes the per-request context for its graph. */
export type ApiServer = ApolloServer<ApiContext> & {
  /**
   * A fresh context (new loaders) for one operation against this server's database; the
   * request's headers decide whether it may run mutations.
   */
  context(headers?: RequestHeaders): ApiContext;
};

/**
 * An Apollo Server for the graph in `database`, not yet listening. Run operations with
 * `server.executeOperation(request, { contextValue: server.context() })`.
 */
export function createApiServer(driver: Driver, database: string, options: ApiServerOptions = {}): ApiServer {
  const log = options.log ?? { error: (message: string) => console.error(message) };
  const apiKey = options.apiKey === undefined ? process.env[API_KEY_ENV] : options.apiKey;
  const schema = buildApiSchema();
  const server = new ApolloServer<ApiContext>({
    // The schema, served with operations compiled by graphql-jit (jitExecutor.ts).
    gateway: jitGateway(schema),
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [depthRule()],
    // No HTTP caching hints (every answer reflects the live graph), so Apollo's cache-control
    // plugin, which otherwise runs a hook on every resolved field, is switched off.
    plugins: [costLimitPlugin<ApiContext>(schema), ApolloServerPluginCacheControlDisabled()],
  });
  return Object.assign(server, {
    context: (headers: RequestHeaders = {}) => createContext(driver, database, checkWriteAccess(apiKey, headers)),
  });
}

/** Starts the API over HTTP (http.ts) and returns its url and a stop function. */
export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const { driver, database, port = 4000, host } = options;
  const log = options.log ?? { error: (message: string) => console.error(message) };
  const server = createApiServer(driver, database, options);
  const httpServer = createServer(graphqlHttpHandler(server, log));
  httpServer.keepAliveTimeout = options.keepAliveMs ?? KEEP_ALIVE_MS;
  // stop() stops taking connections and lets running requests finish.
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(host === undefined ? { port } : { port, host }, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await server.stop().catch(() => undefined); // e.g. the port is taken: leave nothing running
    throw err;
  }
  return { url: urlOf(httpServer.address() as AddressInfo), stop: () => server.stop() };
}

/** `http://host:port/` of a listening server; a wildcard address is reached as localhost. */
function urlOf({ address, family, port }: AddressInfo): string {
  const host = address === '' || address === '::' || address === '0.0.0.0' ? 'localhost' : family === 'IPv6' ? `[${address}]` : address;
  return `http://${host}:${port}/`;
}
