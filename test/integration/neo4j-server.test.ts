/**
 * The Neo4j server the integration tests run against (started by test/globalSetup.ts):
 * reachable over Bolt with the injected connection, and the pinned 5.26 Community release.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jVersion } from '../../src/neo4j/config.ts';
import { ensureNeo4j } from '../../src/neo4j/ensure.ts';
import { testNeo4jEnv } from '../globalSetup.ts';
import { clearDatabase, testConnection, testDatabase, testDriver } from './support/neo4j.ts';

let driver: Driver;

beforeAll(() => {
  driver = testDriver();
});

afterAll(async () => {
  await driver?.close();
});

describe('the test Neo4j server', () => {
  it('answers RETURN 1', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: testDatabase() });
    expect(records.map((r) => r.get('one'))).toEqual([1]);
  });

  it('is Neo4j 5.26 Community (the pinned version when it is the local server)', async () => {
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition', {}, { database: testDatabase() });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.get('name')).toBe('Neo4j Kernel');
    expect(record?.get('edition')).toBe('community');
    const versions = record?.get('versions') as string[];
    if (testConnection().external) expect(versions[0]).toMatch(/^5\.26\./);
    else expect(versions).toEqual([neo4jVersion()]);
  });

  it('stores and clears data', async () => {
    const database = testDatabase();
    await driver.executeQuery('CREATE (:GovgraphServerTest {n: 1}), (:GovgraphServerTest {n: 2})', {}, { database });
    const count = async (): Promise<number> =>
      (await driver.executeQuery('MATCH (n) RETURN count(n) AS c', {}, { database })).records[0]?.get('c') as number;
    expect(await count()).toBeGreaterThanOrEqual(2);
    await clearDatabase(driver);
    expect(await count()).toBe(0);
  });

  it('is not started a second time by ensureNeo4j', async () => {
    const started = Date.now();
    const conn = await ensureNeo4j(testNeo4jEnv(), () => undefined);
    expect(conn).toEqual(testConnection());
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
