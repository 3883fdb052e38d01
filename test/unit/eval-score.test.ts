import { describe, expect, it } from 'vitest';
import type { EntityType, Extraction, Predicate } from '../../src/model.ts';
import type { Gold } from '../../src/eval/gold.ts';
import { normaliseName } from '../../src/eval/normalise.ts';
import { scoreArticle, scoreArticles } from '../../src/eval/scoreArticles.ts';

type E = [name: string, type: EntityType, aliases?: string[]];
type R = [subject: string, predicate: Predicate, object: string];

function extraction(entities: E[], relations: R[] = []): Extraction {
  return {
    article: { title: 't', published: null },
    entities: entities.map(([name, type, aliases = []]) => ({ id: `${type}:${name}`, name, type, aliases, mentions: [] })),
    relations: relations.map(([subject, predicate, object]) => ({ subject, predicate, object, confidence: 1, evidence: { start: 0, end: 1 } })),
  };
}

function gold(entities: E[], relations: R[] = []): Gold {
  return {
    entities: entities.map(([name, type, aliases = []]) => ({ name, type, aliases })),
    relations: relations.map(([subject, predicate, object]) => ({ subject, predicate, object })),
  };
}

describe('normaliseName', () => {
  it('lower-cases, strips diacritics and punctuation, drops a leading "the", collapses whitespace', () => {
    expect(normaliseName('  The  Société   Générale, Inc. ')).toBe('societe generale inc');
    expect(normaliseName('U.S.')).toBe('us');
    expect(normaliseName('Xi’s')).toBe('xis');
    expect(normaliseName('THE Middle Kingdom')).toBe('middle kingdom');
  });
  it('keeps "the" inside a word or alone', () => {
    expect(normaliseName('Theresa May')).toBe('theresa may');
    expect(normaliseName('the')).toBe('the');
  });
});

describe('entity matching', () => {
  it('needs equal types for a typed match, any type for an untyped one', () => {
    const s = scoreArticle(extraction([['Huawei', 'Organization']]), gold([['Huawei', 'Company']]));
    expect(s.typed).toEqual({ tp: 0, pred: 1, gold: 1 });
    expect(s.untyped).toEqual({ tp: 1, pred: 1, gold: 1 });
    expect(s.wrongType).toEqual([{ predicted: { name: 'Huawei', type: 'Organization' }, gold: { name: 'Huawei', type: 'Company' } }]);
  });
  it('matches through aliases on either side', () => {
    const s = scoreArticle(
      extraction([['US', 'Country'], ['Middle Kingdom', 'Country'], ['European Union', 'Organization', ['EU']]]),
      gold([['United States', 'Country', ['US']], ['China', 'Country', ['Middle Kingdom']], ['EU', 'Organization']]),
    );
    expect(s.typed.tp).toBe(3);
  });
  it('matches each gold entity at most once', () => {
    const s = scoreArticle(extraction([['Elon Musk', 'Person'], ['Musk', 'Person']]), gold([['Elon Musk', 'Person', ['Musk']]]));
    expect(s.typed).toEqual({ tp: 1, pred: 2, gold: 1 });
    expect(s.falseEntities).toEqual([{ name: 'Musk', type: 'Person' }]);
  });
  it('finds the largest matching, not just the first greedy one', () => {
    // Greedy would pair WIC with the first gold entity and leave "World Internet Conference" unmatched.
    const s = scoreArticle(
      extraction([['WIC', 'Organization'], ['World Internet Conference', 'Organization']]),
      gold([['World Internet Conference', 'Organization', ['WIC']], ['WIC Secretariat', 'Organization', ['WIC']]]),
    );
    expect(s.typed.tp).toBe(2);
  });
});

describe('relation matching', () => {
  const g = gold(
    [['United States', 'Country', ['US']], ['European Union', 'Organization', ['EU']], ['Huawei', 'Company']],
    [['United States', 'PARTNERS_WITH', 'European Union'], ['United States', 'RESTRICTS', 'Huawei']],
  );
  it('accepts either order for PARTNERS_WITH only', () => {
    const ents: E[] = [['US', 'Country'], ['EU', 'Organization'], ['Huawei', 'Company']];
    expect(scoreArticle(extraction(ents, [['EU', 'PARTNERS_WITH', 'US']]), g).relations.tp).toBe(1);
    expect(scoreArticle(extraction(ents, [['Huawei', 'RESTRICTS', 'US']]), g).relations.tp).toBe(0);
    expect(scoreArticle(extraction(ents, [['US', 'RESTRICTS', 'Huawei']]), g).relations.tp).toBe(1);
  });
  it('resolves relation names through aliases and needs the same predicate', () => {
    const ents: E[] = [['America', 'Country', ['United States']], ['Huawei', 'Company']];
    expect(scoreArticle(extraction(ents, [['America', 'RESTRICTS', 'Huawei']]), g).relations.tp).toBe(1);
    expect(scoreArticle(extraction(ents, [['America', 'PARTNERS_WITH', 'Huawei']]), g).relations.tp).toBe(0);
  });
  it('matches each gold relation at most once', () => {
    const ents: E[] = [['US', 'Country'], ['EU', 'Organization']];
    const s = scoreArticle(extraction(ents, [['US', 'PARTNERS_WITH', 'EU'], ['EU', 'PARTNERS_WITH', 'US']]), g);
    expect(s.relations).toEqual({ tp: 1, pred: 2, gold: 2 });
  });
});

