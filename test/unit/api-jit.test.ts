/**
 * The graphql-jit executor (src/api/jitExecutor.ts) behind a real Apollo Server: answers,
 * errors and variable problems come out as they do with graphql-js.
 */
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jitGateway } from '../../src/api/jitExecutor.ts';

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    enum Kind { ALPHA BETA }
    type Item { name: String! kind: Kind! }
    type Query {
      greet(name: String!): String!
      items(kind: Kind): [Item!]!
      broken: String
    }
  `,
  resolvers: {
    Query: {
      greet: (_: unknown, args: { name: string }) => `hello ${args.name}`,
      items: (_: unknown, args: { kind?: string }) =>
        [{ name: 'a', kind: 'ALPHA' }, { name: 'b', kind: 'BETA' }].filter((i) => args.kind === undefined || i.kind === args.kind),
      broken: () => {
        throw new Error('disk on fire');
      },
    },
  },
});

// One server for all tests, so later requests run on operations compiled (and cached) earlier.
const server = new ApolloServer({ gateway: jitGateway(schema) });

async function run(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const response = await server.executeOperation({ query, variables, operationName });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('jitGateway', () => {
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('answers queries with arguments, variables and lists', async () => {
    const result = await run('query ($k: Kind) { greet(name: "Ada") items(kind: $k) { name kind } }', { k: 'BETA' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ greet: 'hello Ada', items: [{ name: 'b', kind: 'BETA' }] });
  });

  it('runs the operation named, from a document with several, each compiled on its own', async () => {
    const document = 'query One { greet(name: "one") } query Two { items { name } }';
    const one = await run(document, undefined, 'One');
    const two = await run(document, undefined, 'Two');
    const again = await run(document, undefined, 'One');
    expect(one.data).toEqual({ greet: 'hello one' });
    expect(two.data).toEqual({ items: [{ name: 'a' }, { name: 'b' }] });
    expect(again.data).toEqual({ greet: 'hello one' });
  });

  it('runs a cached operation with the variables of each request', async () => {
    const query = 'query ($k: Kind) { items(kind: $k) { name } }';
    expect((await run(query, { k: 'ALPHA' })).data).toEqual({ items: [{ name: 'a' }] });
    expect((await run(query, { k: 'BETA' })).data).toEqual({ items: [{ name: 'b' }] });
  });

  it('gives a resolver error without extensions a code, its path and its location', async () => {
    const result = await run('{ greet(name: "x") broken }');
    expect(result.data).toEqual({ greet: 'hello x', broken: null });
    expect(result.errors).toEqual([
      { message: 'disk on fire', path: ['broken'], locations: [{ line: 1, column: 20 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  });

  it('reports a variable that does not coerce as graphql-js does, as bad user input', async () => {
    const result = await run('query ($k: Kind) { items(kind: $k) { name } }', { k: 'GAMMA' });
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.message).toMatch(/^Variable "\$k" got invalid value "GAMMA"/);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports a missing required variable as bad user input', async () => {
    const result = await run('query ($name: String!) { greet(name: $name) }', {});
    expect(result.errors?.[0]?.message).toBe('Variable "$name" of required type "String!" was not provided.');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
