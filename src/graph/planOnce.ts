/**
 * Keeps the first plan of a hot write query for the life of the server.
 *
 * Neo4j replans a cached query when the graph's statistics have moved far enough since it
 * was planned (checked at most every 10 s). During an ingest they always have: the graph is
 * growing. Planning the writer's queries is not cheap:
 *  - the edge upsert, with a subquery per predicate, takes about 0.75 s to plan on a warm
 *    JVM and over 2 s on a fresh one;
 *  - the others take tens of milliseconds each.
 * A 10,000-article ingest replanned them again and again, and each replan also kept the
 * planner's code hot for the JIT to compile.
 *
 * `CYPHER replan=skip` uses a cached plan while there is one. This is only for queries
 * whose plan does not depend on the statistics:
 *  - every node is found through a unique-constraint index seek;
 *  - every relationship is merged between two bound nodes or created.
 * Those plans look the same on an empty graph as on a large one.
 */
export function planOnce(cypher: string): string {
  return `CYPHER replan=skip ${cypher.trimStart()}`;
}
