/**
 * `govgraph ingest` against the real test Neo4j: every fixture format into the graph, the
 * same input twice changing nothing, a changed article at the same URL replacing only its
 * own statements, URLs from a local http server, the CLI's exit status, --json and --quiet.
 * (Neo4j stopped mid-ingest and four processes at once: ingest-resilience.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths, type IngestSummary } from '../../src/commands/ingest.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { planInputs } from '../../ingest/sources/inputs.ts';
import { DEFAULT_SOURCE_OPTIONS } from '../../ingest/sources/item.ts';
import { readInputs } from '../../ingest/sources/read.ts';
import type { Article } from '../../src/model.ts';
import { unchangedArticles } from '../../src/pipeline/unchanged.ts';
import { runCli, snapshot, type GraphSnapshot } from './ingest-helpers.ts';
import { clearDatabase, testConnection, testDatabase, testDriver } from './support/neo4j.ts';
import { tempDir } from '../support/tempDir.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

let driver: Driver;
const database = testDatabase();
const testEnv = (): Record<string, string> => {
  const c = testConnection();
  return { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, NEO4J_DATABASE: c.database };
};
const ingest = (inputs: string[], opts: Parameters<typeof ingestPaths>[3] = {}): Promise<IngestSummary> =>
  ingestPaths(driver, database, inputs, { quiet: true, ...opts });

beforeAll(async () => {
  driver = testDriver();
  await applySchema(driver, database);
});

afterAll(async () => {
  await driver?.close();
});

beforeEach(async () => {
  await clearDatabase(driver);
});

describe('ingest into Neo4j', () => {
  it('stores every readable fixture, names each bad one, and changes nothing the second time', async () => {
    const first = await ingest([FIXTURES]);
    expect(first).toMatchObject({ articles: 10, new: 10, unchanged: 0, updated: 0, stopped: null });
    expect(first.failed.map((f) => f.input.replace(FIXTURES, ''))).toEqual([
      'bad/binary.txt',
      'bad/empty.txt',
      'bad/latin1.txt',
      'data/items.jsonl:3',
      'data/items.jsonl:5',
      'feeds/news.rss#item-2 ("An item with no text")',
      'pages/empty.html',
    ]);
    expect(first.relations).toBeGreaterThan(0);
    expect(first.graph?.articles).toBe(10);
    const before = await snapshot(driver, database);
    expect(before.duplicateRelationships).toBe(0);

    // What the second run skips without extracting: every stored article, as the writer stored it.
    const plan = await planInputs([FIXTURES]);
    const read: Article[] = [];
    for await (const item of readInputs(plan.inputs, DEFAULT_SOURCE_OPTIONS)) if (item.kind === 'article') read.push(item.article);
    expect((await unchangedArticles(driver, database, read)).size).toBe(10);
    const edited = { ...read[0], body: 'Another text.', contentHash: 'x' } as Article;
    expect((await unchangedArticles(driver, database, [edited])).size).toBe(0);

    const second = await ingest([FIXTURES], { workers: 2 });
    expect(second).toMatchObject({ new: 0, unchanged: 10, updated: 0, entities: 0, relations: 0 });
    expect(await snapshot(driver, database)).toEqual(before);
  }, 120_000);

  it('replaces the statements of a changed article at the same URL and leaves the others alone', async () => {
    const dir = tempDir('ingest-change');
    const a = join(dir, 'a.txt');
    const article = (url: string, body: string): string => `# Story\nurl: ${url}\npublished: 2024-04-01\n\n${body}\n`;
    writeFileSync(a, article('https://t.example/a', 'The United States imposed sanctions on Huawei on Monday.'));
    writeFileSync(join(dir, 'b.txt'), article('https://t.example/b', 'China and Pakistan signed a partnership on the digital economy. Russia joined the United Nations.'));
    await ingest([dir]);
    const mine = (s: GraphSnapshot, id: string): string[] => s.statements.filter((row) => row.startsWith(id));
    const before = await snapshot(driver, database);
    const idOf = async (url: string): Promise<string> =>
      String((await driver.executeQuery('MATCH (a:Article {url: $url}) RETURN a.id AS id', { url }, { database })).records[0]?.get('id'));
    const [idA, idB] = [await idOf('https://t.example/a'), await idOf('https://t.example/b')];
    expect(mine(before, idA).join('\n')).toContain('RESTRICTS company:huawei');

    writeFileSync(a, article('https://t.example/a', 'The European Commission adopted the Digital Services Act on Monday.'));
    const changed = await ingest([dir]);
    expect(changed).toMatchObject({ new: 0, unchanged: 1, updated: 1, failed: [] });
    const after = await snapshot(driver, database);
    expect(mine(after, idB)).toEqual(mine(before, idB));
    expect(mine(after, idA).join('\n')).not.toContain('huawei');
    expect(mine(after, idA).join('\n')).toContain('ISSUES policy:digital-services-act');
    expect(after.edges.some((e) => e.includes('RESTRICTS company:huawei'))).toBe(false);
    expect(after.duplicateRelationships).toBe(0);

    // The same graph as ingesting the new text into an empty one.
    await clearDatabase(driver);
    await ingest([dir]);
    expect(await snapshot(driver, database)).toEqual(after);
  }, 120_000);

  it('reads pages and feeds from http URLs and names an unreachable one', async () => {
    const server: Server = createServer((req, res) => {
      if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><head><meta property="og:title" content="Local page"></head><body><article><p>The Internet Governance Forum 2024 took place in Riyadh.</p></article></body></html>');
      } else if (req.url === '/feed') {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end('<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>E</title><link href="http://local.test/e"/><content>ICANN met in Kigali.</content></entry></feed>');
      } else res.writeHead(500).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const summary = await ingest([`${base}/page`, `${base}/feed`, `${base}/broken`], { timeout: 5 });
      expect(summary).toMatchObject({ new: 2, failed: [{ input: `${base}/broken`, error: 'returned HTTP 500 Internal Server Error' }] });
      const urls = (await driver.executeQuery('MATCH (a:Article) RETURN a.url AS url ORDER BY url', {}, { database })).records.map((r) => r.get('url'));
      expect(urls).toEqual([`${base}/page`, 'http://local.test/e']);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }, 60_000);
});

describe('the ingest command', () => {
  it('prints one JSON summary with --json and exits 1 when an item failed', async () => {
    const run = await runCli(['ingest', FIXTURES, '--json', '--exclude', 'skip'], testEnv());
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    expect(summary).toMatchObject({ new: 9, failed: expect.arrayContaining([expect.objectContaining({ error: 'is empty' })]) });
    expect(summary.graph?.articles).toBe(9);
    expect(run.stderr).toBe('');
  }, 120_000);

  it('prints the summary, no progress, with --quiet, and exits 0 when all is well', async () => {
    const run = await runCli(['ingest', join(FIXTURES, 'one.txt'), join(FIXTURES, 'feeds'), '--quiet', '--include', '*.atom'], testEnv());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ingested 2 input\(s\), 3 article\(s\) .*: 3 new, 0 unchanged, 0 updated, 0 failed$/m);
  }, 120_000);
});
