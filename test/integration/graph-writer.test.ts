/**
 * The graph writer against the real Neo4j started by test/globalSetup.ts. Articles and
 * extractions are built by hand here (fictional countries and people), so every expected
 * value below follows from this file alone.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Predicate } from '../../src/model.ts';
import { entityId } from '../../src/model.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { writeArticles, type ArticleInput } from '../../src/graph/writer.ts';
import { deleteArticle } from '../../src/graph/deleteArticle.ts';
import { graphCounts } from '../../src/graph/stats.ts';
import { readTx } from '../../src/graph/driver.ts';
import { clearDatabase, testDatabase, testDriver } from './support/neo4j.ts';
import { makeInput as makeArticleInput, type EntitySpec, type RelationSpec } from './support/articles.ts';

// ---------------------------------------------------------------------------------------
// Building articles and extractions by hand

/** Articles here take the first 30 characters of their body as title. */
function makeInput(id: string, published: string, body: string, entities: EntitySpec[], relations: RelationSpec[]): ArticleInput {
  return makeArticleInput(id, published, body.slice(0, 30), body, entities, relations);
}

const NORLAND: EntitySpec = { name: 'Norland', type: 'Country', code: 'XN', aliases: ['the Northern Republic'] };
const VESTERIA: EntitySpec = { name: 'Vesteria', type: 'Country', code: 'XV' };
const BRIGHTWAVE: EntitySpec = { name: 'Brightwave', type: 'Company' };
const SATO: EntitySpec = { name: 'Aurelia Sato', type: 'Person', aliases: ['Sato'] };
const SUMMIT: EntitySpec = { name: 'Kessel Digital Summit 2024', type: 'Event' };
const CHARTER: EntitySpec = { name: 'Vesteria Data Charter', type: 'Policy' };

const NORLAND_ID = 'country:xn';
const VESTERIA_ID = 'country:xv';

const A1_BODY =
  'Norland and Vesteria signed a digital trade partnership on Monday. ' +
  'Aurelia Sato, chief executive of Brightwave, attended the Kessel Digital Summit 2024. ' +
  'Brightwave, a Norland cloud firm, joined the Open Cloud Alliance.';

function article1(): ArticleInput {
  return makeInput('a1', '2024-03-04', A1_BODY, [NORLAND, VESTERIA, BRIGHTWAVE, SATO, SUMMIT], [
    { subject: 'Norland', predicate: 'PARTNERS_WITH', object: 'Vesteria', evidence: 'Norland and Vesteria signed a digital trade partnership on Monday.', confidence: 0.9 },
    { subject: 'Aurelia Sato', predicate: 'HOLDS_ROLE', object: 'Brightwave', evidence: 'Aurelia Sato, chief executive of Brightwave, attended the Kessel Digital Summit 2024.', role: 'CEO' },
    { subject: 'Sato', predicate: 'PARTICIPATES_IN', object: 'Kessel Digital Summit 2024', evidence: 'Aurelia Sato, chief executive of Brightwave, attended the Kessel Digital Summit 2024.' },
    { subject: 'Brightwave', predicate: 'HEADQUARTERED_IN', object: 'Norland', evidence: 'Brightwave, a Norland cloud firm, joined the Open Cloud Alliance.' },
    // "Open Cloud Alliance" is not among the entities: skipped and counted.
    { subject: 'Brightwave', predicate: 'MEMBER_OF', object: 'Open Cloud Alliance', evidence: 'Brightwave, a Norland cloud firm, joined the Open Cloud Alliance.' },
  ]);
}

const A2_BODY =
  'Vesteria renewed its partnership with Norland in June. ' +
  'The Vesteria government also published the Vesteria Data Charter.';

function article2(): ArticleInput {
  return makeInput('a2', '2024-06-12', A2_BODY, [VESTERIA, NORLAND, CHARTER], [
    // Stated from the other end: must land on the same single PARTNERS_WITH edge.
    { subject: 'Vesteria', predicate: 'PARTNERS_WITH', object: 'Norland', evidence: 'Vesteria renewed its partnership with Norland in June.', confidence: 0.7 },
    { subject: 'Vesteria', predicate: 'ISSUES', object: 'Vesteria Data Charter', evidence: 'The Vesteria government also published the Vesteria Data Charter.' },
  ]);
}

