/**
 * The API's guards against real Neo4j: mutations behind the API key (ingest, delete, bad
 * input, missing, wrong and unconfigured keys, over HTTP with both header forms), hostile
 * queries refused before they run (deep nesting, huge pages, expensive nesting, huge
 * documents), and batching: 100 entities with their relations in a bounded number of
 * Cypher queries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { makeArticle } from '../../ingest/article.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { writeArticles, type ArticleInput } from '../../src/graph/writer.ts';
import { createApiServer, startApi, type ApiServer } from '../../src/api/server.ts';
import { MAX_COST, MAX_DEPTH } from '../../src/api/limits.ts';
import { clearDatabase, countingDriver, testDatabase, testDriver } from './support/neo4j.ts';
import { ARTICLES, CHINA, dataOn, makeInput, runOn, type EntitySpec, type GqlResult } from './support/api.ts';

const KEY = 'test-key-1234567890';
const AUTH = { 'x-api-key': KEY };

/** One article naming 100 companies, each HEADQUARTERED_IN China. */
function hundredCompanies(): ArticleInput {
  const names = Array.from({ length: 100 }, (_, i) => `Zeta Company ${String(i).padStart(3, '0')}`);
  const sentences = names.map((n) => `${n} is based in China.`);
  const body = sentences.join(' ');
  const companies: EntitySpec[] = names.map((name) => ({ name, type: 'Company' }));
  return makeInput('bulk', '2020-01-01', 'A hundred companies', body, [CHINA, ...companies],
    names.map((name, i) => ({ subject: name, predicate: 'HEADQUARTERED_IN', object: 'China', evidence: sentences[i] ?? '' })));
}

let driver: Driver;
let server: ApiServer;
let keyless: ApiServer;
const run = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult> =>
  runOn(server, query, variables, headers);

beforeAll(async () => {
  driver = testDriver();
  await clearDatabase(driver, testDatabase());
  await applySchema(driver, testDatabase());
  server = createApiServer(driver, testDatabase(), { log: { error: () => undefined }, apiKey: KEY });
  keyless = createApiServer(driver, testDatabase(), { log: { error: () => undefined }, apiKey: null });
  await server.start();
  await keyless.start();
});

beforeEach(async () => {
  await writeArticles(driver, testDatabase(), [...ARTICLES, hundredCompanies()]);
});

afterAll(async () => {
  await server?.stop();
  await keyless?.stop();
  await driver?.close();
});

const INGEST = `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) {
  status articleId statements skippedRelations article { id title url source published }
  entities { id name type mentions { start end text } entity { id mentionCount } }
  relations { subject predicate object confidence evidence { start end text } } } }`;
const DELETE = 'mutation ($id: ID!) { deleteArticle(id: $id) { id deleted removedEntities } }';

const ARTICLE = {
  title: 'Kaspersky and Russia',
  body: 'Russian antivirus giant Kaspersky said on Monday that Zambia and Russia signed a cooperation agreement.',
  url: 'https://news.example/guard-kaspersky',
  source: 'Example Wire',
  published: '2023-02-01',
};

