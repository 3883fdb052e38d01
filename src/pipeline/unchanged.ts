/**
 * Which articles are already stored exactly as this ingest would store them (same text, same
 * extractor version): lets the pipeline skip extracting them, so re-ingesting a folder costs
 * one lookup per batch instead of an extraction per article. Read-only, one auto-commit
 * query per call and deliberately no retry: when Neo4j is away the caller just extracts,
 * and the writer's retries decide.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { extractorVersion } from '../extract/version.ts';
import { DEFAULT_TX_TIMEOUT_MS } from '../graph/driver.ts';
import { prepareArticle } from '../graph/rows.ts';
import type { Article } from '../model.ts';

/** The contentHash the writer would store for `article` read by this extractor (as src/graph/rows.ts computes it). */
export function storedContentHash(article: Article): string {
  const empty = { article: { title: article.title, published: article.published }, entities: [], relations: [], extractor: extractorVersion() };
  return prepareArticle(article, empty).article.contentHash;
}

/** Those of `articles` stored with the content hash this ingest would write. */
export async function unchangedArticles(driver: Driver, database: string, articles: readonly Article[]): Promise<Set<Article>> {
  if (articles.length === 0) return new Set();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(
      'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.contentHash AS hash',
      { ids: articles.map((a) => a.id) },
      { timeout: DEFAULT_TX_TIMEOUT_MS },
    );
    const stored = new Map(result.records.map((r) => [String(r.get('id')), String(r.get('hash'))]));
    return new Set(articles.filter((a) => stored.get(a.id) === storedContentHash(a)));
  } finally {
    await session.close();
  }
}
