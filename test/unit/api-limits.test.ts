/** Pure parts of the API's guards: cursors, date bounds, API keys and the cost model. */
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { dateBoundArg, dateRangeArg } from '../../src/api/args.ts';
import { checkWriteAccess, presentedKey } from '../../src/api/auth.ts';
import { encodeCursor, offsetAfter } from '../../src/api/cursor.ts';
import { costEstimator, MAX_COST, pricedVariables } from '../../src/api/limits.ts';
import { buildApiSchema } from '../../src/api/schemaLoader.ts';

describe('cursors', () => {
  it('round-trip positions and refuse other lists and garbage', () => {
    expect(offsetAfter('entities', encodeCursor('entities', 41))).toBe(42);
    expect(offsetAfter('entities', null)).toBe(0);
    expect(() => offsetAfter('entities', encodeCursor('relations', 3))).toThrow(/Argument "after" is not a cursor of this list/);
    expect(() => offsetAfter('entities', 'not-a-cursor')).toThrow(/Argument "after"/);
  });
});

describe('date bounds', () => {
  it('widens partial dates to the first or last day and checks the order', () => {
    expect(dateBoundArg('2023', 'from', 'from')).toBe('2023-01-01');
    expect(dateBoundArg('2023-02', 'to', 'to')).toBe('2023-02-31');
    expect(dateBoundArg('2023-02-05', 'to', 'to')).toBe('2023-02-05');
    expect(() => dateBoundArg('2023-13', 'x.from', 'from')).toThrow('Argument "x.from" must be a date YYYY, YYYY-MM or YYYY-MM-DD (got "2023-13").');
    expect(dateRangeArg({ from: '2022', to: null }, 'r')).toEqual({ from: '2022-01-01', to: null });
    expect(() => dateRangeArg({ from: '2024', to: '2023' }, 'r')).toThrow(/Argument "r" starts after it ends/);
  });
});

describe('API keys', () => {
  it('reads x-api-key or a Bearer token and compares exactly', () => {
    expect(presentedKey({ 'x-api-key': ' k1 ' })).toBe('k1');
    expect(presentedKey({ authorization: 'Bearer k2' })).toBe('k2');
    expect(presentedKey({ authorization: 'Basic k2' })).toBeNull();
    expect(checkWriteAccess('secret', { 'x-api-key': 'secret' })).toBe('granted');
    expect(checkWriteAccess('secret', { authorization: 'bearer secret' })).toBe('granted');
    expect(checkWriteAccess('secret', { 'x-api-key': 'secreT' })).toBe('invalid');
    expect(checkWriteAccess('secret', {})).toBe('missing');
    expect(checkWriteAccess('', { 'x-api-key': '' })).toBe('no-key-configured');
    expect(checkWriteAccess(undefined, { 'x-api-key': 'x' })).toBe('no-key-configured');
  });
});

describe('cost model', () => {
  const schema = buildApiSchema();
  const cost = (query: string, variables: Record<string, unknown> = {}): number =>
    getComplexity({ schema, query: parse(query), variables, estimators: [costEstimator] });

  it('multiplies by page sizes, not by lists a container already counted', () => {
    expect(cost('{ entity(id: "x") { id name } }')).toBe(1);
    expect(cost('{ entities(first: 10) { nodes { id } } }')).toBe(10 * (1 + 1));
    expect(cost('query ($n: Int) { search(text: "x", limit: $n) { entity { id } } }', { n: 5 })).toBe(5 * (1 + 1));
    // The README's dashboard query is cheap; a hundred entities with relations is allowed.
    expect(cost('{ partnerNetwork(country: "China") { nodes { name } edges { source evidence(limit: 2) { article { title } } } } }')).toBe(500 * (1 + 1 + 1 + 2 * 2));
    expect(cost('{ entities(first: 100) { nodes { relations { other { name } } } } }')).toBeLessThan(MAX_COST);
    expect(cost('{ entities(first: 200) { nodes { relations(limit: 200) { evidence(limit: 200) { sentence } } } } }')).toBeGreaterThan(MAX_COST);
  });
});

describe('priced variables', () => {
  it('are the variables of page sizes and directive conditions, not ids or search text', () => {
    const doc = parse(`query ($id: ID!, $n: Int, $text: String!, $withArticles: Boolean!, $k: Int) {
      entity(id: $id) { relations(limit: $n) { predicate } articles(limit: 3) @include(if: $withArticles) { title } }
      search(text: $text, limit: $k) { score }
      ...more
    }
    fragment more on Query { entities(first: $k) { totalCount } }`);
    expect(pricedVariables(doc)).toEqual(['k', 'n', 'withArticles']);
    expect(pricedVariables(parse('query ($id: ID!) { entity(id: $id) { relations(limit: 20) { predicate } } }'))).toEqual([]);
  });
});