describe('scoreArticles on a hand-made two-article set', () => {
  const a1 = {
    id: 'a1',
    gold: gold(
      [['China', 'Country', ['Chinese']], ['Huawei', 'Company'], ['Ren Zhengfei', 'Person', ['Ren']], ['Shenzhen', 'Place']],
      [['Huawei', 'HEADQUARTERED_IN', 'China'], ['Ren Zhengfei', 'HOLDS_ROLE', 'Huawei'], ['Shenzhen', 'LOCATED_IN', 'China']],
    ),
    extraction: extraction(
      [['China', 'Country'], ['Huawei', 'Company'], ['Ren', 'Person'], ['Shenzhen', 'Country'], ['Beijing', 'Place']],
      [['Huawei', 'HEADQUARTERED_IN', 'China'], ['Ren', 'HOLDS_ROLE', 'Huawei'], ['Shenzhen', 'LOCATED_IN', 'China'], ['China', 'RESTRICTS', 'Huawei']],
    ),
  };
  const a2 = {
    id: 'a2',
    gold: gold(
      [['United States', 'Country', ['US']], ['European Union', 'Organization', ['EU']], ['Huawei', 'Company']],
      [['United States', 'PARTNERS_WITH', 'European Union'], ['United States', 'RESTRICTS', 'Huawei']],
    ),
    extraction: extraction(
      [['US', 'Country'], ['EU', 'Organization'], ['Microsoft', 'Company']],
      [['EU', 'PARTNERS_WITH', 'US'], ['US', 'RESTRICTS', 'Microsoft']],
    ),
  };
  const s = scoreArticles([a1, a2]);

  it('micro-averages typed entities: tp 5, pred 8, gold 7', () => {
    expect(s.typed).toMatchObject({ tp: 5, pred: 8, gold: 7 });
    expect(s.typed.precision).toBeCloseTo(5 / 8);
    expect(s.typed.recall).toBeCloseTo(5 / 7);
    expect(s.typed.f1).toBeCloseTo(2 / 3);
  });
  it('micro-averages untyped entities: tp 6, pred 8, gold 7', () => {
    expect(s.untyped).toMatchObject({ tp: 6, pred: 8, gold: 7 });
    expect(s.untyped.f1).toBeCloseTo(0.8);
  });
  it('micro-averages relations: tp 3, pred 6, gold 5 (a wrongly typed argument does not match)', () => {
    expect(s.relations).toMatchObject({ tp: 3, pred: 6, gold: 5, precision: 0.5 });
    expect(s.relations.recall).toBeCloseTo(0.6);
    expect(s.relations.f1).toBeCloseTo(6 / 11);
  });
  it('reports per type and per predicate', () => {
    expect(s.byType['Country']).toMatchObject({ tp: 2, pred: 3, gold: 2, recall: 1 });
    expect(s.byType['Place']).toMatchObject({ tp: 0, pred: 1, gold: 1, f1: 0 });
    expect(s.byType['Company']).toMatchObject({ tp: 1, pred: 2, gold: 2 });
    expect(s.byPredicate['RESTRICTS']).toMatchObject({ tp: 0, pred: 2, gold: 1 });
    expect(s.byPredicate['PARTNERS_WITH']).toMatchObject({ tp: 1, pred: 1, gold: 1, f1: 1 });
    expect(s.byPredicate['LOCATED_IN']).toMatchObject({ tp: 0, pred: 1, gold: 1 });
  });
  it('lists misses and false positives per article', () => {
    const d = s.perArticle[0]!;
    expect(d.id).toBe('a1');
    expect(d.missedEntities).toEqual([{ name: 'Shenzhen', type: 'Place' }]);
    expect(d.falseEntities).toEqual([{ name: 'Shenzhen', type: 'Country' }, { name: 'Beijing', type: 'Place' }]);
    expect(d.missedRelations).toEqual([{ subject: 'Shenzhen', predicate: 'LOCATED_IN', object: 'China' }]);
    expect(d.falseRelations).toEqual([
      { subject: 'Shenzhen', predicate: 'LOCATED_IN', object: 'China' },
      { subject: 'China', predicate: 'RESTRICTS', object: 'Huawei' },
    ]);
  });
  it('gives 0, not NaN, for empty sets', () => {
    const e = scoreArticles([]);
    expect(e.typed).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
