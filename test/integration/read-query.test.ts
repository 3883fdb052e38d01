/**
 * `readQuery` (src/graph/driver.ts) against the real Neo4j: one auto-commit READ
 * transaction on the named database, with its parameters and timeout, in fewer socket
 * writes than a managed transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { openDriver, readQuery, readTx } from '../../src/graph/driver.ts';
import { testConnection, testDatabase } from './support/neo4j.ts';
import { countSocketWrites } from './support/socketWrites.ts';

describe('readQuery', () => {
  let driver: Driver;
  const port = Number(new URL(testConnection().uri).port);

  beforeAll(() => {
    driver = openDriver(testConnection());
  });
  afterAll(async () => {
    await driver.close();
  });

  it('returns the records of a parameterised query', async () => {
    const records = await readQuery(driver, testDatabase(), 'UNWIND $xs AS x RETURN x * 2 AS y, $name AS name', { xs: [1, 2, 3], name: 'Wuzhen' });
    expect(records.map((r) => r.toObject())).toEqual([
      { y: 2, name: 'Wuzhen' },
      { y: 4, name: 'Wuzhen' },
      { y: 6, name: 'Wuzhen' },
    ]);
  });

  it('runs in a READ transaction: a write is refused and nothing is written', async () => {
    const marker = `read-query-${Date.now()}`;
    await expect(readQuery(driver, testDatabase(), 'CREATE (:ReadQueryProbe {marker: $marker})', { marker }))
      .rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    const left = await readQuery(driver, testDatabase(), 'MATCH (n:ReadQueryProbe {marker: $marker}) RETURN count(n) AS n', { marker });
    expect(left[0]?.get('n')).toBe(0);
  });

  it('starts its query without the caller stack, and a failing query still says what failed', async () => {
    const limit = Error.stackTraceLimit;
    const err: unknown = await readQuery(driver, testDatabase(), 'RETURN 1 / toInteger($zero) AS x', { zero: 0 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'Neo.ClientError.Statement.ArithmeticError', message: expect.stringMatching(/by zero/) });
    // The driver puts the stack it captured when the query started on the error: none here.
    expect(String((err as Error).stack)).not.toMatch(/read-query\.test/);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('stops a query at its timeout', async () => {
    const endless = 'UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';
    await expect(readQuery(driver, testDatabase(), endless, {}, { timeoutMs: 200 }))
      .rejects.toMatchObject({ code: expect.stringMatching(/TransactionTimedOut/) });
  });

  it('needs fewer socket writes than the same query in a managed transaction', async () => {
    const cypher = 'RETURN $x AS x';
    await readQuery(driver, testDatabase(), cypher, { x: 0 }); // connection opened outside the counts
    const auto = await countSocketWrites(port, () => readQuery(driver, testDatabase(), cypher, { x: 1 }));
    const managed = await countSocketWrites(port, () =>
      readTx(driver, testDatabase(), async (tx) => (await tx.run(cypher, { x: 1 })).records));
    expect(auto.result[0]?.get('x')).toBe(1);
    expect(managed.result[0]?.get('x')).toBe(1);
    expect(auto.writes).toBe(1); // RUN and PULL in one flush
    expect(managed.writes).toBeGreaterThan(auto.writes); // then COMMIT after the records
  });
});
