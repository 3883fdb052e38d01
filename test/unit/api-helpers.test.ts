/** Pure helpers of the API: Lucene query building, argument checks, error masking. */
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { escapeLucene, luceneQuery } from '../../src/api/queries/search.ts';
import { limitArg, offsetArg, textArg } from '../../src/api/args.ts';
import { createFormatError } from '../../src/api/errors.ts';
import { toNative } from '../../src/api/queries/values.ts';
import neo4j from 'neo4j-driver';

describe('luceneQuery', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('builds a phrase, terms and prefixes from lower-cased words', () => {
    expect(luceneQuery('World Internet')).toBe('"world internet"^4 world^2 world* internet^2 internet*');
    expect(luceneQuery('  EU ')).toBe('eu^2');
    expect(luceneQuery('NOT AND')).toBe('"not and"^4 not^2 not* and^2 and*');
    expect(luceneQuery('   ')).toBeNull();
  });

  it('keeps user operators literal', () => {
    expect(luceneQuery('huawei OR name:*')).toBe('"huawei or name\\:\\*"^4 huawei^2 huawei* or^2 name\\:\\*^2 name\\:\\**');
  });
});

describe('argument checks', () => {
  it('accepts values in range and names the argument otherwise', () => {
    expect(limitArg(20)).toBe(20);
    expect(offsetArg(0)).toBe(0);
    expect(textArg('  China ', 'text')).toBe('China');
    expect(() => limitArg(0)).toThrow('Argument "limit" must be an integer from 1 to 200 (got 0).');
    expect(() => limitArg(201)).toThrow(/Argument "limit"/);
    expect(() => offsetArg(-1)).toThrow(/Argument "offset"/);
    expect(() => textArg(' ', 'text')).toThrow('Argument "text" must not be empty.');
    try {
      limitArg(500);
    } catch (error) {
      expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'limit' });
    }
  });
});

describe('formatError', () => {
  const logged: string[] = [];
  const format = createFormatError({ error: (m) => logged.push(m) });

  it('passes client errors through without a stack trace', () => {
    const out = format(
      { message: 'Argument "limit" must be ...', extensions: { code: 'BAD_USER_INPUT', argument: 'limit', stacktrace: ['at x'] } },
      new GraphQLError('Argument "limit" must be ...'),
    );
    expect(out).toEqual({ message: 'Argument "limit" must be ...', extensions: { code: 'BAD_USER_INPUT', argument: 'limit' } });
  });

  it('masks internal errors and logs them', () => {
    const cypherError = Object.assign(new Error('Invalid input MATCH (n:Secret) RETURN n'), { code: 'Neo.ClientError.Statement.SyntaxError' });
    const out = format({ message: cypherError.message, path: ['stats'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at y'] } }, cypherError);
    expect(out).toEqual({ message: 'Internal server error.', path: ['stats'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged.at(-1)).toContain('MATCH (n:Secret)');
  });

  it('tells an unavailable database apart', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ServiceUnavailable' });
    expect(format({ message: 'x' }, down).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });
});

describe('toNative', () => {
  it('converts driver integers and temporal values inside plain maps and lists', () => {
    const row = {
      id: 'country:cn',
      support: neo4j.int(42),
      published: new neo4j.types.Date(2024, 3, 9),
      nested: { counts: [neo4j.int(1), 2.5, null], label: 'x' },
      missing: undefined,
    };
    expect(toNative(row)).toEqual({
      id: 'country:cn',
      support: 42,
      published: '2024-03-09',
      nested: { counts: [1, 2.5, null], label: 'x' },
      missing: null,
    });
  });

  it('converts plain maps and lists in place, and copies other driver values', () => {
    const other = { id: 'org:itu', counts: [neo4j.int(3)] };
    const row = { support: neo4j.int(7), other };
    expect(toNative(row)).toBe(row);
    expect(row).toEqual({ support: 7, other: { id: 'org:itu', counts: [3] } });
    expect(row.other).toBe(other);
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'country:cn', seen: neo4j.int(2) }, 'e1');
    const plain = toNative(node) as Record<string, unknown>;
    expect(plain).not.toBe(node);
    expect(plain.identity).toBe(1);
    expect(plain.properties).toEqual({ id: 'country:cn', seen: 2 });
  });
});
