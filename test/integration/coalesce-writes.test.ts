/**
 * Bolt write coalescing (src/graph/coalesceWrites.ts) against the real Neo4j: a query with
 * a large parameter leaves in a few socket writes instead of one per 1,400-byte chunk, and
 * what arrives is intact, also with many queries in flight on several connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { coalesceBoltWrites } from '../../src/graph/coalesceWrites.ts';
import { openDriver, readTx } from '../../src/graph/driver.ts';
import { testConnection, testDatabase } from './support/neo4j.ts';
import { countSocketWrites } from './support/socketWrites.ts';

/** `n` strings of 100 characters, distinct per `seed`. */
function texts(seed: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${seed}-${i}-`.padEnd(100, String.fromCharCode(97 + ((seed + i) % 26))));
}

describe('coalesced Bolt writes', () => {
  let driver: Driver;
  const port = Number(new URL(testConnection().uri).port);

  beforeAll(() => {
    driver = openDriver(testConnection()); // the product's driver: it applies the patch
  });
  afterAll(async () => {
    await driver.close();
  });

  const sumLengths = (xs: string[]): Promise<number> =>
    readTx(driver, testDatabase(), async (tx) => {
      const record = (await tx.run('RETURN reduce(n = 0, x IN $xs | n + size(x)) AS n', { xs })).records[0];
      return record?.get('n') as number;
    });

  it('sends a 300 kB parameter in a few writes, not one per 1,400-byte chunk', async () => {
    await sumLengths(['warm']); // connection opened and authenticated outside the count
    const xs = texts(1, 3_000); // about 306 kB packed: some 220 chunks
    const { result, writes } = await countSocketWrites(port, () => sumLengths(xs));
    expect(result).toBe(300_000);
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(4); // BEGIN, RUN+PULL, COMMIT at most, each flush one write
  });

  it('keeps each query intact with many in flight on several connections', async () => {
    const seeds = Array.from({ length: 24 }, (_, i) => i + 2);
    const results = await Promise.all(seeds.map((seed) => sumLengths(texts(seed, 500 + seed * 10))));
    expect(results).toEqual(seeds.map((seed) => (500 + seed * 10) * 100));
  });

  it('is applied once however often it is asked for', () => {
    expect(coalesceBoltWrites()).toBe(true);
    expect(coalesceBoltWrites()).toBe(true);
  });
});