const A2_CHANGED_BODY =
  'Vesteria renewed its partnership with Norland in June. ' +
  'Vesteria later barred Brightwave from its public cloud tenders.';

function article2Changed(): ArticleInput {
  return makeInput('a2', '2024-06-12', A2_CHANGED_BODY, [VESTERIA, { ...NORLAND, aliases: ['Norlandic state'] }, BRIGHTWAVE], [
    { subject: 'Vesteria', predicate: 'PARTNERS_WITH', object: 'Norland', evidence: 'Vesteria renewed its partnership with Norland in June.', confidence: 0.6 },
    { subject: 'Vesteria', predicate: 'RESTRICTS', object: 'Brightwave', evidence: 'Vesteria later barred Brightwave from its public cloud tenders.' },
  ]);
}

// ---------------------------------------------------------------------------------------
// Reading back

let driver: Driver;
let database: string;

async function query(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  return readTx(driver, database, async (tx) => (await tx.run(cypher, params)).records.map((r) => r.toObject()));
}

async function statementIdsOf(articleId: string): Promise<string[]> {
  const rows = await query('MATCH (:Article {id: $id})-[:STATES]->(s:Statement) RETURN s.id AS id ORDER BY id', { id: articleId });
  return rows.map((r) => r.id as string);
}

async function edge(predicate: Predicate, subject: string, object: string): Promise<Record<string, unknown> | undefined> {
  const rows = await query(
    `MATCH (s:Entity {id: $subject})-[r]->(o:Entity {id: $object}) WHERE type(r) = $predicate
     RETURN r.support AS support, r.statements AS statements, r.confidence AS confidence,
            r.firstSeen AS firstSeen, r.lastSeen AS lastSeen, r.role AS role`,
    { predicate, subject, object },
  );
  return rows[0];
}

async function entityExists(id: string): Promise<boolean> {
  return (await query('MATCH (e:Entity {id: $id}) RETURN e.id AS id', { id })).length === 1;
}

beforeAll(async () => {
  driver = testDriver();
  database = testDatabase();
  await applySchema(driver, database);
});

afterAll(async () => {
  await driver?.close();
});

beforeEach(async () => {
  await clearDatabase(driver);
});

// ---------------------------------------------------------------------------------------

