/**
 * The ingest pipeline without a server: extraction in worker threads gives what inline
 * extraction gives, batches keep input order, retries back off on transient errors only,
 * and a failing write costs only its own article(s). The write step here is a plain
 * function standing in for writeArticles (the driver is never involved); the real writes
 * are tested in test/integration/ingest*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import { makeArticle } from '../../ingest/article.ts';
import { articleItem, errorItem, type SourceItem } from '../../ingest/sources/item.ts';
import type { ArticleInput, WriteSummary } from '../../src/graph/writer.ts';
import type { Article } from '../../src/model.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { createExtractPool, inlineExtractor } from '../../src/pipeline/extractPool.ts';
import { RetriesExhausted, backoffDelay, isTransientError, withRetry } from '../../src/pipeline/retry.ts';
import { runPipeline } from '../../src/pipeline/run.ts';

const BODIES = [
  'China and Pakistan signed a memorandum on digital economy cooperation in Islamabad.',
  'The European Commission adopted the Digital Services Act in Brussels on Tuesday.',
  'Huawei chief executive Ren Zhengfei spoke at the World Internet Conference 2023 in Wuzhen.',
  'The United States restricted exports of chips to ZTE, Reuters reported.',
];

const article = (i: number) => makeArticle({ title: `Story ${i}`, body: `${BODIES[i % BODIES.length]} Item ${i}.`, url: `https://t.example/${i}` });

async function* itemsOf(list: SourceItem[]): AsyncGenerator<SourceItem> {
  yield* list;
}

const summaryOf = (input: ArticleInput): WriteSummary => ({
  articleId: input.article.id,
  status: 'new',
  entities: input.extraction.entities.length,
  mentions: 0,
  statements: input.extraction.relations.length,
  skippedRelations: 0,
});

const fastRetry = { retries: 2, baseDelayMs: 1, maxDelayMs: 4 };

describe('retry', () => {
  it('treats an unavailable server and transient Neo4j errors as transient, nothing else', () => {
    expect(isTransientError(new Neo4jError('no server', 'ServiceUnavailable', '', ''))).toBe(true);
    expect(isTransientError(new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '', ''))).toBe(true);
    expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7690'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '', ''))).toBe(false);
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
  });

  it('backs off exponentially up to the cap', () => {
    const o = { retries: 9, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, o))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('retries transient errors a bounded number of times, others not at all', async () => {
    let calls = 0;
    const down = new Neo4jError('down', 'ServiceUnavailable', '', '');
    await expect(withRetry(async () => { calls++; throw down; }, fastRetry)).rejects.toBeInstanceOf(RetriesExhausted);
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetry(async () => { calls++; throw new Error('bad row'); }, fastRetry)).rejects.toThrow('bad row');
    expect(calls).toBe(1);
    calls = 0;
    expect(await withRetry(async () => (++calls < 3 ? Promise.reject(down) : 'ok'), fastRetry)).toBe('ok');
  });
});

describe('extraction pool', () => {
  it('extracts in worker threads exactly what inline extraction gives', async () => {
    const pool = createExtractPool(2);
    try {
      const articles = Array.from({ length: 12 }, (_, i) => article(i));
      const fromPool = await Promise.all(articles.map((a) => pool.extract(a)));
      expect(fromPool).toEqual(articles.map((a) => extractArticle(a)));
    } finally {
      await pool.close();
    }
  }, 60_000); // each worker loads tsx and the lexicon first
});

describe('runPipeline', () => {
  it('writes batches in input order and counts bad items without stopping', async () => {
    const written: string[][] = [];
    const items: SourceItem[] = [];
    for (let i = 0; i < 11; i++) {
      items.push(articleItem(article(i), `in:${i}`, 10));
      if (i === 4) items.push(errorItem('in:bad', 'is empty', 3));
    }
    let bytes = 0;
    const result = await runPipeline(itemsOf(items), inlineExtractor(), async (batch) => {
      written.push(batch.map((b) => b.article.title));
      return batch.map(summaryOf);
    }, { batchSize: 4, maxInFlight: 3, retry: fastRetry, onItemDone: (b) => (bytes += b) });
    expect(written).toEqual([
      ['Story 0', 'Story 1', 'Story 2', 'Story 3'],
      ['Story 4', 'Story 5', 'Story 6', 'Story 7'],
      ['Story 8', 'Story 9', 'Story 10'],
    ]);
    expect(result).toMatchObject({ articles: 11, new: 11, failed: [{ input: 'in:bad', error: 'is empty' }], stopped: null });
    expect(bytes).toBe(113);
  });

  it('splits a batch whose write fails for a non-transient reason, so only the offending article fails', async () => {
    const result = await runPipeline(itemsOf([0, 1, 2].map((i) => articleItem(article(i), `in:${i}`, 1))), inlineExtractor(), async (batch) => {
      if (batch.some((b) => b.article.title === 'Story 1')) throw new Error('constraint violated');
      return batch.map(summaryOf);
    }, { batchSize: 3, retry: fastRetry });
    expect(result).toMatchObject({ new: 2, failed: [{ input: 'in:1', error: 'not stored: constraint violated' }], stopped: null });
  });

  it('stops when Neo4j stays unavailable, naming every article not stored', async () => {
    let writes = 0;
    const result = await runPipeline(itemsOf([0, 1, 2, 3, 4].map((i) => articleItem(article(i), `in:${i}`, 1))), inlineExtractor(), async (batch) => {
      writes++;
      if (writes > 1) throw new Neo4jError('Could not perform discovery', 'ServiceUnavailable', '', '');
      return batch.map(summaryOf);
    }, { batchSize: 2, retry: fastRetry });
    expect(result.new).toBe(2);
    expect(result.stopped).toMatch(/^Neo4j unavailable \(gave up after 3 attempt\(s\): Could not perform discovery\)$/);
    expect(result.failed.map((f) => f.input)).toEqual(['in:2', 'in:3', 'in:4']);
    expect(result.failed[0]?.error).toMatch(/^not stored \(the transaction of its batch of 2 was rolled back\): Neo4j unavailable/);
  });

  it('counts an article stored with the same hash unchanged without extracting it, unless its id came earlier in the run', async () => {
    const a0 = article(0);
    const a1 = article(1);
    const a0changed = makeArticle({ title: 'Story 0', body: 'A new text.', url: a0.url });
    const stored = new Map([[a0.id, a0.contentHash], [a1.id, a1.contentHash]]);
    const unchanged = async (list: readonly Article[]) => new Set(list.filter((a) => stored.get(a.id) === a.contentHash));
    const extracted: string[] = [];
    const counting = { ...inlineExtractor(), extract: async (a: Article) => (extracted.push(a.body), extractArticle(a)) };
    const written: string[] = [];
    const result = await runPipeline(itemsOf([a0changed, a1, a0].map((a, i) => articleItem(a, `in:${i}`, 1))), counting, async (batch) => {
      written.push(...batch.map((b) => b.article.body));
      return batch.map(summaryOf);
    }, { batchSize: 10, retry: fastRetry, unchanged });
    // a1 is skipped; a0 is written twice in input order (changed, then back to the stored text), so the last one wins.
    expect(extracted).toEqual(['A new text.', a0.body]);
    expect(written).toEqual(['A new text.', a0.body]);
    expect(result).toMatchObject({ articles: 3, unchanged: 1, new: 2 });
  });
});

