import { describe, expect, it } from 'vitest';
import type { Article, Extraction } from '../../src/model.ts';
import { articleWriteRow, canonicalEnds, comesFirstInRoleOrder, mergeEntityRows, planEdgeUpdates, prepareArticle, statementId, unionStrings } from '../../src/graph/rows.ts';

const body = 'Norland and Vesteria signed a cloud accord. Aurelia Sato, CEO of Brightwave, spoke in Kessel.';

const article: Article = {
  id: 'article:test-1',
  title: 'Accord',
  body,
  url: null,
  source: null,
  published: '2024-03-01',
  contentHash: 'h1',
};

function span(text: string): { start: number; end: number; text: string } {
  const start = body.indexOf(text);
  return { start, end: start + text.length, text };
}

const extraction: Extraction = {
  article: { title: 'Accord', published: '2024-03-01' },
  entities: [
    { id: 'country:zz', name: 'Vesteria', type: 'Country', code: 'ZZ', aliases: [], mentions: [span('Vesteria')] },
    { id: 'country:yy', name: 'Norland', type: 'Country', code: 'YY', aliases: ['the Northern Kingdom'], mentions: [span('Norland')] },
    { id: 'person:aurelia-sato', name: 'Aurelia Sato', type: 'Person', aliases: ['Sato'], mentions: [span('Aurelia Sato')] },
    { id: 'company:brightwave', name: 'Brightwave', type: 'Company', aliases: [], mentions: [span('Brightwave')] },
  ],
  relations: [
    { subject: 'Vesteria', predicate: 'PARTNERS_WITH', object: 'Norland', confidence: 0.8, evidence: { start: 0, end: 43 } },
    { subject: 'Sato', predicate: 'HOLDS_ROLE', object: 'Brightwave', confidence: 0.9, evidence: { start: 44, end: body.length }, role: 'CEO' },
    { subject: 'Aurelia Sato', predicate: 'PARTICIPATES_IN', object: 'Kessel Summit', confidence: 0.5, evidence: { start: 44, end: body.length } },
    { subject: 'Norland', predicate: 'PARTNERS_WITH', object: 'Norland', confidence: 0.5, evidence: { start: 0, end: 43 } },
  ],
};

