/**
 * The user's path on a real Neo4j: ingest the bundled samples, ingest them again (nothing
 * changes), then ask the API for China's partner countries with evidence.
 */
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer, type ApiServer } from '../../src/api/server.ts';
import { ingestPaths } from '../../src/commands/ingest.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { graphCounts } from '../../src/graph/stats.ts';
import { clearDatabase, testDatabase, testDriver } from './support/neo4j.ts';

const SAMPLES = fileURLToPath(new URL('../../ingest/samples/', import.meta.url));

let driver: Driver;
let database: string;
let api: ApiServer;

beforeAll(async () => {
  driver = testDriver();
  database = testDatabase();
  await clearDatabase(driver, database);
  await applySchema(driver, database);
  api = createApiServer(driver, database, { log: { error: () => undefined } });
  await api.start();
});

afterAll(async () => {
  await api.stop();
  await driver.close();
});

describe('samples end to end', () => {
  it('ingests the samples, and a second ingest changes nothing', async () => {
    const first = await ingestPaths(driver, database, [SAMPLES], { quiet: true });
    expect(first.failed).toEqual([]);
    expect(first.new).toBeGreaterThanOrEqual(5);
    const before = await graphCounts(driver, database);
    expect(before.articles).toBe(first.new);
    expect(before.statements).toBeGreaterThan(20);

    const second = await ingestPaths(driver, database, [SAMPLES], { quiet: true });
    expect(second).toMatchObject({ new: 0, updated: 0, unchanged: first.new, failed: [] });
    const after = await graphCounts(driver, database);
    expect(after.nodes).toBe(before.nodes);
    expect(after.relationships).toBe(before.relationships);
  });

  it("answers China's partner countries with evidence sentences", async () => {
    const res = await api.executeOperation(
      {
        query: `query ($c: String) { partnerNetwork(country: $c) {
          nodes { name code }
          edges { source target support evidence(limit: 2) { sentence article { title url } } } } }`,
        variables: { c: 'China' },
      },
      { contextValue: api.context() },
    );
    expect(res.body.kind).toBe('single');
    if (res.body.kind !== 'single') return;
    expect(res.body.singleResult.errors).toBeUndefined();
    const net = res.body.singleResult.data?.['partnerNetwork'] as {
      nodes: { name: string; code: string }[];
      edges: { source: string; target: string; support: number; evidence: { sentence: string; article: { title: string } }[] }[];
    };
    const partners = net.nodes.map((n) => n.name).filter((n) => n !== 'China');
    expect(partners).toEqual(expect.arrayContaining(['Pakistan', 'Egypt', 'Indonesia', 'Kazakhstan', 'Russia']));
    for (const e of net.edges) {
      expect([e.source, e.target]).toContain('country:cn');
      expect(e.support).toBeGreaterThanOrEqual(1);
      expect(e.evidence[0]?.sentence.length).toBeGreaterThan(20);
    }
    const egypt = net.edges.find((e) => e.source === 'country:eg' || e.target === 'country:eg');
    expect(egypt?.evidence[0]?.sentence).toContain('partner countries');
  });
});
