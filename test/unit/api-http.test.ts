/**
 * The API's HTTP front (src/api/http.ts) on a real port: CORS, body checks, GET, and the
 * request's headers reaching the context. No database: these requests never reach one.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { graphqlHttpHandler, KEEP_ALIVE_MS, parseContentType } from '../../src/api/http.ts';
import { createApiServer, startApi, type RunningApi } from '../../src/api/server.ts';

const noDatabase = {} as Driver; // every request here is answered before a query would run
const logged: string[] = [];
const log = { error: (message: string) => void logged.push(message) };
let api: RunningApi;

beforeAll(async () => {
  api = await startApi({ driver: noDatabase, database: 'neo4j', port: 0, host: '127.0.0.1', apiKey: 'sesame', log });
});
afterAll(() => api.stop());

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> =>
  fetch(api.url, { method: 'POST', headers, body });

describe('HTTP front', () => {
  it('answers a JSON POST, allowing any origin', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json; charset=utf-8', origin: 'https://dash.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a CORS preflight with the methods and the headers asked for', async () => {
    const res = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://dash.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-api-key');
  });

  it('serves queries by GET', async () => {
    const res = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('names a body that is not JSON, and an unsupported charset', async () => {
    const bad = await post('{"query": ');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^request body is not valid JSON: /);

    const latin = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json; charset=latin1' });
    expect(latin.status).toBe(415);
    expect(await latin.text()).toBe('unsupported charset "latin1": send UTF-8\n');
  });

  it('leaves a body of another type to Apollo, which refuses it', async () => {
    const res = await post('{ __typename }', { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/preflight|content-type/i);
  });

  it('passes the request headers to the context: a mutation without the key is refused', async () => {
    const res = await post(JSON.stringify({ query: 'mutation { deleteArticle(id: "x") { deleted } }' }));
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(logged).toEqual([]);
  });

  it('refuses a body over the size limit with 413', async () => {
    const server = createApiServer(noDatabase, 'neo4j', { apiKey: null, log });
    await server.start();
    const small: Server = createServer(graphqlHttpHandler(server, log, 64));
    await new Promise<void>((resolve) => small.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(small.address() as AddressInfo).port}/`;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename ${' '.repeat(100)}}` }) });
      expect(res.status).toBe(413);
      expect(await res.text()).toBe('request body too large: over 64 bytes\n');

      // Sent in chunks with no length given: the limit is found while reading.
      const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (r) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (text += c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        for (let i = 0; i < 10; i++) req.write(' '.repeat(40));
        req.end('{}');
      });
      expect(chunked).toEqual({ status: 413, text: 'request body too large: over 64 bytes\n' });
    } finally {
      await new Promise((resolve) => small.close(resolve));
      await server.stop();
    }
  });

  /** POSTs `{ __typename }` through `agent`: the status, and whether an open connection was reused. */
  const typename = (url: string, agent: Agent): Promise<{ status: number; reused: boolean }> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query: '{ __typename }' });
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const idle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  // Node's default keep-alive (5 s, closed at 6 s) would close this connection before the second request.
  it('keeps an idle keep-alive connection open past Node\'s default, so a client polling every few seconds reuses it', async () => {
    expect(KEEP_ALIVE_MS).toBeGreaterThanOrEqual(60_000);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await typename(api.url, agent)).toEqual({ status: 200, reused: false });
      await idle(6_500);
      expect(await typename(api.url, agent)).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 15_000);

  it('closes a connection left idle for longer than its keep-alive time', async () => {
    const short = await startApi({ driver: noDatabase, database: 'neo4j', port: 0, host: '127.0.0.1', log, keepAliveMs: 300 });
    const socket = connect(Number(new URL(short.url).port), '127.0.0.1');
    try {
      const body = JSON.stringify({ query: '{ __typename }' });
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      const closed = new Promise<number>((resolve) => socket.once('end', () => resolve(performance.now())));
      socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await vi.waitFor(() => expect(received).toContain('{"data":{"__typename":"Query"}}'));
      const answered = performance.now();
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
      expect(received).toMatch(/\r\nConnection: keep-alive\r\n/i);
      const idleFor = (await closed) - answered;
      expect(idleFor).toBeGreaterThan(200);
      expect(idleFor).toBeLessThan(3_000);
    } finally {
      socket.destroy();
      await short.stop();
    }
  });

  it('fails to start on a port in use, naming it', async () => {
    const port = Number(new URL(api.url).port);
    await expect(startApi({ driver: noDatabase, database: 'neo4j', port, host: '127.0.0.1', log })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('parseContentType', () => {
  it('reads the media type and charset', () => {
    expect(parseContentType('application/json')).toEqual({ json: true, charset: null });
    expect(parseContentType('Application/JSON ; Charset="UTF-8"')).toEqual({ json: true, charset: 'utf-8' });
    expect(parseContentType('text/plain; charset=utf-8')).toEqual({ json: false, charset: 'utf-8' });
    expect(parseContentType(undefined)).toEqual({ json: false, charset: null });
  });
});