describe('mutations', () => {
  interface Ingested {
    ingestArticle: {
      status: string; articleId: string; statements: number;
      article: { id: string; title: string; url: string; published: string };
      entities: { id: string; name: string; type: string; mentions: { start: number; end: number; text: string }[]; entity: { id: string } | null }[];
      relations: { subject: string; predicate: string; object: string; evidence: { text: string } }[];
    };
  }

  it('ingests an article with the key, reports what it extracted, and deletes it again', async () => {
    // A run that died half way may have left the article: start without it.
    await runOn(server, DELETE, { id: makeArticle(ARTICLE).id }, AUTH);
    const first = (await dataOn<Ingested>(server, INGEST, { input: ARTICLE }, AUTH)).ingestArticle;
    expect(['NEW', 'UPDATED']).toContain(first.status);
    expect(first.article).toMatchObject({ id: first.articleId, title: ARTICLE.title, url: ARTICLE.url, published: '2023-02-01' });
    const kaspersky = first.entities.find((e) => e.name === 'Kaspersky');
    expect(kaspersky?.type).toBe('Company');
    expect(kaspersky?.entity?.id).toBe(kaspersky?.id);
    expect(kaspersky?.mentions[0]?.text).toBe('Kaspersky');
    expect(first.relations.length).toBeGreaterThan(0);
    for (const r of first.relations) expect(ARTICLE.body).toContain(r.evidence.text);
    expect(first.statements).toBe(first.relations.length);

    const again = (await dataOn<Ingested>(server, INGEST, { input: ARTICLE }, { authorization: `Bearer ${KEY}` })).ingestArticle;
    expect(again.status).toBe('UNCHANGED');

    const deleted = await dataOn<{ deleteArticle: { deleted: boolean; removedEntities: number } }>(server, DELETE, { id: first.articleId }, AUTH);
    expect(deleted.deleteArticle.deleted).toBe(true);
    expect(deleted.deleteArticle.removedEntities).toBeGreaterThan(0);
    const gone = await dataOn<{ entity: unknown }>(server, 'query ($id: ID) { entity(id: $id) { id } }', { id: kaspersky?.id });
    expect(gone.entity).toBeNull();
    const twice = await dataOn<{ deleteArticle: { deleted: boolean } }>(server, DELETE, { id: first.articleId }, AUTH);
    expect(twice.deleteArticle.deleted).toBe(false);
  });

  it('refuses mutations without the key, with a wrong key, and when no key is configured', async () => {
    const missing = await run(DELETE, { id: 'a1' });
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(missing.errors?.[0]?.message).toMatch(/needs an API key.*x-api-key/);
    const wrong = await run(DELETE, { id: 'a1' }, { 'x-api-key': `${KEY}x` });
    expect(wrong.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const bearer = await run(DELETE, { id: 'a1' }, { authorization: 'Bearer nope' });
    expect(bearer.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const disabled = await runOn(keyless, INGEST, { input: ARTICLE }, AUTH);
    expect(disabled.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(disabled.errors?.[0]?.message).toMatch(/GOVGRAPH_API_KEY/);
    // Nothing was deleted.
    expect((await dataOn<{ article: { id: string } }>(server, '{ article(id: "a1") { id } }')).article).toEqual({ id: 'a1' });
  });

  it('checks the input and names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ARTICLE, body: '   ' }, 'input.body'],
      [{ ...ARTICLE, url: 'ftp://x.example/a' }, 'input.url'],
      [{ ...ARTICLE, url: 'not a url' }, 'input.url'],
      [{ ...ARTICLE, published: 'yesterday' }, 'input.published'],
      [{ ...ARTICLE, title: 'x'.repeat(1001) }, 'input.title'],
      [{ ...ARTICLE, source: 's'.repeat(201) }, 'input.source'],
    ];
    for (const [input, argument] of cases) {
      const result = await run(INGEST, { input }, AUTH);
      expect(result.errors?.[0]?.extensions, argument).toEqual({ code: 'BAD_USER_INPUT', argument });
    }
    const noBody = await run(INGEST, { input: { title: 'x' } }, AUTH);
    expect(noBody.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes the key from HTTP headers', async () => {
    const api = await startApi({ driver, database: testDatabase(), port: 0, host: '127.0.0.1', apiKey: KEY, log: { error: () => undefined } });
    try {
      const post = async (headers: Record<string, string>): Promise<GqlResult> => {
        const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: DELETE, variables: { id: 'nope' } }) });
        return (await res.json()) as GqlResult;
      };
      expect((await post({})).errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect((await post({ 'x-api-key': KEY })).data).toEqual({ deleteArticle: { id: 'nope', deleted: false, removedEntities: 0 } });
      expect((await post({ authorization: `Bearer ${KEY}` })).data).toEqual({ deleteArticle: { id: 'nope', deleted: false, removedEntities: 0 } });
    } finally {
      await api.stop();
    }
  });
});

describe('hostile queries', () => {
  it('refuses deep nesting before it runs', async () => {
    let selection = 'id';
    for (let i = 0; i < 8; i++) selection = `relations(limit: 1) { other { ${selection} } }`;
    const result = await run(`{ entity(id: "country:cn") { ${selection} } }`);
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`^Query is too deep: \\d+ levels of fields; at most ${MAX_DEPTH}`));
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data ?? null).toBeNull();
  });

  it('refuses huge pages and expensive nesting, with variables too', async () => {
    const big = await run('{ entities(first: 1000) { nodes { id } } }');
    expect(big.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(big.errors?.[0]?.message).toBe('Argument "first" must be an integer from 1 to 200 (got 1000).');
    // So large that its cost alone refuses it, before any argument is looked at.
    const huge = await run('{ entities(first: 100000) { nodes { id } } }');
    expect(huge.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    const costly = 'query ($n: Int) { entities(first: $n) { nodes { relations(limit: 200) { evidence(limit: 200) { sentence } } } } }';
    const result = await run(costly, { n: 200 });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`estimated cost \\d+, at most ${MAX_COST}`));
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: partnerNetwork(limit: 1000) { edges { source } }`).join(' ');
    expect((await run(`{ ${aliases} }`)).errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('still refuses bad variables and costly pages once a document\'s estimate is cached', async () => {
    const query = 'query ($id: ID!, $n: Int) { entity(id: $id) { relations(limit: $n) { evidence(limit: 200) { sentence } } } }';
    const fine = await run(query, { id: 'country:cn', n: 2 });
    expect(fine.errors).toBeUndefined();
    // Same priced value (n), so the estimate comes from the cache; the id does not coerce.
    const bad = await run(query, { id: { not: 'an id' }, n: 2 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/\$id/);
    for (let i = 0; i < 2; i++) {
      const costly = await run(query, { id: 'country:cn', n: 1000 });
      expect(costly.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    }
  });

  it('refuses a huge document while parsing', async () => {
    const fields = Array.from({ length: 6000 }, () => 'id').join(' ');
    const result = await run(`{ entity(id: "country:cn") { ${fields} } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/tokens/);
  });
});

