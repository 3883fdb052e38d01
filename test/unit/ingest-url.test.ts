/**
 * The URL source against a node:http server on 127.0.0.1: pages, feeds and text by
 * Content-Type or by sniffing, and each failure (HTTP error, unreachable, too large, timed
 * out, no text) as one error naming the URL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_OPTIONS, type SourceItem, type SourceOptions } from '../../ingest/sources/item.ts';
import { urlSource } from '../../ingest/sources/url.ts';

const PAGE = `<!doctype html><html><head><title>T</title><meta property="og:title" content="Summit opens">
<meta name="date" content="2024-05-01"></head><body><nav>Home</nav><article><p>The Internet Governance Forum opened in Riyadh on Monday.</p></article></body></html>`;
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local feed</title>
<item><title>One</title><link>http://news.local/1</link><description>ICANN met in Kigali.</description></item>
<item><title>Two</title><link>http://news.local/2</link><description>&lt;p&gt;Huawei opened a lab.&lt;/p&gt;</description></item></channel></rss>`;

const routes: Record<string, { type?: string; body: string | Buffer; status?: number; delayMs?: number }> = {
  '/page': { type: 'text/html; charset=utf-8', body: PAGE },
  '/feed': { type: 'application/rss+xml', body: RSS },
  '/sniffed': { type: 'application/octet-stream', body: RSS },
  '/text': { type: 'text/plain', body: '# A text article\n\nReuters said the European Union adopted new rules.' },
  '/missing': { status: 404, type: 'text/plain', body: 'not found' },
  '/big': { type: 'text/plain', body: 'x'.repeat(5000) },
  '/empty-page': { type: 'text/html', body: '<html><body><script>1</script></body></html>' },
  '/binary': { type: 'text/plain', body: Buffer.from([0x47, 0x00, 0x01, 0x02]) },
  '/slow': { type: 'text/plain', body: 'late', delayMs: 3000 },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const send = (): void => {
      res.writeHead(route.status ?? 200, route.type ? { 'content-type': route.type } : {});
      res.end(route.body);
    };
    if (route.delayMs) setTimeout(send, route.delayMs).unref();
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function read(path: string, opts: Partial<SourceOptions> = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of urlSource(`${base}${path}`, { ...DEFAULT_SOURCE_OPTIONS, ...opts })) items.push(item);
  return items;
}

describe('urlSource', () => {
  it('reads an HTML page with its meta tags, identified by its URL', async () => {
    const [item] = await read('/page');
    expect(item?.kind).toBe('article');
    if (item?.kind !== 'article') return;
    expect(item.article).toMatchObject({ title: 'Summit opens', url: `${base}/page`, published: '2024-05-01', source: '127.0.0.1' });
    expect(item.article.body).toBe('The Internet Governance Forum opened in Riyadh on Monday.');
  });

  it('reads a feed by Content-Type, and by sniffing when the type says nothing', async () => {
    for (const path of ['/feed', '/sniffed']) {
      const items = await read(path);
      expect(items.map((i) => (i.kind === 'article' ? [i.article.url, i.article.body] : i.reason))).toEqual([
        ['http://news.local/1', 'ICANN met in Kigali.'],
        ['http://news.local/2', 'Huawei opened a lab.'],
      ]);
    }
  });

  it('gives a text document without a url header the URL it came from', async () => {
    const [item] = await read('/text');
    expect(item?.kind === 'article' && item.article).toMatchObject({ title: 'A text article', url: `${base}/text` });
  });

  it('names the URL and the reason for each failure', async () => {
    const reasons = async (path: string, opts: Partial<SourceOptions> = {}): Promise<string[]> =>
      (await read(path, opts)).map((i) => `${i.origin.replace(base, '')}: ${i.kind === 'error' ? i.reason : 'article'}`);
    expect(await reasons('/missing')).toEqual(['/missing: returned HTTP 404 Not Found']);
    expect(await reasons('/big', { maxBytes: 1000 })).toEqual(['/big: is 5000 bytes, over the 1000-byte limit (--max-bytes)']);
    expect(await reasons('/empty-page')).toEqual(['/empty-page: HTML has no article text']);
    expect(await reasons('/binary')).toEqual(['/binary: looks binary (contains NUL bytes), expected text']);
    expect(await reasons('/slow', { timeoutMs: 300 })).toEqual(['/slow: timed out']);
  });

  it('reports an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const items: SourceItem[] = [];
    for await (const item of urlSource(`http://127.0.0.1:${port}/gone`, DEFAULT_SOURCE_OPTIONS)) items.push(item);
    expect(items).toEqual([{ kind: 'error', origin: `http://127.0.0.1:${port}/gone`, reason: 'unreachable (ECONNREFUSED)', bytes: 0 }]);
  });
});
