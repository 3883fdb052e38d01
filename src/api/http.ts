/**
 * The API's HTTP front: Node's own http server handing each request to Apollo's
 * `executeHTTPGraphQLRequest`, the entry point Apollo gives integrations.
 *
 * It replaces `startStandaloneServer`, whose general-purpose middleware (cors, body-parser
 * with its charset decoders, finalhandler) costs more per request than the checks made
 * here: `{ __typename }` over keep-alive HTTP, client and server together, took 0.21-0.26 ms
 * of CPU per request here against 0.25-0.34 ms through the standalone server, alternating in
 * the same runs (a bare Node server: 0.07-0.10 ms). What it keeps of theirs:
 *  - CORS for dashboards in browsers: any origin, preflights answered with the methods
 *    and headers asked for;
 *  - JSON bodies in UTF-8 only (415 otherwise), a size cap (413), a 400 naming the problem
 *    for a body that is not JSON;
 *  - GET requests, which Apollo serves (queries only, with its CSRF check).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { ApiContext } from './context.ts';
import type { ErrorLog } from './errors.ts';
import type { RequestHeaders } from './auth.ts';

/**
 * How long an idle keep-alive connection is kept open (Node closes it a second later).
 * Node's default is 5 s. With that default, a client that comes back after about 6 s can
 * send its request just as the server closes the socket, and the request fails with
 * ECONNRESET. The API bench hit this at concurrency 32; a dashboard polling every few
 * seconds would too. A client that polls more often than this never meets the close. A
 * client that polls less often finds the socket already closed and opens a new one.
 */
export const KEEP_ALIVE_MS = 65_000;

/** Largest request body accepted: an `ingestArticle` carries a whole article. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** What the HTTP front needs of the API server: Apollo's entry point and a context per request. */
export type HttpApi = Pick<ApolloServer<ApiContext>, 'executeHTTPGraphQLRequest'> & { context(headers?: RequestHeaders): ApiContext };

/** An HTTP error answered as plain text before Apollo is involved. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether a content-type header names JSON, and its charset (lower case, or null when none is
 * given). `application/json; charset=utf-8` -> { json: true, charset: 'utf-8' }.
 */
export function parseContentType(header: string | undefined): { json: boolean; charset: string | null } {
  if (header === undefined) return { json: false, charset: null };
  if (header === 'application/json') return { json: true, charset: null }; // what most clients send
  const [type = '', ...params] = header.split(';');
  const charset = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^";\s]+)"?$/i)?.[1]).find((c) => c !== undefined);
  return { json: type.trim().toLowerCase() === 'application/json', charset: charset?.toLowerCase() ?? null };
}

/**
 * Reads the whole body, refusing more than `limit` bytes (declared, or found while reading).
 * Stream events, not `for await`: in a CPU profile of the HTTP bench the async iterator's
 * machinery came to some 10 µs per request.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = (): HttpError => new HttpError(413, `request body too large: over ${limit} bytes`); // made only when needed
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume(); // drain the rest; the answer is the 413
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    req.once('error', reject);
  });
}

/** The JSON body of a POST, or undefined (Apollo then answers what is missing). */
async function jsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const { json, charset } = parseContentType(req.headers['content-type']);
  if (!json) {
    req.resume(); // drain it; Apollo answers that the body is not JSON
    return undefined;
  }
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') throw new HttpError(415, `unsupported charset "${charset}": send UTF-8`);
  const text = await readBody(req, limit);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, `request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function corsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  if (req.method !== 'OPTIONS') return;
  res.setHeader('access-control-allow-methods', 'GET,HEAD,POST');
  const asked = req.headers['access-control-request-headers'];
  if (asked !== undefined) {
    res.setHeader('access-control-allow-headers', asked);
    res.setHeader('vary', 'Access-Control-Request-Headers');
  }
  res.setHeader('access-control-max-age', '600');
}

function plain(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(`${message}\n`);
}

/** The request handler for `http.createServer`. */
export function graphqlHttpHandler(api: HttpApi, log: ErrorLog, maxBodyBytes: number = MAX_BODY_BYTES): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    corsHeaders(req, res);
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.setHeader('content-length', '0');
      res.end();
      return;
    }
    const body = await jsonBody(req, maxBodyBytes);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const response = await api.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query >= 0 ? url.slice(query) : '', body },
      context: async () => api.context(req.headers),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) return plain(res, err.status, err.message);
      log.error(`HTTP request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      plain(res, 500, 'internal server error');
    });
  };
}