describe('batching', () => {
  it('lists 100 entities with their relations and evidence in a fixed number of Cypher queries', async () => {
    const { driver: counting, queries } = countingDriver(driver);
    const counted = createApiServer(counting, testDatabase(), { apiKey: null });
    await counted.start();
    try {
      const out = await dataOn<{ entities: { nodes: { mentionCount: number; relations: { other: { name: string }; evidence: { sentence: string }[] }[] }[] } }>(
        counted,
        `{ entities(first: 100, filter: { type: Company }) { totalCount nodes { mentionCount
            relations(limit: 5) { other { name } evidence(limit: 1) { sentence } } } } }`,
      );
      expect(out.entities.nodes).toHaveLength(100);
      expect(out.entities.nodes.every((n) => n.relations.length > 0 && n.relations[0]?.evidence.length === 1)).toBe(true);
      // entities, totalCount, mentionCount, relations, evidence: one query each.
      expect(queries()).toBe(5);
    } finally {
      await counted.stop();
    }
  });

  it('reads an entity and its relations in one query, and only the entity when relations are skipped or absent', async () => {
    const { driver: counting, queries } = countingDriver(driver);
    const counted = createApiServer(counting, testDatabase(), { apiKey: null });
    await counted.start();
    try {
      const query = `query ($id: ID!, $skip: Boolean!, $limit: Int) { entity(id: $id) { id name
        ...R @skip(if: $skip) } } fragment R on Entity { relations(limit: $limit) { predicate other { id } } }`;
      type Out = { entity: { id: string; name: string; relations?: { predicate: string; other: { id: string } }[] } | null };
      const both = await dataOn<Out>(counted, query, { id: 'country:cn', skip: false, limit: 2 });
      expect(queries()).toBe(1);
      expect(both.entity?.name).toBe('China');
      expect(both.entity?.relations).toHaveLength(2);
      // The same page as the relations field reads on its own (an entity from a list).
      const listed = await dataOn<{ search: { entity: Out['entity'] }[] }>(counted,
        `{ search(text: "China", limit: 1) { entity { id relations(limit: 2) { predicate other { id } } } } }`);
      expect(listed.search[0]?.entity?.relations).toEqual(both.entity?.relations);
      const before = queries();
      const skipped = await dataOn<Out>(counted, query, { id: 'country:cn', skip: true, limit: 2 });
      expect(skipped.entity).toEqual({ id: 'country:cn', name: 'China' });
      expect(queries() - before).toBe(1);
      const missing = await dataOn<Out>(counted, query, { id: 'country:nowhere', skip: false, limit: 2 });
      expect(missing.entity).toBeNull();
      // A bad limit is reported on the relations field's own path, as without the lookahead.
      const bad = await runOn(counted, query, { id: 'country:cn', skip: false, limit: 0 });
      expect(bad.errors?.[0]?.path).toEqual(['entity', 'relations']);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // The same document again: a page size from a variable is read anew on each request,
      // and one written in the document stays what it says.
      const one = await dataOn<Out>(counted, query, { id: 'country:cn', skip: false, limit: 1 });
      expect(one.entity?.relations).toHaveLength(1);
      const fixed = '{ entity(id: "country:cn") { relations(limit: 2) { predicate } } }';
      for (let i = 0; i < 2; i++) {
        const out = await dataOn<{ entity: { relations: unknown[] } }>(counted, fixed);
        expect(out.entity.relations).toHaveLength(2);
      }
    } finally {
      await counted.stop();
    }
  });
});
