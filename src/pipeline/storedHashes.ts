/**
 * Which of a set of articles are already stored, and with which content hash: lets the
 * pipeline skip extracting an article whose text has not changed (re-ingesting a folder
 * costs a lookup per batch, not an extraction per article). Read-only, one auto-commit
 * query per call and deliberately no retry: when Neo4j is away the caller just extracts,
 * and the writer's retries decide what happens.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { DEFAULT_TX_TIMEOUT_MS } from '../graph/driver.ts';

/** Stored contentHash by article id, for those of `ids` that are stored. */
export async function storedHashes(driver: Driver, database: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run('UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.contentHash AS hash', { ids: [...ids] }, { timeout: DEFAULT_TX_TIMEOUT_MS });
    return new Map(result.records.map((r) => [String(r.get('id')), String(r.get('hash'))]));
  } finally {
    await session.close();
  }
}
