/**
 * The GraphQL API against the real Neo4j started by test/globalSetup.ts: the first slice
 * (entity, search, articles, partnerNetwork, stats, errors, batching, HTTP) over the
 * three-article fixture of ./support/api.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../../src/graph/schema.ts';
import { writeArticles } from '../../src/graph/writer.ts';
import { createApiServer, startApi, type ApiServer } from '../../src/api/server.ts';
import { clearDatabase, countingDriver, testDatabase, testDriver } from './support/neo4j.ts';
import { ARTICLES, dataOn, runOn, S_CN_BR, S_CN_DZ, S_CN_UN, S_DZ_CN, S_RU_BR, S_RU_CN, type GqlError, type GqlResult } from './support/api.ts';

// ---------------------------------------------------------------------------------------
// Running operations

let driver: Driver;
let server: ApiServer;
const logged: string[] = [];
const logError = (m: string): void => {
  logged.push(m);
  if (process.env.API_TEST_LOG) process.stderr.write(`${m}\n`);
};

const run = (query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> => runOn(server, query, variables);
const data = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => dataOn<T>(server, query, variables);

beforeAll(async () => {
  driver = testDriver();
  const database = testDatabase();
  await clearDatabase(driver, database);
  await applySchema(driver, database);
  server = createApiServer(driver, database, { log: { error: logError } });
  await server.start();
});

// Idempotent (unchanged articles are skipped), so each test sees the fixture even if an
// earlier test file, or someone else's run on the same server, cleared the database.
beforeEach(async () => {
  await writeArticles(driver, testDatabase(), ARTICLES);
});

afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

// ---------------------------------------------------------------------------------------

interface EntityView {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  code: string | null;
  mentionCount: number;
}

describe('entity', () => {
  it('finds an entity by id, by name and by alias, case-insensitively', async () => {
    const q = `query ($id: ID, $name: String) { entity(id: $id, name: $name) { id name type aliases code mentionCount } }`;
    const byId = await data<{ entity: EntityView }>(q, { id: 'country:cn' });
    expect(byId.entity).toMatchObject({ id: 'country:cn', name: 'China', type: 'Country', code: 'CN' });
    expect(byId.entity.aliases).toContain('Middle Kingdom');
    // "China" twice in a1, twice in a2 plus "Middle Kingdom", once in a3.
    expect(byId.entity.mentionCount).toBe(6);

    const byAlias = await data<{ entity: EntityView }>(q, { name: 'middle KINGDOM' });
    expect(byAlias.entity.id).toBe('country:cn');
    const byName = await data<{ entity: EntityView }>(q, { name: 'government of china' });
    expect(byName.entity).toMatchObject({ id: 'governmentbody:government-of-china', type: 'GovernmentBody' });
    const none = await data<{ entity: EntityView | null }>(q, { name: 'Atlantis' });
    expect(none.entity).toBeNull();
  });

  it('lists PARTNERS_WITH from both ends, with evidence sentences', async () => {
    const q = `query ($id: ID!, $dir: Direction) {
      entity(id: $id) {
        relations(predicate: PARTNERS_WITH, direction: $dir) {
          predicate direction support confidence firstSeen lastSeen
          other { id } subject { id } object { id }
          evidence { sentence start end confidence article { id published } }
        }
      }
    }`;
    type R = { entity: { relations: { predicate: string; direction: string; support: number; confidence: number; firstSeen: string; lastSeen: string; other: { id: string }; subject: { id: string }; object: { id: string }; evidence: { sentence: string; start: number; end: number; confidence: number; article: { id: string; published: string } }[] }[] } };

    // Russia's end: the edge is stored country:cn -> country:ru, and OUT still finds it.
    const russia = await data<R>(q, { id: 'country:ru', dir: 'OUT' });
    const ruCn = russia.entity.relations.find((r) => r.other.id === 'country:cn');
    expect(ruCn).toMatchObject({ predicate: 'PARTNERS_WITH', direction: 'BOTH', support: 1, subject: { id: 'country:ru' }, object: { id: 'country:cn' } });
    expect(ruCn?.evidence.map((e) => e.sentence)).toEqual([S_RU_CN]);

    const china = await data<R>(q, { id: 'country:cn', dir: 'IN' });
    const partners = china.entity.relations.map((r) => r.other.id);
    expect(partners.sort()).toEqual(['country:br', 'country:dz', 'country:ru', 'organization:united-nations']);
    const cnDz = china.entity.relations.find((r) => r.other.id === 'country:dz');
    // Stated twice (a1 China->Algeria, a3 Algeria->China): one edge, support 2, both sentences.
    expect(cnDz).toMatchObject({ support: 2, confidence: 0.9, firstSeen: '2022-11-08', lastSeen: '2023-05-10' });
    expect(cnDz?.evidence.map((e) => e.sentence)).toEqual([S_CN_DZ, S_DZ_CN]);
    const first = cnDz?.evidence[0];
    expect(first).toMatchObject({ start: 0, end: S_CN_DZ.length, confidence: 0.9, article: { id: 'a1', published: '2022-11-08' } });
    // Most supported first.
    expect(china.entity.relations[0]?.other.id).toBe('country:dz');
  });

  it('filters directed relations by direction', async () => {
    const q = `query ($dir: Direction) { entity(id: "company:huawei") { relations(direction: $dir) { predicate direction other { name } } } }`;
    type R = { entity: { relations: { predicate: string; direction: string; other: { name: string } }[] } };
    const out = await data<R>(q, { dir: 'OUT' });
    expect(out.entity.relations.map((r) => `${r.direction} ${r.predicate} ${r.other.name}`).sort()).toEqual([
      'OUT HEADQUARTERED_IN China',
      'OUT PARTICIPATES_IN World Internet Conference 2022',
    ]);
    const into = await data<R>(q, { dir: 'IN' });
    expect(into.entity.relations).toEqual([]);
    const china = await data<{ entity: { relations: { direction: string; subject: { name: string } }[] } }>(
      `{ entity(id: "country:cn") { relations(direction: IN, predicate: HEADQUARTERED_IN) { direction subject { name } } } }`,
    );
    expect(china.entity.relations).toEqual([{ direction: 'IN', subject: { name: 'Huawei' } }]);
  });

  it('lists the articles that mention an entity', async () => {
    const out = await data<{ entity: { articles: { id: string }[] } }>(`{ entity(name: "Algeria") { articles(limit: 10) { id } } }`);
    expect(out.entity.articles.map((a) => a.id).sort()).toEqual(['a1', 'a3']);
  });
});

describe('search', () => {
  it('searches names and aliases, with a type filter', async () => {
    const q = `query ($text: String!, $type: EntityType) { search(text: $text, type: $type) { score entity { id type } } }`;
    type R = { search: { score: number; entity: { id: string; type: string } }[] };
    const all = await data<R>(q, { text: 'china' });
    const ids = all.search.map((h) => h.entity.id);
    expect(ids).toContain('country:cn');
    expect(ids).toContain('governmentbody:government-of-china');
    expect(all.search.every((h) => h.score > 0)).toBe(true);

    const countries = await data<R>(q, { text: 'china', type: 'Country' });
    expect(countries.search.map((h) => h.entity.id)).toEqual(['country:cn']);

    const byAlias = await data<R>(q, { text: 'kingdom' });
    expect(byAlias.search[0]?.entity.id).toBe('country:cn');
    const prefix = await data<R>(q, { text: 'Huaw' });
    expect(prefix.search[0]?.entity.id).toBe('company:huawei');
  });

  it('takes Lucene syntax literally', async () => {
    const q = `query ($text: String!) { search(text: $text) { entity { id } } }`;
    for (const text of ['China AND (', 'name:*', '"unclosed', 'a/b\\c', '~^!', 'OR']) {
      const result = await run(q, { text });
      expect(result.errors, text).toBeUndefined();
    }
  });
});

describe('articles', () => {
  it('pages articles newest first', async () => {
    const out = await data<{ articles: { id: string; title: string; url: string; source: string; published: string }[] }>(
      `{ articles(limit: 2) { id title url source published } }`,
    );
    expect(out.articles.map((a) => a.id)).toEqual(['a3', 'a2']);
    expect(out.articles[0]).toMatchObject({ title: 'Algeria and China renew partnership', url: 'https://news.example/a3', source: 'Example Wire', published: '2023-05-10' });
    const next = await data<{ articles: { id: string }[] }>(`{ articles(limit: 2, offset: 2) { id } }`);
    expect(next.articles.map((a) => a.id)).toEqual(['a1']);
  });

  it("shows an article's mentions and statements", async () => {
    const out = await data<{
      article: { mentions: { count: number; entity: { name: string } }[]; statements: { predicate: string; sentence: string; subject: { name: string }; object: { name: string } }[] };
    }>(`{ article(id: "a2") { mentions { count entity { name } } statements { predicate sentence subject { name } object { name } } } }`);
    const counts = Object.fromEntries(out.article.mentions.map((m) => [m.entity.name, m.count]));
    // "China" once plus the alias "Middle Kingdom" once; Russia and Brazil twice each.
    expect(counts).toEqual({ China: 3, Russia: 2, Brazil: 2, 'United Nations': 1 });
    expect(out.article.mentions[0]?.count).toBe(3);
    expect(out.article.statements.map((s) => s.sentence)).toEqual([S_RU_CN, S_CN_BR, S_RU_BR, S_CN_UN]);
    expect(out.article.statements[0]).toMatchObject({ predicate: 'PARTNERS_WITH' });
    const none = await data<{ article: null }>(`{ article(id: "nope") { id } }`);
    expect(none.article).toBeNull();
  });
});

describe('partnerNetwork', () => {
  type Net = {
    partnerNetwork: {
      truncated: boolean;
      nodes: { id: string; name: string }[];
      edges: { source: string; target: string; support: number; confidence: number; evidence: { sentence: string; article: { id: string } }[] }[];
    };
  };
  const q = `query ($country: String, $limit: Int) { partnerNetwork(country: $country, limit: $limit) {
    truncated nodes { id name } edges { source target support confidence evidence { sentence article { id } } } } }`;

  it("gives China's partners with evidence", async () => {
    for (const country of ['China', 'cn', 'Middle Kingdom']) {
      const net = (await data<Net>(q, { country })).partnerNetwork;
      expect(net.nodes.map((n) => n.name)).toEqual(['Algeria', 'Brazil', 'China', 'Russia']);
      expect(net.truncated).toBe(false);
      expect(net.edges.every((e) => e.source === 'country:cn')).toBe(true);
      expect(net.edges.map((e) => [e.target, e.support])).toEqual([
        ['country:dz', 2],
        ['country:ru', 1],
        ['country:br', 1],
      ]);
      const dz = net.edges[0];
      expect(dz?.evidence.map((e) => `${e.article.id}: ${e.sentence}`)).toEqual([`a1: ${S_CN_DZ}`, `a3: ${S_DZ_CN}`]);
      expect(net.edges[2]?.evidence.map((e) => e.sentence)).toEqual([S_CN_BR]);
    }
  });

  it('gives the whole country network, each pair once, and truncates at the limit', async () => {
    const net = (await data<Net>(q, {})).partnerNetwork;
    expect(net.edges).toHaveLength(4);
    expect(net.edges.map((e) => [e.source, e.target].sort().join('-')).sort()).toEqual([
      'country:br-country:cn',
      'country:br-country:ru',
      'country:cn-country:dz',
      'country:cn-country:ru',
    ]);
    expect(net.nodes).toHaveLength(4);
    const cut = (await data<Net>(q, { limit: 1 })).partnerNetwork;
    expect(cut.truncated).toBe(true);
    expect(cut.edges).toHaveLength(1);
    expect(cut.nodes.map((n) => n.id).sort()).toEqual(['country:cn', 'country:dz']);
  });

  it('names the argument when the country is unknown', async () => {
    const result = await run(q, { country: 'Atlantis' });
    expect(result.errors?.[0]?.message).toMatch(/^Argument "country" matches no country/);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'country' });
  });
});

describe('stats', () => {
  it('counts entities by type, articles and relations', async () => {
    const out = await data<{
      stats: { entities: number; articles: number; relations: number; statements: number; entitiesByType: { type: string; count: number }[]; relationsByPredicate: { predicate: string; count: number }[] };
    }>(`{ stats { entities articles relations statements entitiesByType { type count } relationsByPredicate { predicate count } } }`);
    const byType = Object.fromEntries(out.stats.entitiesByType.map((t) => [t.type, t.count]));
    const byPredicate = Object.fromEntries(out.stats.relationsByPredicate.map((p) => [p.predicate, p.count]));
    expect(out.stats).toMatchObject({ entities: 8, articles: 3, statements: 9, relations: 8 });
    expect(byType).toMatchObject({ Country: 4, Company: 1, GovernmentBody: 1, Organization: 1, Event: 1, Person: 0 });
    expect(byPredicate).toMatchObject({ PARTNERS_WITH: 5, HEADQUARTERED_IN: 1, PARTICIPATES_IN: 1, HOSTS: 1, RESTRICTS: 0 });
  });
});

describe('errors', () => {
  it('names the argument when neither id nor name is given, or both', async () => {
    const neither = await run(`{ entity { id } }`);
    expect(neither.errors?.[0]?.message).toBe('Give either the argument "id" or the argument "name".');
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await run(`{ entity(id: "country:cn", name: "China") { id } }`);
    expect(both.errors?.[0]?.message).toMatch(/only one of the arguments "id" and "name"/);
  });

  it('names the argument when a limit or offset is out of range', async () => {
    const big = await run(`{ search(text: "china", limit: 500) { score } }`);
    expect(big.errors?.[0]?.message).toBe('Argument "limit" must be an integer from 1 to 200 (got 500).');
    expect(big.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'limit' });
    const nested = await run(`{ entity(id: "country:cn") { relations(limit: 0) { predicate } } }`);
    expect(nested.errors?.[0]).toMatchObject({ path: ['entity', 'relations'], extensions: { argument: 'limit' } });
    const offset = await run(`{ articles(offset: -3) { id } }`);
    expect(offset.errors?.[0]?.message).toMatch(/^Argument "offset"/);
    const empty = await run(`{ search(text: "   ") { score } }`);
    expect(empty.errors?.[0]?.message).toBe('Argument "text" must not be empty.');
  });

  it('rejects unknown enum values before touching the database', async () => {
    const result = await run(`query ($t: EntityType) { search(text: "x", type: $t) { score } }`, { t: 'Planet' });
    expect(result.errors?.[0]?.message).toMatch(/\$t/);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never shows a stack trace or Cypher, even for a database failure', async () => {
    // A database that does not exist makes every query fail inside the driver.
    const broken = createApiServer(driver, 'no-such-database', { log: { error: logError } });
    await broken.start();
    try {
      const response = await broken.executeOperation({ query: '{ stats { entities } }' }, { contextValue: broken.context() });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const errors = response.body.singleResult.errors ?? [];
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toBe('Internal server error.');
      expect(errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(errors)).not.toMatch(/MATCH|CALL|stacktrace|at .*\.ts/);
      expect(logged.some((m) => m.includes('no-such-database') || m.toLowerCase().includes('database'))).toBe(true);
    } finally {
      await broken.stop();
    }
  });
});

describe('batching', () => {
  it('lists articles with mentions and relations in a few transactions, not one per entity', async () => {
    const { driver: counting, sessions } = countingDriver(driver);
    const batched = createApiServer(counting, testDatabase());
    await batched.start();
    try {
      const response = await batched.executeOperation(
        { query: `{ articles { mentions { entity { mentionCount relations { other { name } evidence(limit: 1) { sentence } } } } } }` },
        { contextValue: batched.context() },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
      // articles, mentions, mentionCount, relations, evidence: one transaction each.
      expect(sessions()).toBe(5);
    } finally {
      await batched.stop();
    }
  });
});

describe('HTTP', () => {
  it('answers a POST on a free port and hides stack traces', async () => {
    const api = await startApi({ driver, database: testDatabase(), port: 0, host: '127.0.0.1', log: { error: logError } });
    try {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const post = (body: unknown): Promise<Response> =>
        fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

      const ok = await post({ query: 'query ($n: String) { entity(name: $n) { id name code } }', variables: { n: 'CHINA' } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ data: { entity: { id: 'country:cn', name: 'China', code: 'CN' } } });

      const bad = await post({ query: '{ articles(limit: 1000) { id } }' });
      const body = (await bad.json()) as { errors: GqlError[] };
      expect(body.errors[0]?.message).toBe('Argument "limit" must be an integer from 1 to 200 (got 1000).');
      expect(JSON.stringify(body)).not.toContain('stacktrace');
    } finally {
      await api.stop();
    }
  });
});
