/**
 * The analyst surface of the API against real Neo4j: entity, relation and article
 * connections (filters, sorting, cursors), shortest paths, neighbourhoods, the partner
 * network with organisations and country aggregates, timelines and article relations.
 * Fixture: the three articles of ./support/api.ts plus two more written here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../../src/graph/schema.ts';
import { writeArticles } from '../../src/graph/writer.ts';
import { createApiServer, type ApiServer } from '../../src/api/server.ts';
import { clearDatabase, testDatabase, testDriver } from './support/neo4j.ts';
import { ARTICLES, CHINA, CHINA_GOV, HUAWEI, dataOn, makeInput, runOn, S_CN_DZ, S_DZ_CN, type EntitySpec, type GqlResult } from './support/api.ts';

const US: EntitySpec = { name: 'United States', type: 'Country', code: 'US', aliases: ['US'] };
const PLAN: EntitySpec = { name: 'action plan for virtual reality', type: 'Policy' };
const S_PLAN = 'The Chinese government issued an action plan for virtual reality.';
const S_BAN = 'The United States restricts Huawei.';
const S_GOV_CN = 'The Chinese government is the government of China.';

const EXTRA = [
  makeInput('a4', '2021-06-15', 'Beijing plans for virtual reality', `${S_PLAN} ${S_GOV_CN}`, [CHINA_GOV, PLAN, CHINA], [
    { subject: 'Government of China', predicate: 'ISSUES', object: 'action plan for virtual reality', evidence: S_PLAN, confidence: 0.95 },
    { subject: 'Government of China', predicate: 'PART_OF', object: 'China', evidence: S_GOV_CN },
  ]),
  makeInput('a5', '2024-01', 'Washington restricts Huawei', S_BAN, [US, HUAWEI], [
    { subject: 'United States', predicate: 'RESTRICTS', object: 'Huawei', evidence: S_BAN, confidence: 0.65 },
  ]),
];

let driver: Driver;
let server: ApiServer;
const run = (query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> => runOn(server, query, variables);
const data = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => dataOn<T>(server, query, variables);

beforeAll(async () => {
  driver = testDriver();
  await clearDatabase(driver, testDatabase());
  await applySchema(driver, testDatabase());
  server = createApiServer(driver, testDatabase(), { log: { error: () => undefined }, apiKey: null });
  await server.start();
});

beforeEach(async () => {
  await writeArticles(driver, testDatabase(), [...ARTICLES, ...EXTRA]);
});

afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: T }[];
  nodes: T[];
}

describe('entities', () => {
  const q = `query ($filter: EntityFilter, $orderBy: EntityOrder, $first: Int, $after: String) {
    entities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id } } nodes { id name } } }`;
  type R = { entities: Page<{ id: string; name: string }> };

  it('pages through all entities by name with cursors', async () => {
    const first = (await data<R>(q, { first: 4 })).entities;
    expect(first.totalCount).toBe(10);
    expect(first.nodes.map((n) => n.name)).toEqual(['action plan for virtual reality', 'Algeria', 'Brazil', 'China']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.edges.map((e) => e.cursor)).toContain(first.pageInfo.endCursor);
    const names: string[] = first.nodes.map((n) => n.name);
    let after = first.pageInfo.endCursor;
    for (let page = 0; page < 5 && after; page++) {
      const next = (await data<R>(q, { first: 4, after })).entities;
      expect(next.pageInfo.hasPreviousPage).toBe(true);
      names.push(...next.nodes.map((n) => n.name));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(names).toHaveLength(10);
    expect(new Set(names).size).toBe(10);
  });

  it('filters by type, country, mention dates and support, and sorts by support', async () => {
    const countries = (await data<R>(q, { filter: { type: 'Country' } })).entities;
    expect(countries.nodes.map((n) => n.id)).toEqual(['country:dz', 'country:br', 'country:cn', 'country:ru', 'country:us']);
    const inChina = (await data<R>(q, { filter: { country: 'CN' } })).entities;
    expect(inChina.nodes.map((n) => n.id).sort()).toEqual(['company:huawei', 'governmentbody:government-of-china']);
    const in2023 = (await data<R>(q, { filter: { mentionedIn: { from: '2023', to: '2023' } } })).entities;
    expect(in2023.nodes.map((n) => n.name)).toEqual(['Algeria', 'Brazil', 'China', 'Russia', 'United Nations']);
    // "2024-01" (a5) lies in 2024; a date range bound may be partial too.
    const lately = (await data<R>(q, { filter: { mentionedIn: { from: '2024-01-10' } } })).entities;
    expect(lately.nodes.map((n) => n.name)).toEqual(['Huawei', 'United States']);
    const popular = (await data<R>(q, { filter: { minSupport: 2 }, orderBy: { field: 'SUPPORT' } })).entities;
    // China in 4 articles; Algeria, the Government of China and Huawei in 2 each (ties by name).
    expect(popular.nodes.map((n) => n.id)).toEqual(['country:cn', 'country:dz', 'governmentbody:government-of-china', 'company:huawei']);
    expect(popular.totalCount).toBe(4);
  });

  it('names the input field that is wrong', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 0 }, 'first'],
      [{ first: 201 }, 'first'],
      [{ after: 'bm9wZQ' }, 'after'],
      [{ filter: { country: 'Atlantis' } }, 'filter.country'],
      [{ filter: { mentionedIn: { from: '2023-13' } } }, 'filter.mentionedIn.from'],
      [{ filter: { mentionedIn: { from: '2024', to: '2023' } } }, 'filter.mentionedIn'],
      [{ filter: { minSupport: -1 } }, 'filter.minSupport'],
    ];
    for (const [variables, argument] of cases) {
      const result = await run(q, variables);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toEqual({ code: 'BAD_USER_INPUT', argument });
    }
    // A cursor of another list is refused too.
    const rel = await data<{ relations: Page<unknown> }>(`{ relations(first: 1) { pageInfo { endCursor } } }`);
    const result = await run(q, { after: rel.relations.pageInfo.endCursor });
    expect(result.errors?.[0]?.message).toMatch(/^Argument "after" is not a cursor of this list/);
  });
});

describe('relations', () => {
  const q = `query ($filter: RelationFilter, $orderBy: RelationOrder, $first: Int, $after: String) {
    relations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id predicate direction support statementCount confidence firstSeen lastSeen subject { id } object { id }
              evidence(limit: 2) { sentence start end confidence article { id } } } } }`;
  type Rel = { id: string; predicate: string; direction: string; support: number; statementCount: number; confidence: number; firstSeen: string; lastSeen: string; subject: { id: string }; object: { id: string }; evidence: { sentence: string; start: number; end: number; confidence: number; article: { id: string } }[] };
  type R = { relations: Page<Rel> };

  it('lists every relation, most supported first, with statements', async () => {
    const all = (await data<R>(q, { first: 50 })).relations;
    expect(all.totalCount).toBe(11);
    expect(all.nodes[0]).toMatchObject({
      id: 'country:cn|PARTNERS_WITH|country:dz', support: 2, statementCount: 2, firstSeen: '2022-11-08', lastSeen: '2023-05-10',
    });
    expect(all.nodes[0]?.evidence.map((e) => [e.article.id, e.sentence, e.start, e.end])).toEqual([
      ['a1', S_CN_DZ, 0, S_CN_DZ.length],
      ['a3', S_DZ_CN, 0, S_DZ_CN.length],
    ]);
    const page = (await data<R>(q, { first: 10 })).relations;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = (await data<R>(q, { first: 10, after: page.pageInfo.endCursor })).relations;
    expect(rest.nodes).toHaveLength(1);
    expect(new Set([...page.nodes, ...rest.nodes].map((n) => n.id)).size).toBe(11);
  });

  it('filters by predicate, ends, direction, confidence, support and dates', async () => {
    const ids = async (filter: Record<string, unknown>, orderBy?: Record<string, unknown>): Promise<string[]> =>
      (await data<R>(q, { filter, orderBy })).relations.nodes.map((n) => `${n.subject.id} ${n.predicate} ${n.object.id}`);
    // Equal support: ties by subject id.
    expect(await ids({ predicates: ['RESTRICTS', 'ISSUES'] })).toEqual([
      'country:us RESTRICTS company:huawei',
      'governmentbody:government-of-china ISSUES policy:action-plan-for-virtual-reality',
    ]);
    // PARTNERS_WITH matches either end and reads from the filter's entity.
    expect(await ids({ subject: 'country:ru', predicates: ['PARTNERS_WITH'] }, { field: 'CONFIDENCE' })).toEqual([
      'country:ru PARTNERS_WITH country:cn',
      'country:ru PARTNERS_WITH country:br',
    ]);
    expect(await ids({ object: 'company:huawei' })).toEqual(['country:us RESTRICTS company:huawei']);
    expect(await ids({ subject: 'company:huawei', object: 'country:cn' })).toEqual(['company:huawei HEADQUARTERED_IN country:cn']);
    expect(await ids({ entity: 'company:huawei', direction: 'IN' })).toEqual(['country:us RESTRICTS company:huawei']);
    const both = await ids({ entity: 'company:huawei' });
    expect(both).toHaveLength(3);
    expect(await ids({ minConfidence: 0.9 }, { field: 'FIRST_SEEN', direction: 'ASC' })).toEqual([
      'governmentbody:government-of-china ISSUES policy:action-plan-for-virtual-reality',
      'country:cn PARTNERS_WITH country:dz',
    ]);
    expect(await ids({ minSupport: 2 })).toEqual(['country:cn PARTNERS_WITH country:dz']);
    expect(await ids({ seen: { from: '2024' } })).toEqual(['country:us RESTRICTS company:huawei']);
    const directed = (await data<R>(q, { filter: { entity: 'country:cn', direction: 'IN', predicates: ['HEADQUARTERED_IN'] } })).relations.nodes;
    expect(directed.map((n) => n.direction)).toEqual(['IN']);
  });

  it('refuses contradictory or out-of-range filters', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ entity: 'country:cn', subject: 'country:ru' }, 'filter.entity'],
      [{ minConfidence: 1.5 }, 'filter.minConfidence'],
      [{ minSupport: 0 }, 'filter.minSupport'],
      [{ predicates: [] }, 'filter.predicates'],
      [{ seen: { to: 'last week' } }, 'filter.seen.to'],
    ];
    for (const [filter, argument] of cases) {
      const result = await run(q, { filter });
      expect(result.errors?.[0]?.extensions, JSON.stringify(filter)).toEqual({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('shortestPaths', () => {
  const q = `query ($from: ID!, $to: ID!, $maxHops: Int, $predicates: [Predicate!]) {
    shortestPaths(from: $from, to: $to, maxHops: $maxHops, predicates: $predicates) {
      length nodes { id } edges { source target predicate support evidence(limit: 1) { sentence } } } }`;
  type R = { shortestPaths: { length: number; nodes: { id: string }[]; edges: { source: string; target: string; predicate: string; support: number; evidence: { sentence: string }[] }[] }[] };

  it('finds the shortest paths either way along relations', async () => {
    const paths = (await data<R>(q, { from: 'country:us', to: 'country:dz' })).shortestPaths;
    expect(paths).toHaveLength(1);
    expect(paths[0]?.length).toBe(3);
    expect(paths[0]?.nodes.map((n) => n.id)).toEqual(['country:us', 'company:huawei', 'country:cn', 'country:dz']);
    expect(paths[0]?.edges.map((e) => `${e.source} ${e.predicate} ${e.target}`)).toEqual([
      'country:us RESTRICTS company:huawei',
      'company:huawei HEADQUARTERED_IN country:cn',
      'country:cn PARTNERS_WITH country:dz',
    ]);
    expect(paths[0]?.edges[0]?.evidence[0]?.sentence).toBe(S_BAN);
  });

  it('respects the hop limit and the predicate filter, and checks arguments', async () => {
    expect((await data<R>(q, { from: 'country:us', to: 'country:dz', maxHops: 2 })).shortestPaths).toEqual([]);
    expect((await data<R>(q, { from: 'country:us', to: 'country:dz', predicates: ['PARTNERS_WITH'] })).shortestPaths).toEqual([]);
    const two = (await data<R>(q, { from: 'country:ru', to: 'country:dz', predicates: ['PARTNERS_WITH'] })).shortestPaths;
    expect(two.map((p) => p.nodes.map((n) => n.id))).toEqual([['country:ru', 'country:cn', 'country:dz']]);
    expect((await data<R>(q, { from: 'nobody', to: 'country:dz' })).shortestPaths).toEqual([]);
    expect((await run(q, { from: 'country:cn', to: 'country:cn' })).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect((await run(q, { from: 'country:cn', to: 'country:dz', maxHops: 7 })).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
  });
});

describe('neighbourhood', () => {
  const q = `query ($id: ID!, $hops: Int, $limit: Int, $predicates: [Predicate!]) {
    neighbourhood(id: $id, hops: $hops, limit: $limit, predicates: $predicates) {
      truncated center { id } nodes { distance entity { id } } edges { source target predicate } } }`;
  type R = { neighbourhood: { truncated: boolean; center: { id: string }; nodes: { distance: number; entity: { id: string } }[]; edges: { source: string; target: string; predicate: string }[] } | null };

  it('gives the ego network one and two hops out', async () => {
    const one = (await data<R>(q, { id: 'country:us' })).neighbourhood;
    expect(one?.nodes).toEqual([{ distance: 1, entity: { id: 'company:huawei' } }]);
    expect(one?.edges).toEqual([{ source: 'country:us', target: 'company:huawei', predicate: 'RESTRICTS' }]);
    const two = (await data<R>(q, { id: 'country:us', hops: 2 })).neighbourhood;
    expect(two?.nodes.map((n) => `${n.distance} ${n.entity.id}`).sort()).toEqual([
      '1 company:huawei', '2 country:cn', '2 event:world-internet-conference-2022',
    ]);
    expect(two?.edges).toHaveLength(3);
    expect(two?.truncated).toBe(false);
  });

  it('stops at the limit, follows only the given predicates, and is null for an unknown id', async () => {
    const cut = (await data<R>(q, { id: 'country:cn', limit: 2 })).neighbourhood;
    expect(cut?.nodes).toHaveLength(2);
    expect(cut?.truncated).toBe(true);
    const partners = (await data<R>(q, { id: 'country:cn', predicates: ['PARTNERS_WITH'] })).neighbourhood;
    expect(partners?.nodes.map((n) => n.entity.id).sort()).toEqual(['country:br', 'country:dz', 'country:ru', 'organization:united-nations']);
    expect(partners?.edges.every((e) => e.predicate === 'PARTNERS_WITH')).toBe(true);
    expect((await data<R>(q, { id: 'nobody' })).neighbourhood).toBeNull();
    expect((await run(q, { id: 'country:cn', hops: 4 })).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'hops' });
    expect((await run(q, { id: 'country:cn', limit: 501 })).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'limit' });
  });
});

describe('partner network and country aggregates', () => {
  const stats = 'country { id } partners partnerCountries partnershipSupport companies policiesIssued restrictionsGiven restrictionsReceived';

  it('adds organisations when asked, filters by support, and aggregates each country', async () => {
    type Net = { partnerNetwork: { nodes: { id: string; type: string }[]; edges: { source: string; target: string; support: number }[]; countryStats: { country: { id: string }; partners: number }[] } };
    const plain = (await data<Net>(`{ partnerNetwork(country: "China") { nodes { id type } edges { source target support } countryStats { country { id } partners } } }`)).partnerNetwork;
    expect(plain.nodes.map((n) => n.id)).toEqual(['country:dz', 'country:br', 'country:cn', 'country:ru']);
    const withOrgs = (await data<Net>(`{ partnerNetwork(country: "China", includeOrganizations: true) { nodes { id type } edges { source target support } countryStats { country { id } partners } } }`)).partnerNetwork;
    expect(withOrgs.nodes.map((n) => n.id)).toContain('organization:united-nations');
    expect(withOrgs.edges).toHaveLength(4);
    expect(withOrgs.countryStats.map((s) => s.country.id)).toEqual(['country:dz', 'country:br', 'country:cn', 'country:ru']);
    const whole = (await data<Net>(`{ partnerNetwork(includeOrganizations: true) { nodes { id type } edges { source target support } countryStats { country { id } partners } } }`)).partnerNetwork;
    expect(whole.edges).toHaveLength(5);
    const strong = (await data<Net>(`{ partnerNetwork(minSupport: 2) { nodes { id type } edges { source target support } countryStats { country { id } partners } } }`)).partnerNetwork;
    expect(strong.edges).toEqual([{ source: 'country:cn', target: 'country:dz', support: 2 }]);
  });

  it('counts partners, companies, policies and restrictions', async () => {
    const china = await data<{ countryStats: Record<string, unknown> }>(`{ countryStats(country: "cn") { ${stats} } }`);
    expect(china.countryStats).toEqual({
      country: { id: 'country:cn' }, partners: 4, partnerCountries: 3, partnershipSupport: 5, companies: 1,
      policiesIssued: 1, restrictionsGiven: 0, restrictionsReceived: 1,
    });
    const us = await data<{ entity: { countryStats: Record<string, unknown> } }>(`{ entity(id: "country:us") { countryStats { ${stats} } } }`);
    expect(us.entity.countryStats).toMatchObject({ partners: 0, restrictionsGiven: 1, restrictionsReceived: 0 });
    const huawei = await data<{ entity: { countryStats: null } }>(`{ entity(id: "company:huawei") { countryStats { partners } } }`);
    expect(huawei.entity.countryStats).toBeNull();
    expect((await data<{ countryStats: null }>(`{ countryStats(country: "Atlantis") { partners } }`)).countryStats).toBeNull();
  });
});

describe('timeline', () => {
  const q = `query ($published: DateRange, $newestFirst: Boolean, $first: Int, $after: String) { entity(id: "country:cn") {
    timeline(published: $published, newestFirst: $newestFirst, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { predicate article { id published } } } } }`;
  type R = { entity: { timeline: Page<{ predicate: string; article: { id: string; published: string } }> } };

  it('gives what was said about an entity by article date, paged and filtered', async () => {
    const all = (await data<R>(q, { first: 50 })).entity.timeline;
    // a4: PART_OF; a1: two; a2: three; a3: one.
    expect(all.totalCount).toBe(7);
    expect(all.nodes.map((n) => n.article.published)).toEqual([
      '2021-06-15', '2022-11-08', '2022-11-08', '2023-03-01', '2023-03-01', '2023-03-01', '2023-05-10',
    ]);
    const newest = (await data<R>(q, { newestFirst: true, first: 1 })).entity.timeline;
    expect(newest.nodes[0]?.article.id).toBe('a3');
    expect(newest.pageInfo.hasNextPage).toBe(true);
    const next = (await data<R>(q, { newestFirst: true, first: 50, after: newest.pageInfo.endCursor })).entity.timeline;
    expect(next.nodes).toHaveLength(6);
    const in2023 = (await data<R>(q, { published: { from: '2023-01', to: '2023-04' } })).entity.timeline;
    expect(in2023.nodes.map((n) => n.article.id)).toEqual(['a2', 'a2', 'a2']);
  });
});

describe('articles', () => {
  const q = `query ($filter: ArticleFilter, $first: Int, $after: String) { articlesConnection(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
  type R = { articlesConnection: Page<{ id: string }> };

  it('lists and searches articles newest first', async () => {
    const ids = async (filter: Record<string, unknown>): Promise<string[]> =>
      (await data<R>(q, { filter })).articlesConnection.nodes.map((n) => n.id);
    expect(await ids({})).toEqual(['a5', 'a3', 'a2', 'a1', 'a4']);
    expect(await ids({ text: 'HUAWEI' })).toEqual(['a5']);
    expect(await ids({ text: 'china' })).toEqual(['a3', 'a2', 'a1']);
    expect(await ids({ published: { from: '2022', to: '2023-03' } })).toEqual(['a2', 'a1']);
    expect(await ids({ mentions: 'country:dz' })).toEqual(['a3', 'a1']);
    expect(await ids({ source: 'Example Wire', mentions: 'company:huawei' })).toEqual(['a5', 'a1']);
    const page = (await data<R>(q, { first: 2 })).articlesConnection;
    expect(page.totalCount).toBe(5);
    const next = (await data<R>(q, { first: 2, after: page.pageInfo.endCursor })).articlesConnection;
    expect(next.nodes.map((n) => n.id)).toEqual(['a2', 'a1']);
  });

  it("gives an article's entities and relations", async () => {
    const out = await data<{ article: { mentions: { entity: { id: string } }[]; relations: { id: string; support: number }[] } }>(
      `{ article(id: "a1") { mentions { entity { id } } relations { id support } } }`,
    );
    expect(out.article.mentions).toHaveLength(5);
    expect(out.article.relations.map((r) => [r.id, r.support])).toEqual([
      ['country:cn|PARTNERS_WITH|country:dz', 2],
      ['governmentbody:government-of-china|HOSTS|event:world-internet-conference-2022', 1],
      ['company:huawei|HEADQUARTERED_IN|country:cn', 1],
      ['company:huawei|PARTICIPATES_IN|event:world-internet-conference-2022', 1],
    ]);
  });
});
