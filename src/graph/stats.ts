/** Counts of what is in the graph, for tests and the ingest summary. */
import { readTx, type Driver, type TxOptions } from './driver.ts';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  entities: number;
  articles: number;
  statements: number;
}

// Each count is a separate CALL so the planner can answer it from the count store.
const COUNTS = `
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
  CALL () { MATCH (n:Article) RETURN count(n) AS articles }
  CALL () { MATCH (n:Statement) RETURN count(n) AS statements }
  RETURN nodes, relationships, entities, articles, statements`;

/** Returns node, relationship, entity, article and statement counts of `database`. */
export async function graphCounts(driver: Driver, database: string, options: TxOptions = {}): Promise<GraphCounts> {
  return readTx(
    driver,
    database,
    async (tx) => {
      const record = (await tx.run(COUNTS)).records[0];
      const get = (key: keyof GraphCounts): number => Number(record?.get(key) ?? 0);
      return {
        nodes: get('nodes'),
        relationships: get('relationships'),
        entities: get('entities'),
        articles: get('articles'),
        statements: get('statements'),
      };
    },
    options,
  );
}