describe('applySchema', () => {
  it('can be applied twice and leaves the constraints and the full-text index online', async () => {
    await applySchema(driver, database);
    await applySchema(driver, database);
    const constraints = await query('SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, properties[0] AS property, type');
    const unique = constraints.filter((c) => c.type === 'UNIQUENESS').map((c) => `${String(c.label)}.${String(c.property)}`).sort();
    expect(unique).toEqual(['Article.id', 'Entity.id']);
    const fulltext = await query("SHOW FULLTEXT INDEXES YIELD name, state, properties WHERE name = 'entityNames' RETURN state, properties");
    expect(fulltext).toEqual([{ state: 'ONLINE', properties: ['name', 'aliasText'] }]);
  });

  it('migrates statements stored with SUBJECT/OBJECT links (and the old Statement.id constraint) to ends as ids', async () => {
    const write = (cypher: string) => driver.executeQuery(cypher, {}, { database });
    await write('CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE');
    await write(`
      CREATE (a:Article {id: 'old'}), (x:Entity {id: 'country:xn', name: 'Norland'}), (y:Entity {id: 'org:oca', name: 'Open Cloud Alliance'})
      CREATE (a)-[:MENTIONS {count: 1}]->(x), (a)-[:MENTIONS {count: 1}]->(y)
      CREATE (a)-[:STATES]->(st:Statement {id: 's1', predicate: 'MEMBER_OF', sentence: 'Norland joined.'}),
             (st)-[:SUBJECT]->(x), (st)-[:OBJECT]->(y),
             (x)-[:MEMBER_OF {support: 1, statements: 1}]->(y)`);
    await applySchema(driver, database);
    expect(await query('MATCH (st:Statement) RETURN st.id AS id, st.subject AS subject, st.object AS object, st.edgeKey AS key')).toEqual([
      { id: 's1', subject: 'country:xn', object: 'org:oca', key: 'country:xn|MEMBER_OF|org:oca' },
    ]);
    expect(await query('MATCH ()-[r:SUBJECT|OBJECT]->() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    expect(await query("SHOW CONSTRAINTS YIELD name WHERE name = 'statement_id' RETURN name")).toEqual([]);
  });
});

describe('writeArticles', () => {
  it('writes new articles with labels, mentions, statements and a skipped-relation count', async () => {
    const summaries = await writeArticles(driver, database, [article1(), article2()]);
    expect(summaries).toEqual([
      { articleId: 'a1', status: 'new', entities: 5, mentions: 5, statements: 4, skippedRelations: 1 },
      { articleId: 'a2', status: 'new', entities: 3, mentions: 3, statements: 2, skippedRelations: 0 },
    ]);
    // 6 entities (Norland and Vesteria shared), 2 articles, 6 statements.
    const counts = await graphCounts(driver, database);
    expect(counts).toMatchObject({ entities: 6, articles: 2, statements: 6, nodes: 14 });

    const norland = await query('MATCH (e:Entity {id: $id}) RETURN labels(e) AS labels, e.name AS name, e.code AS code, e.aliases AS aliases, e.aliasText AS aliasText', { id: NORLAND_ID });
    expect(norland).toHaveLength(1);
    expect([...(norland[0]?.labels as string[])].sort()).toEqual(['Country', 'Entity']);
    expect(norland[0]).toMatchObject({ name: 'Norland', code: 'XN', aliases: ['the Northern Republic'], aliasText: 'the Northern Republic' });

    const mention = await query('MATCH (:Article {id: "a1"})-[m:MENTIONS]->(:Entity {id: $id}) RETURN m.count AS count, m.offsets AS offsets', { id: NORLAND_ID });
    const second = A1_BODY.indexOf('Norland', 1);
    expect(mention).toEqual([{ count: 2, offsets: [0, 7, second, second + 7] }]);

    const role = await edge('HOLDS_ROLE', 'person:aurelia-sato', 'company:brightwave');
    expect(role).toMatchObject({ support: 1, statements: 1, role: 'CEO', firstSeen: '2024-03-04', lastSeen: '2024-03-04' });
    const sentence = await query('MATCH (s:Statement {predicate: "HEADQUARTERED_IN"}) RETURN s.sentence AS sentence, s.start AS start, s.end AS end');
    const hqStart = A1_BODY.indexOf('Brightwave, a Norland');
    expect(sentence).toEqual([{ sentence: 'Brightwave, a Norland cloud firm, joined the Open Cloud Alliance.', start: hqStart, end: A1_BODY.length }]);
    // The skipped relation left no MEMBER_OF edge and no entity for its missing end.
    expect(await query('MATCH ()-[r:MEMBER_OF]->() RETURN r')).toEqual([]);
  });

  it('changes nothing when the same batch is written again: equal node and relationship counts', async () => {
    await writeArticles(driver, database, [article1(), article2()]);
    const before = await graphCounts(driver, database);
    const statementsBefore = [...(await statementIdsOf('a1')), ...(await statementIdsOf('a2'))];
    const again = await writeArticles(driver, database, [article1(), article2()]);
    expect(again.map((s) => s.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.map((s) => s.statements)).toEqual([0, 0]);
    expect(await graphCounts(driver, database)).toEqual(before);
    expect([...(await statementIdsOf('a1')), ...(await statementIdsOf('a2'))]).toEqual(statementsBefore);

    // Forced rewrite of identical content is also a no-op on counts and edge values.
    const forced = await writeArticles(driver, database, [article1(), article2()], { force: true });
    expect(forced.map((s) => s.status)).toEqual(['updated', 'updated']);
    expect(await graphCounts(driver, database)).toEqual(before);
    expect(await edge('PARTNERS_WITH', NORLAND_ID, VESTERIA_ID)).toMatchObject({ support: 2, statements: 2 });
  });

  it('re-reads an unchanged text when a different extractor version produced it, and only then', async () => {
    const withVersion = (input: ArticleInput, extractor: string): ArticleInput => ({ ...input, extraction: { ...input.extraction, extractor } });
    expect((await writeArticles(driver, database, [withVersion(article1(), 'v1')]))[0]?.status).toBe('new');
    expect((await writeArticles(driver, database, [withVersion(article1(), 'v1')]))[0]?.status).toBe('unchanged');
    expect((await writeArticles(driver, database, [withVersion(article1(), 'v2')]))[0]?.status).toBe('updated');
    expect((await writeArticles(driver, database, [withVersion(article1(), 'v2')]))[0]?.status).toBe('unchanged');
  });

  it('counts two articles stating the same relation as support 2 on one PARTNERS_WITH edge, found from both ends', async () => {
    await writeArticles(driver, database, [article1()]);
    await writeArticles(driver, database, [article2()]);
    const partners = await query('MATCH (s)-[r:PARTNERS_WITH]->(o) RETURN s.id AS start, o.id AS end');
    expect(partners).toEqual([{ start: NORLAND_ID, end: VESTERIA_ID }]); // stored once, lower id first
    expect(await edge('PARTNERS_WITH', NORLAND_ID, VESTERIA_ID)).toEqual({
      support: 2,
      statements: 2,
      confidence: 0.9,
      firstSeen: '2024-03-04',
      lastSeen: '2024-06-12',
      role: null,
    });
    for (const from of [NORLAND_ID, VESTERIA_ID]) {
      const found = await query('MATCH (:Entity {id: $from})-[r:PARTNERS_WITH]-(other:Entity) RETURN other.id AS other, r.support AS support', { from });
      expect(found).toEqual([{ other: from === NORLAND_ID ? VESTERIA_ID : NORLAND_ID, support: 2 }]);
    }
  });

  it('replaces a changed article’s statements and leaves other articles’ statements untouched', async () => {
    await writeArticles(driver, database, [article1(), article2()]);
    const a1Statements = await statementIdsOf('a1');
    const a2Old = await statementIdsOf('a2');
    const nodesBefore = await graphCounts(driver, database);

    const [summary] = await writeArticles(driver, database, [article2Changed()]);
    expect(summary).toMatchObject({ articleId: 'a2', status: 'updated', statements: 2 });

    expect(await statementIdsOf('a1')).toEqual(a1Statements);
    const a2New = await statementIdsOf('a2');
    expect(a2New).toHaveLength(2);
    // The partnership sentence kept its text and span, so its statement keeps its id (with
    // the new confidence); the charter statement is gone and the RESTRICTS one is new.
    const kept = a2New.filter((id) => a2Old.includes(id));
    expect(kept).toHaveLength(1);
    expect(await query('MATCH (s:Statement {id: $id}) RETURN s.predicate AS predicate, s.confidence AS confidence', { id: kept[0] })).toEqual([
      { predicate: 'PARTNERS_WITH', confidence: 0.6 },
    ]);

    // The charter was only in the old text: its statement, edge and entity are gone.
    expect(await edge('ISSUES', VESTERIA_ID, entityId('Policy', 'Vesteria Data Charter'))).toBeUndefined();
    expect(await entityExists(entityId('Policy', 'Vesteria Data Charter'))).toBe(false);
    expect(await edge('RESTRICTS', VESTERIA_ID, 'company:brightwave')).toMatchObject({ support: 1, statements: 1 });
    // Still two articles behind the partnership; max confidence still a1's 0.9.
    expect(await edge('PARTNERS_WITH', NORLAND_ID, VESTERIA_ID)).toMatchObject({ support: 2, statements: 2, confidence: 0.9 });
    // Aliases are the union of old and new, and aliasText follows.
    expect(await query('MATCH (e:Entity {id: $id}) RETURN e.aliases AS aliases, e.aliasText AS aliasText', { id: NORLAND_ID })).toEqual([
      { aliases: ['the Northern Republic', 'Norlandic state'], aliasText: 'the Northern Republic | Norlandic state' },
    ]);
    const nodesAfter = await graphCounts(driver, database);
    expect(nodesAfter.entities).toBe(nodesBefore.entities - 1);
    expect(nodesAfter.statements).toBe(nodesBefore.statements);

    // Writing the changed text again is a no-op.
    const again = await writeArticles(driver, database, [article2Changed()]);
    expect(again[0]?.status).toBe('unchanged');
    expect(await graphCounts(driver, database)).toEqual(nodesAfter);
  });

  it('keeps every edge equal to a recount of its statements through new, changed and deleted articles', async () => {
    const a3Body = 'Norland and Vesteria opened a joint data centre. Aurelia Sato now chairs Brightwave.';
    const article3 = makeInput('a3', '2023-11-30', a3Body, [NORLAND, VESTERIA, SATO, BRIGHTWAVE], [
      { subject: 'Vesteria', predicate: 'PARTNERS_WITH', object: 'Norland', evidence: 'Norland and Vesteria opened a joint data centre.', confidence: 0.95 },
      { subject: 'Aurelia Sato', predicate: 'HOLDS_ROLE', object: 'Brightwave', evidence: 'Aurelia Sato now chairs Brightwave.', confidence: 0.95, role: 'Chair' },
    ]);
    const undated = makeInput('a4', '', 'Vesteria and Norland talk again.', [VESTERIA, NORLAND], [
      { subject: 'Vesteria', predicate: 'PARTNERS_WITH', object: 'Norland', evidence: 'Vesteria and Norland talk again.', confidence: 0.5 },
    ]);
    undated.article.published = null;
    // A less confident role, written after a more confident one: the edge keeps the better one.
    const adviser = makeInput('a5', '2024-01-15', 'Aurelia Sato advises Brightwave.', [SATO, BRIGHTWAVE], [
      { subject: 'Aurelia Sato', predicate: 'HOLDS_ROLE', object: 'Brightwave', evidence: 'Aurelia Sato advises Brightwave.', confidence: 0.5, role: 'Adviser' },
    ]);
    const recount = `
      MATCH (s:Entity)-[r]->(o:Entity)
      OPTIONAL MATCH (a:Article)-[:STATES]->(st:Statement)
      WHERE st.subject = s.id AND st.predicate = type(r) AND st.object = o.id
      WITH s, r, o, a, st ORDER BY st.confidence DESC, st.id
      WITH s, r, o, count(DISTINCT a) AS support, count(DISTINCT st) AS statements, max(st.confidence) AS confidence,
           min(a.published) AS firstSeen, max(a.published) AS lastSeen,
           [x IN collect({role: st.role, confidence: st.confidence, id: st.id}) WHERE x.role IS NOT NULL][0] AS best
      RETURN s.id + ' ' + type(r) + ' ' + o.id AS edge,
             [r.support, r.statements, r.confidence, r.firstSeen, r.lastSeen, r.role, r.roleConfidence, r.roleStatement] AS stored,
             [support, statements, confidence, firstSeen, lastSeen, best.role, best.confidence, best.id] AS recounted
      ORDER BY edge`;
    const unsupported = `
      MATCH (st:Statement)
      OPTIONAL MATCH (s:Entity {id: st.subject}), (o:Entity {id: st.object})
      WITH st, s, o
      WHERE s IS NULL OR o IS NULL OR NOT EXISTS { MATCH (s)-[r]->(o) WHERE type(r) = st.predicate }
      RETURN st.id AS id`;
    const check = async (): Promise<Record<string, unknown>[]> => {
      const rows = await query(recount);
      for (const row of rows) expect(row.stored, String(row.edge)).toEqual(row.recounted);
      expect(await query(unsupported)).toEqual([]);
      return rows;
    };

    await writeArticles(driver, database, [article1()]);
    await check();
    await writeArticles(driver, database, [article2(), article3]);
    await writeArticles(driver, database, [undated, adviser]);
    const rows = await check();
    const byEdge = new Map(rows.map((r) => [r.edge, (r.stored as unknown[]).slice(0, 6)]));
    expect(byEdge.get(`${NORLAND_ID} PARTNERS_WITH ${VESTERIA_ID}`)).toEqual([4, 4, 0.95, '2023-11-30', '2024-06-12', null]);
    expect(byEdge.get('person:aurelia-sato HOLDS_ROLE company:brightwave')).toEqual([3, 3, 0.95, '2023-11-30', '2024-03-04', 'Chair']);
    await writeArticles(driver, database, [article2Changed()]);
    await check();
    await deleteArticle(driver, database, 'a3');
    const role = (await check()).find((r) => r.edge === 'person:aurelia-sato HOLDS_ROLE company:brightwave');
    expect((role?.stored as unknown[]).slice(0, 6)).toEqual([2, 2, 0.8, '2024-01-15', '2024-03-04', 'CEO']);
  });

  it('writes an id given twice in one batch in order, the later text winning', async () => {
    const summaries = await writeArticles(driver, database, [article2(), article2Changed()]);
    expect(summaries.map((s) => s.status)).toEqual(['new', 'updated']);
    expect(await entityExists(entityId('Policy', 'Vesteria Data Charter'))).toBe(false);
    expect(await edge('RESTRICTS', VESTERIA_ID, 'company:brightwave')).toMatchObject({ support: 1 });
    expect(await graphCounts(driver, database)).toMatchObject({ articles: 1, statements: 2, entities: 3 });
  });

  it('keeps the type label in step with the type when an entity is re-typed', async () => {
    const first = article1();
    await writeArticles(driver, database, [first]);
    const retyped = article1();
    retyped.article.contentHash = 'retyped';
    retyped.extraction.entities = retyped.extraction.entities.map((e) =>
      e.id === 'company:brightwave' ? { ...e, type: 'Organization' as const } : e,
    );
    await writeArticles(driver, database, [retyped]);
    const rows = await query('MATCH (e:Entity {id: "company:brightwave"}) RETURN labels(e) AS labels, e.type AS type');
    expect(rows).toHaveLength(1);
    expect([...(rows[0]?.labels as string[])].sort()).toEqual(['Entity', 'Organization']);
    expect(rows[0]?.type).toBe('Organization');
  });

  it('unites a stored entity\'s aliases with those a later article gives, and leaves an entity it names as stored untouched', async () => {
    await writeArticles(driver, database, [article1()]);
    const entityRow = (id: string) => query('MATCH (e:Entity {id: $id}) RETURN e.name AS name, e.aliases AS aliases, e.aliasText AS aliasText, e.code AS code', { id });
    const vesteriaBefore = await entityRow(VESTERIA_ID);
    await writeArticles(driver, database, [article2Changed()]);
    expect(await entityRow(NORLAND_ID)).toEqual([
      { name: 'Norland', aliases: ['the Northern Republic', 'Norlandic state'], aliasText: 'the Northern Republic | Norlandic state', code: 'XN' },
    ]);
    expect(await entityRow(VESTERIA_ID)).toEqual(vesteriaBefore);
  });

  it('makes entities findable through the entityNames full-text index by name or alias', async () => {
    await writeArticles(driver, database, [article1()]);
    const hits = await query("CALL db.index.fulltext.queryNodes('entityNames', 'Northern') YIELD node RETURN node.id AS id");
    expect(hits).toEqual([{ id: NORLAND_ID }]);
  });
});

describe('deleteArticle', () => {
  it('removes the article, its statements and orphaned entities, keeps shared ones and recomputes edges', async () => {
    await writeArticles(driver, database, [article1(), article2()]);
    const a1Statements = await statementIdsOf('a1');

    expect(await deleteArticle(driver, database, 'a2')).toEqual({ deleted: true, removedEntities: 1 });
    expect(await query('MATCH (a:Article {id: "a2"}) RETURN a')).toEqual([]);
    expect(await entityExists(entityId('Policy', 'Vesteria Data Charter'))).toBe(false);
    expect(await entityExists(VESTERIA_ID)).toBe(true);
    expect(await entityExists(NORLAND_ID)).toBe(true);
    expect(await statementIdsOf('a1')).toEqual(a1Statements);
    expect(await edge('PARTNERS_WITH', NORLAND_ID, VESTERIA_ID)).toMatchObject({
      support: 1,
      statements: 1,
      firstSeen: '2024-03-04',
      lastSeen: '2024-03-04',
    });
    expect(await graphCounts(driver, database)).toMatchObject({ articles: 1, statements: 4, entities: 5 });

    expect(await deleteArticle(driver, database, 'a2')).toEqual({ deleted: false, removedEntities: 0 });

    // Deleting the last article empties the graph.
    expect(await deleteArticle(driver, database, 'a1')).toEqual({ deleted: true, removedEntities: 5 });
    expect(await graphCounts(driver, database)).toEqual({ nodes: 0, relationships: 0, entities: 0, articles: 0, statements: 0 });
  });
});