describe('prepareArticle', () => {
  const prepared = prepareArticle(article, extraction);

  it('maps relation names (and unambiguous aliases) to entity ids and skips the rest', () => {
    expect(prepared.statements.map((s) => [s.subject, s.predicate, s.object])).toEqual([
      ['country:yy', 'PARTNERS_WITH', 'country:zz'],
      ['person:aurelia-sato', 'HOLDS_ROLE', 'company:brightwave'],
    ]);
    expect(prepared.skippedRelations).toBe(2);
  });

  it('stores the evidence sentence and the role', () => {
    expect(prepared.statements[0]?.sentence).toBe('Norland and Vesteria signed a cloud accord.');
    expect(prepared.statements[1]?.role).toBe('CEO');
  });

  it('flattens mention offsets', () => {
    const norland = prepared.mentions.find((m) => m.entity === 'country:yy');
    expect(norland).toEqual({ entity: 'country:yy', count: 1, offsets: [0, 7] });
  });

  it('derives statement ids deterministically', () => {
    const again = prepareArticle(article, extraction);
    expect(again.statements.map((s) => s.id)).toEqual(prepared.statements.map((s) => s.id));
    expect(prepared.statements[0]?.id).toBe(statementId('article:test-1', 'PARTNERS_WITH', 'country:yy', 'country:zz', { start: 0, end: 43 }));
    expect(prepared.statements[0]?.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends each evidence text once, statements naming theirs by index', () => {
    const twoFromOne: Extraction = {
      ...extraction,
      relations: [
        ...extraction.relations,
        { subject: 'Norland', predicate: 'MEMBER_OF', object: 'Brightwave', confidence: 0.4, evidence: { start: 0, end: 43 } },
      ],
    };
    const row = articleWriteRow(prepareArticle(article, twoFromOne));
    expect(row.sentences).toEqual(['Norland and Vesteria signed a cloud accord.', body.slice(44)]);
    expect(row.statements.predicate).toEqual(['PARTNERS_WITH', 'HOLDS_ROLE', 'MEMBER_OF']);
    expect(row.statements.sentence).toEqual([0, 1, 0]);
    expect(row.statements.id).toHaveLength(3);
    expect(row.id).toBe('article:test-1');
    expect(row.mentions.entity).toHaveLength(4);
    // Each mention's offsets are values[from[i]..from[i + 1]]: start, end pairs of its spans.
    const { offsets, from, entity } = row.mentions;
    const spans = entity.map((_, i) => offsets.slice(from[i], from[i + 1]));
    const at = (name: string): number[] => [body.indexOf(name), body.indexOf(name) + name.length];
    expect(entity).toEqual(['country:zz', 'country:yy', 'person:aurelia-sato', 'company:brightwave']);
    expect(spans).toEqual([at('Vesteria'), at('Norland'), at('Aurelia Sato'), at('Brightwave')]);
  });

  it('rejects an entity type outside the ontology', () => {
    const bad = { ...extraction, entities: [{ id: 'x:y', name: 'Y', type: 'Planet', aliases: [], mentions: [] }] } as unknown as Extraction;
    expect(() => prepareArticle(article, bad)).toThrow(/unknown type Planet/);
  });
});

describe('helpers', () => {
  it('orders symmetric ends only', () => {
    expect(canonicalEnds('PARTNERS_WITH', 'country:zz', 'country:yy')).toEqual(['country:yy', 'country:zz']);
    expect(canonicalEnds('MEMBER_OF', 'country:zz', 'organization:aa')).toEqual(['country:zz', 'organization:aa']);
  });

  it('unites aliases without duplicates or the name', () => {
    expect(unionStrings(['A', 'B'], ['B', ' C ', 'Name', ''], 'Name')).toEqual(['A', 'B', 'C']);
  });

  it('merges entity rows across articles', () => {
    const merged = mergeEntityRows([
      { id: 'country:yy', name: 'Norland', type: 'Country', aliases: ['NL'], code: 'YY' },
      { id: 'country:yy', name: 'Norland', type: 'Country', aliases: ['the Northern Kingdom'], code: null },
    ]);
    expect(merged).toEqual([{ id: 'country:yy', name: 'Norland', type: 'Country', aliases: ['NL', 'the Northern Kingdom'], code: 'YY' }]);
  });
});

describe('planEdgeUpdates', () => {
  const later = { ...article, id: 'article:test-2', published: '2024-05-20', contentHash: 'h2' };
  const undated = { ...article, id: 'article:test-3', published: null, contentHash: 'h3' };
  const partnersOnly = { ...extraction, relations: extraction.relations.slice(0, 1) };
  const partnersKey = 'country:yy|PARTNERS_WITH|country:zz';

  it('sums new statements per edge: distinct articles, statements, max confidence, first and last date', () => {
    const twice = {
      ...partnersOnly,
      relations: [
        { ...extraction.relations[0]!, confidence: 0.6 },
        { subject: 'Norland', predicate: 'PARTNERS_WITH' as const, object: 'Vesteria', confidence: 0.95, evidence: { start: 0, end: 20 } },
      ],
    };
    const plan = planEdgeUpdates(
      [prepareArticle(later, twice), prepareArticle(article, partnersOnly), prepareArticle(undated, partnersOnly)],
      [],
    );
    expect(plan.recount).toEqual([]);
    expect(plan.increments).toEqual([
      {
        subject: 'country:yy', predicate: 'PARTNERS_WITH', object: 'country:zz', support: 3, statements: 4, confidence: 0.95,
        firstSeen: '2024-03-01', lastSeen: '2024-05-20', role: null, roleConfidence: null, roleStatement: null,
      },
    ]);
  });

  it('gives an edge the role of its most confident new statement with one, the lower statement id on a tie', () => {
    const role = (confidence: number, name: string, start: number) => ({
      subject: 'Sato', predicate: 'HOLDS_ROLE' as const, object: 'Brightwave', confidence, evidence: { start, end: body.length }, role: name,
    });
    const roles = { ...extraction, relations: [role(0.7, 'Adviser', 44), role(0.9, 'CEO', 45), role(0.9, 'Chair', 46), { ...role(0.99, 'x', 47), role: undefined }] };
    const prepared = prepareArticle(article, roles);
    const ids = prepared.statements.filter((s) => s.confidence === 0.9).map((s) => s.id);
    const first = [...ids].sort()[0];
    const [edge] = planEdgeUpdates([prepared], []).increments;
    expect(edge).toMatchObject({ statements: 4, confidence: 0.99, roleConfidence: 0.9, roleStatement: first });
    expect(edge?.role).toBe(prepared.statements.find((s) => s.id === first)?.role);
    expect(comesFirstInRoleOrder(0.9, 'b', { confidence: 0.9, id: 'a' })).toBe(false);
    expect(comesFirstInRoleOrder(0.9, 'a', { confidence: 0.9, id: 'b' })).toBe(true);
    expect(comesFirstInRoleOrder(0.8, 'a', { confidence: 0.9, id: 'b' })).toBe(false);
    expect(comesFirstInRoleOrder(0.1, 'z', null)).toBe(true);
  });

  it('recounts the edges that lost statements and adds to the rest, roles included', () => {
    const changed = [{ subject: 'country:yy', predicate: 'PARTNERS_WITH' as const, object: 'country:zz' }];
    const plan = planEdgeUpdates([prepareArticle(article, extraction)], changed);
    expect(plan.recount.map((t) => `${t.subject}|${t.predicate}|${t.object}`)).toEqual([partnersKey]);
    expect(plan.increments.map((i) => `${i.subject}|${i.predicate}|${i.object}|${String(i.role)}`)).toEqual([
      'person:aurelia-sato|HOLDS_ROLE|company:brightwave|CEO',
    ]);
    const fresh = planEdgeUpdates([prepareArticle(article, extraction)], []);
    expect(fresh.increments.map((i) => `${i.subject}|${i.predicate}|${i.object}`)).toEqual([
      partnersKey,
      'person:aurelia-sato|HOLDS_ROLE|company:brightwave',
    ]);
  });
});
