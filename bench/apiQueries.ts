/**
 * The five analyst queries the API bench measures, each with variables drawn from the
 * seeded graph: a pool per query, so every request of a run reads a different part of it.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface BenchQuery {
  name: string;
  /** True for the queries that read one hop around an entity (the p99 target applies). */
  oneHop: boolean;
  query: string;
  variables: Record<string, unknown>[];
}

interface Pools {
  actors: string[];
  words: string[];
  countries: string[];
}

async function sample(driver: Driver, database: string, cypher: string, size: number): Promise<string[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, { size: neo4j.int(size) });
    return result.records.map((r) => String(r.get('value')));
  } finally {
    await session.close();
  }
}

async function pools(driver: Driver, database: string, size: number): Promise<Pools> {
  return {
    actors: await sample(driver, database,
      'MATCH (e:Company|Person|Organization) WITH e, rand() AS r ORDER BY r LIMIT $size RETURN e.id AS value', size * 2),
    words: await sample(driver, database,
      `MATCH (e:Company|Person) WITH e, rand() AS r ORDER BY r LIMIT $size
       RETURN substring(split(e.name, ' ')[0], 0, 5) AS value`, size),
    countries: await sample(driver, database,
      'MATCH (c:Country) WHERE COUNT { (c)-[:PARTNERS_WITH]-(:Country) } > 0 WITH c, rand() AS r ORDER BY r LIMIT $size RETURN c.code AS value', size),
  };
}

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** The five queries with `size` variable sets each. */
export async function benchQueries(driver: Driver, database: string, size: number): Promise<BenchQuery[]> {
  const p = await pools(driver, database, size);
  const range = Array.from({ length: size }, (_, i) => i);
  return [
    {
      name: 'entity + relations',
      oneHop: true,
      query: `query ($id: ID!) { entity(id: $id) { id name type
        relations(limit: 20) { predicate direction support confidence other { id name type } } } }`,
      variables: range.map((i) => ({ id: at(p.actors, i) })),
    },
    {
      name: 'search',
      oneHop: true,
      query: 'query ($text: String!) { search(text: $text, limit: 10) { score entity { id name type } } }',
      variables: range.map((i) => ({ text: at(p.words, i) })),
    },
    {
      name: '2-hop neighbourhood',
      oneHop: false,
      query: `query ($id: ID!) { neighbourhood(id: $id, hops: 2, limit: 100) {
        truncated nodes { distance entity { id name type } } edges { source target predicate support } } }`,
      variables: range.map((i) => ({ id: at(p.actors, i) })),
    },
    {
      name: 'shortest path',
      oneHop: false,
      query: `query ($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 4, limit: 1) {
        length nodes { id name } edges { source target predicate } } }`,
      variables: range.map((i) => ({ from: at(p.actors, 2 * i), to: at(p.actors, 2 * i + 1) })),
    },
    {
      name: 'partner-country network',
      oneHop: false,
      query: `query ($country: String!) { partnerNetwork(country: $country) { nodes { name code }
        edges { source target support evidence(limit: 2) { sentence article { title url } } } } }`,
      variables: range.map((i) => ({ country: at(p.countries, i) })),
    },
  ];
}
